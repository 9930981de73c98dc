// SIGKILL the process driving a run, in the middle of the judge stage and then of the eval stage,
// restart it (the CLI's resume), and the run completes with exactly the expected rows: no
// duplicate, no gap, and the same scores as a run that was never interrupted.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimJudge, type TestSimJudge } from "../helpers/simjudge";
import { prepareRunDb, smallConfig } from "../helpers/run-fixture";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let sim: TestSimJudge;
let temp: TempDb;
let configFile: string;

beforeAll(async () => {
  // Some latency, so each stage lasts long enough to be killed in it even on a busy machine.
  sim = await startSimJudge({ faults: { latencyMs: 40 } });
  temp = createTempDb();
  await prepareRunDb(temp.db, sim.url, { maxInFlight: 2 });
  temp.db.$client.close();
  configFile = path.join(temp.dir, "run.json");
  fs.writeFileSync(configFile, JSON.stringify(smallConfig({ name: "crash" })));
}, 30_000);
afterAll(async () => {
  fs.rmSync(temp.dir, { recursive: true, force: true });
  await sim.close();
});

function cli(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/judge-lab.ts", ...args], {
    env: { ...process.env, DATABASE_URL: temp.file, JUDGE_LAB_LEASE_MS: "1500" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  return { child, done: new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr }))) };
}

/** Read-only counts from another connection, like any observer of the database file. */
function counts(runId: number) {
  const db = new Database(temp.file, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string) => (db.prepare(sql).pluck().get(runId) as number) ?? 0;
    return {
      status: db.prepare("select status from runs where id = ?").pluck().get(runId) as string,
      judgments: one("select count(*) from judgments j join iterations i on i.id = j.iteration_id where i.run_id = ?"),
      distinctJudgments: one(
        "select count(*) from (select distinct j.iteration_id, j.pair_id, j.good_position, j.sample from judgments j join iterations i on i.id = j.iteration_id where i.run_id = ?)",
      ),
      evalsIteration1: one(
        'select count(*) from eval_judgments e join iterations i on i.id = e.iteration_id where i.run_id = ? and i."index" = 1',
      ),
      evals: one("select count(*) from eval_judgments e join iterations i on i.id = e.iteration_id where i.run_id = ?"),
      okPairs: one("select count(*) from pairs where run_id = ? and status = 'ok'"),
      scores: db
        .prepare(
          'select i."index" as it, e.subset, e.score_sum as score from eval_results e join iterations i on i.id = e.iteration_id where i.run_id = ? order by it, subset',
        )
        .all(runId),
    };
  } finally {
    db.close();
  }
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("crash and restart", () => {
  it("completes with exactly the expected rows after SIGKILLs in the judge and eval stages", async () => {
    // Uninterrupted reference run.
    const reference = cli(["run", configFile, "--name", "reference"]);
    const referenceResult = await reference.done;
    expect(referenceResult.code).toBe(0);
    const referenceId = Number(referenceResult.stdout.trim().split("\n").at(-1));

    // Kill 1: in the judge stage of iteration 0.
    const first = cli(["run", configFile]);
    let runId = 0;
    await waitFor(() => {
      const db = new Database(temp.file, { readonly: true });
      try {
        runId = (db.prepare("select max(id) from runs").pluck().get() as number) ?? 0;
      } finally {
        db.close();
      }
      return runId > referenceId && counts(runId).judgments > 20;
    }, "judgments");
    first.child.kill("SIGKILL");
    expect((await first.done).signal).toBe("SIGKILL");
    const afterFirstKill = counts(runId);
    expect(afterFirstKill.status).toBe("running"); // nobody could mark it: the process died
    expect(afterFirstKill.judgments).toBeLessThan(afterFirstKill.okPairs * 2 * 2 * 2);

    // Kill 2: resume, then kill in the eval stage of iteration 1.
    const second = cli(["resume", String(runId)]);
    await waitFor(() => counts(runId).evalsIteration1 > 5, "iteration 1 evals");
    second.child.kill("SIGKILL");
    expect((await second.done).signal).toBe("SIGKILL");
    expect(counts(runId).evalsIteration1).toBeLessThan(40);

    // Restart: resume waits for the dead process's lease to expire, then finishes the run.
    const third = await cli(["resume", String(runId)]).done;
    expect(third.stderr).toContain(`Run #${runId} completed`);
    expect(third.code).toBe(0);
    const final = counts(runId);
    expect(final.status).toBe("completed");
    expect(final.judgments).toBe(final.okPairs * 2 * 2 * 2); // pairs x orders x samples x 2 iterations
    expect(final.distinctJudgments).toBe(final.judgments);
    expect(final.evals).toBe(40 * 3);
    expect(final.scores).toEqual(counts(referenceId).scores);
  }, 120_000);
});
