// Data and finished judge jobs for the specs that read the Judge pages. The demo response files ship
// already imported ("Demo responses (pairwise)", "… (best-of-4)"), so importing them again is refused
// as a duplicate: `demoResponsesCopy` writes a copy with other ids (same prompts, responses and
// labels) to a temp folder. `ensureJudgeJobs` launches, through the New judge job page, a judge job
// on the shipped pairwise demo data with a run's seed judge and its re-judge with the run's last
// judge (which then shows the comparison of the two), only when the database does not hold them yet.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { sql } from "drizzle-orm";
import { JudgePage } from "../pages/judge-page";
import { withE2eDatabase } from "./e2e-database";

const DEMO_DIR = path.join(process.cwd(), "lib", "demo", "data");
export const DEMO_PAIRWISE_FILE = path.join(DEMO_DIR, "demo-judge-pairwise.jsonl");
export const DEMO_BEST_OF_4_FILE = path.join(DEMO_DIR, "demo-judge-best-of-4.jsonl");
export const SHIPPED_PAIRWISE = "Demo responses (pairwise)";

export type DemoRow = { id: string; category: string; prompt: string; label?: string; best?: string } & Record<string, unknown>;

export function readDemoRows(file: string): DemoRow[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DemoRow);
}

/** A copy of a demo file whose ids carry `tag` (so its content is new to the database); the path and row count. */
export function demoResponsesCopy(file: string, tag: string): { file: string; rows: number } {
  const rows = readDemoRows(file).map((row) => ({ ...row, id: `${row.id}-${tag}` }));
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "e2e-judge-")), `${tag}-${path.basename(file)}`);
  fs.writeFileSync(copy, `${rows.map((row) => JSON.stringify(row)).join("\n")}\n`);
  return { file: copy, rows: rows.length };
}

/** The last iteration of a run that has a judge (the demo run: 3). */
export function lastJudgeIteration(runId: number): number {
  return withE2eDatabase(
    (db) =>
      db.get<{ n: number }>(sql`select max("index") as n from iterations where run_id = ${runId} and judge_backend_id is not null`)!.n,
  );
}

const SEED_JOB = "E2E judge: seed judge";
const LAST_JOB = "E2E judge: last judge";

function completedJob(name: string): number | null {
  return withE2eDatabase(
    (db) => db.get<{ id: number }>(sql`select max(id) as id from judge_jobs where name = ${name} and status = 'completed'`)?.id ?? null,
  );
}

/**
 * Two finished judge jobs on the shipped pairwise demo data: run `runId`'s seed judge, then (a
 * re-judge of it) the run's last judge. Returns their ids; launches what is missing (a few seconds each).
 */
export async function ensureJudgeJobs(browser: Browser, runId: number): Promise<{ seedJob: number; lastJob: number }> {
  let seedJob = completedJob(SEED_JOB);
  let lastJob = completedJob(LAST_JOB);
  if (seedJob !== null && lastJob !== null) return { seedJob, lastJob };
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const judge = new JudgePage(page);
    if (seedJob === null) {
      await judge.openNewJob();
      await judge.chooseRunJudge(runId, 0);
      await judge.chooseDataset(SHIPPED_PAIRWISE);
      await judge.setName(SEED_JOB);
      seedJob = await judge.launch();
      await judge.expectStatus("completed");
    }
    await judge.openNewJob(`?from=${seedJob}`);
    await judge.chooseRunJudge(runId, lastJudgeIteration(runId));
    await judge.setName(LAST_JOB);
    lastJob = await judge.launch();
    await judge.expectStatus("completed");
    return { seedJob, lastJob };
  } finally {
    await page.close();
  }
}
