// Migrations: apply to an empty file, are idempotent on a second start, and set the pragmas the app relies on.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";

const migrationsFolder = path.join(process.cwd(), "drizzle");
const dirs: string[] = [];

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "judge-lab-migrate-"));
  dirs.push(dir);
  return path.join(dir, "nested", "folder", "app.db");
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const expectedTables = [
  "backends",
  "dataset_items",
  "datasets",
  "eval_judgments",
  "eval_results",
  "eval_summaries",
  "instruction_classifications",
  "iterations",
  "judgment_groups",
  "judgment_tallies",
  "judgments",
  "pairs",
  "run_backends",
  "run_datasets",
  "run_events",
  "run_instructions",
  "run_leases",
  "runs",
  "sim_files",
  "sim_fine_tuning_jobs",
  "sim_models",
  "training_examples",
  "training_jobs",
];

describe("migrations", () => {
  it("create every table of the data model in an empty file, creating its folder", () => {
    const file = tempFile();
    const db = openDatabase({ file, migrationsFolder });
    const tables = db.$client
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
      )
      .pluck()
      .all();
    expect(tables).toEqual(expectedTables);
    expect(fs.existsSync(file)).toBe(true);
    db.$client.close();
  });

  it("are idempotent: a second start applies nothing and keeps the data", () => {
    const file = tempFile();
    const first = openDatabase({ file, migrationsFolder });
    const applied = first.$client.prepare("select count(*) from __drizzle_migrations").pluck().get();
    first.$client
      .prepare(
        "insert into backends (name, preset, base_urls, max_in_flight, timeout_ms, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
      )
      .run("kept", "vllm", '["http://localhost:8000/v1"]', 8, 1000, 1, 1);
    first.$client.close();

    const second = openDatabase({ file, migrationsFolder });
    expect(second.$client.prepare("select count(*) from __drizzle_migrations").pluck().get()).toBe(applied);
    expect(second.$client.prepare("select name from backends").pluck().all()).toEqual(["kept"]);
    second.$client.close();
  });

  it("turn on WAL, foreign keys and a busy timeout", () => {
    const db = openDatabase({ file: tempFile(), migrationsFolder });
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBeGreaterThanOrEqual(1000);
    db.$client.close();
  });

  it("report a file that is not a database with its path", () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "this is not a SQLite database, just text that is long enough to have a header");
    expect(() => openDatabase({ file, migrationsFolder })).toThrow(
      new RegExp(`Could not open the database ${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`),
    );
  });
});
