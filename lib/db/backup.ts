/**
 * Online backup of the database with SQLite's backup API, safe while a run writes: the copy is
 * taken from one read transaction (WAL lets writers go on meanwhile), so it is a consistent
 * snapshot of the moment it started. The copy is then checked (quick_check) before it is reported.
 */
import "./server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseProblems } from "./client";

const ALL_PAGES = 1_000_000_000;

export type BackupResult = { file: string; bytes: number; pages: number; durationMs: number; runs: number; judgments: number };

export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new Error(`There is no database at ${source}`);
  if (fs.existsSync(destination)) throw new Error(`${destination} exists already; pick another name`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const started = performance.now();
  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  let pages = 0;
  try {
    // After the first step, ask for every remaining page at once: one step runs inside one read
    // transaction, so a writer in another process cannot make it restart, which small steps would.
    const metadata = await db.backup(destination, { progress: () => ALL_PAGES });
    pages = metadata.totalPages;
  } finally {
    db.close();
  }
  const copy = new Database(destination, { readonly: true });
  try {
    const problems = databaseProblems(copy);
    if (problems) throw new Error(`The backup ${destination} failed its integrity check: ${problems}`);
    const count = (table: string) => copy.prepare(`select count(*) from ${table}`).pluck().get() as number;
    return {
      file: destination,
      bytes: fs.statSync(destination).size,
      pages,
      durationMs: Math.round(performance.now() - started),
      runs: count("runs"),
      judgments: count("judgments"),
    };
  } finally {
    copy.close();
  }
}
