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
  "annotation_items",
  "annotation_reveals",
  "annotation_sets",
  "annotations",
  "backends",
  "dataset_items",
  "datasets",
  "eval_judgments",
  "eval_results",
  "eval_summaries",
  "instruction_classifications",
  "iterations",
  "judge_comparisons",
  "judge_item_results",
  "judge_jobs",
  "judge_judgments",
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

  it("mark runs stored before the verdict rules and training bases existed with what they did (lenient, previous)", () => {
    // A database as it was before migration 0006, holding one run with an old config snapshot.
    const oldFolder = fs.mkdtempSync(path.join(os.tmpdir(), "judge-lab-old-migrations-"));
    dirs.push(oldFolder);
    fs.cpSync(migrationsFolder, oldFolder, { recursive: true });
    const journalFile = path.join(oldFolder, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { idx: number; tag: string }[] };
    const later = journal.entries.filter((e) => e.idx >= 6);
    journal.entries = journal.entries.filter((e) => e.idx < 6);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    for (const entry of later) fs.rmSync(path.join(oldFolder, `${entry.tag}.sql`));
    const file = tempFile();
    const old = openDatabase({ file, migrationsFolder: oldFolder });
    const oldConfig = { name: "old", judging: { samples: 2 }, training: { method: "sft" }, evaluation: { datasets: [] } };
    old.$client
      .prepare("insert into runs (name, status, config, seed, created_at, updated_at) values ('old', 'completed', ?, 1, 0, 0)")
      .run(JSON.stringify(oldConfig));
    old.$client
      .prepare("insert into runs (name, status, config, seed, created_at, updated_at) values ('new', 'completed', ?, 1, 0, 0)")
      .run(
        JSON.stringify({ ...oldConfig, judging: { samples: 2, verdictRule: "rewardbench" }, training: { method: "sft", base: "seed" } }),
      );
    old.$client.close();

    const db = openDatabase({ file, migrationsFolder });
    const configs = (db.$client.prepare("select name, config from runs order by id").all() as { name: string; config: string }[]).map(
      (r) => ({
        name: r.name,
        config: JSON.parse(r.config),
      }),
    );
    expect(configs[0]!.config).toMatchObject({
      judging: { samples: 2, verdictRule: "lenient" },
      evaluation: { verdictRule: "lenient" },
      training: { method: "sft", base: "previous" },
    });
    // A config that already says what it uses keeps it.
    expect(configs[1]!.config).toMatchObject({ judging: { verdictRule: "rewardbench" }, training: { base: "seed" } });
    db.$client.close();
  });
});
