/**
 * Opens the SQLite database (better-sqlite3 + Drizzle), sets the pragmas the app relies on
 * (WAL, foreign keys, busy timeout), checks the file is sound (at server start-up) and
 * applies pending migrations from drizzle/.
 * One connection per process, cached on globalThis so hot reloads and route bundles share it.
 */
import "./server-only";
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
  /**
   * Run SQLite's quick_check first and refuse a damaged file with a clear message. It reads the whole
   * file (about 3.5 ms per MB here), so only the server does it, once at start-up; the CLI's short
   * commands rely on SQLite reporting damage when they meet it (mapped to the same message).
   */
  checkIntegrity?: boolean;
};

/** Open a database file, creating its folder, and bring its schema up to date. */
export function openDatabase({ file, migrationsFolder = migrationsDir(), log, checkIntegrity = false }: OpenOptions): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    // Another process (the CLI, a second server) may hold the write lock for a moment.
    sqlite.pragma("busy_timeout = 5000");
    // Safe with WAL: a crash can lose the last transactions' durability, never consistency.
    sqlite.pragma("synchronous = NORMAL");
    if (checkIntegrity) {
      const started = performance.now();
      const problems = databaseProblems(sqlite);
      if (problems) throw new Error(damagedMessage(`SQLite's integrity check: ${problems}`));
      log?.(`database ${file}: integrity check passed in ${Math.round(performance.now() - started)} ms`);
    }
    const db = drizzle(sqlite, { schema });
    const started = performance.now();
    migrate(db, { migrationsFolder });
    log?.(`database ${file}: migrations applied in ${Math.round(performance.now() - started)} ms`);
    return db as Db;
  } catch (error) {
    sqlite.close();
    const reason = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: string }).code ?? "";
    const damaged = code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB";
    const readOnly = code.startsWith("SQLITE_READONLY")
      ? " (the file or its folder is read-only: make it writable, the app writes every run to it)"
      : "";
    throw new Error(`Could not open the database ${file}: ${damaged ? damagedMessage(reason) : reason}${readOnly}`, { cause: error });
  }
}

const damagedMessage = (reason: string) =>
  `the file is damaged (${reason}). Restore a backup (npm run backup makes them), or move the file away to start with an empty database`;

/** SQLite's quick_check (structure, not the content of every index): null when the file is sound. */
export function databaseProblems(sqlite: Database.Database): string | null {
  const rows = sqlite.pragma("quick_check(5)", { simple: false }) as { quick_check: string }[];
  const messages = rows.map((r) => r.quick_check).filter((m) => m !== "ok");
  return messages.length === 0 ? null : messages.join("; ");
}

const globalForDb = globalThis as unknown as { judgeLabDb?: { file: string; db: Db } };

/** The process-wide database, opened (and migrated) on first use. */
export function getDb(): Db {
  const file = databaseFile();
  const cached = globalForDb.judgeLabDb;
  if (cached && cached.file === file) return cached.db;
  const db = openDatabase({ file, checkIntegrity: true, log: (line) => console.log(`[judge-lab] ${line}`) });
  globalForDb.judgeLabDb = { file, db };
  return db;
}
