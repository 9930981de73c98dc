/**
 * Prepared statements cached per connection, for the hot paths that write thousands of rows a
 * second (judgments, eval judgments): one statement compiled once and run per row inside a
 * transaction is SQLite's fastest way to insert, and skips building SQL text for every batch.
 */
import "./server-only";
import type Database from "better-sqlite3";
import type { Db } from "./client";

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Db, sql: string): Database.Statement {
  let statements = cache.get(db.$client);
  if (!statements) cache.set(db.$client, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.$client.prepare(sql)));
  return statement;
}
