/**
 * Opens the SQLite database (better-sqlite3 + Drizzle), sets the pragmas the app relies on
 * (WAL, foreign keys, busy timeout) and applies pending migrations from drizzle/.
 * One connection per process, cached on globalThis so hot reloads and route bundles share it.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { databaseFile, migrationsDir } from "@/lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The database or a transaction on it: what query functions accept. */
export type Queryable = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;

export type OpenOptions = {
  file: string;
  migrationsFolder?: string;
  /** Called with a line for the log (migration start, duration, failure). */
  log?: (line: string) => void;
};

/** Open a database file, creating its folder, and bring its schema up to date. */
export function openDatabase({ file, migrationsFolder = migrationsDir(), log }: OpenOptions): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    // Another process (the CLI, a second server) may hold the write lock for a moment.
    sqlite.pragma("busy_timeout = 5000");
    // Safe with WAL: a crash can lose the last transactions' durability, never consistency.
    sqlite.pragma("synchronous = NORMAL");
    const db = drizzle(sqlite, { schema });
    const started = performance.now();
    migrate(db, { migrationsFolder });
    log?.(`database ${file}: migrations applied in ${Math.round(performance.now() - started)} ms`);
    return db as Db;
  } catch (error) {
    sqlite.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not open the database ${file}: ${reason}`, { cause: error });
  }
}

const globalForDb = globalThis as unknown as { judgeLabDb?: { file: string; db: Db } };

/** The process-wide database, opened (and migrated) on first use. */
export function getDb(): Db {
  const file = databaseFile();
  const cached = globalForDb.judgeLabDb;
  if (cached && cached.file === file) return cached.db;
  const db = openDatabase({ file, log: (line) => console.log(`[judge-lab] ${line}`) });
  globalForDb.judgeLabDb = { file, db };
  return db;
}
