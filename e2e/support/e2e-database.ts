// Read access to the database the app under test writes (E2E_DATABASE_URL, set by
// playwright.config.ts), so specs can check what a page shows against the numbers in SQLite.
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../../lib/db/schema";
import type { Db } from "../../lib/db/client";

export function withE2eDatabase<T>(read: (db: Db) => T): T {
  const file = process.env.E2E_DATABASE_URL;
  if (!file) throw new Error("E2E_DATABASE_URL is not set: run the end-to-end tests through playwright.config.ts");
  const client = new Database(file, { readonly: true, fileMustExist: true });
  client.pragma("busy_timeout = 5000");
  try {
    return read(drizzle(client, { schema }) as Db);
  } finally {
    client.close();
  }
}
