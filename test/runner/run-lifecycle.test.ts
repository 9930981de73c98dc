// A run end to end against a real SimJudge over HTTP on a real SQLite file: it completes with
// exactly the expected rows, the same seed gives the same results, pause stops it and resume
// finishes it without duplicates, two drivers never drive one run, a broken backend pauses it.
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { acquireRunLease, getRunById, releaseRunLease } from "@/lib/db/queries/runs";
import { countPairs, listIterations } from "@/lib/db/queries/run-work";
import { evalJudgments, evalResults, iterations, judgments, trainingJobs } from "@/lib/db/schema";
import { pauseRun, resumeRun } from "@/lib/runner/control";
import { driveWithLease } from "@/lib/runner/lease";
import { launchRun } from "@/lib/runner/launch";
import { smallConfig } from "../helpers/run-fixture";
import { simRunSuite } from "../helpers/sim-run-suite";

const suite = simRunSuite();
const fast = { clientOptions: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 } };

const count = (db: Db, query: ReturnType<typeof sql>) => db.get<{ n: number }>(query)!.n;

function expectExactRows(db: Db, runId: number, config = { samples: 2, iterations: 2, evalItems: 40 }) {
  const ok = countPairs(db, runId).ok;
  const its = listIterations(db, runId);
  expect(its.map((i) => i.index)).toEqual(Array.from({ length: config.iterations + 1 }, (_, i) => i));
  for (const it of its) {
    const judged = db
      .select({ n: sql<number>`count(*)` })
      .from(judgments)
      .where(eq(judgments.iterationId, it.id))
      .get()!.n;
    expect(judged).toBe(it.index < config.iterations ? ok * 2 * config.samples : 0);
    const evaluated = db
      .select({ n: sql<number>`count(*)` })
      .from(evalJudgments)
      .where(eq(evalJudgments.iterationId, it.id))
      .get()!.n;
    expect(evaluated).toBe(config.evalItems);
    expect(db.select().from(evalResults).where(eq(evalResults.iterationId, it.id)).all().length).toBeGreaterThan(0);
  }
  expect(count(db, sql`select count(*) as n from pairs where run_id = ${runId}`)).toBe(30);
  expect(
    db
      .select()
      .from(trainingJobs)
      .innerJoin(iterations, eq(iterations.id, trainingJobs.iterationId))
      .where(eq(iterations.runId, runId))
      .all(),
  ).toHaveLength(config.iterations);
}

function verdictsOf(db: Db, runId: number) {
  return db.all<{ item: number; it: number; pos: string; sample: number; verdict: string | null }>(sql`
    select p.dataset_item_id as item, i."index" as it, j.good_position as pos, j.sample as sample, j.verdict as verdict
    from judgments j join pairs p on p.id = j.pair_id join iterations i on i.id = j.iteration_id
    where p.run_id = ${runId} order by item, it, pos, sample`);
}

function scoresOf(db: Db, runId: number) {
  return db.all<{ it: number; subset: string; score: number }>(sql`
    select i."index" as it, e.subset as subset, e.score_sum as score from eval_results e join iterations i on i.id = e.iteration_id
    where i.run_id = ${runId} order by it, subset`);
}

describe("a run", () => {
  let firstRunId: number;

  it("completes with exactly the expected rows", async () => {
    firstRunId = launchRun(suite.temp.db, smallConfig()).id;
    const status = await driveWithLease(suite.temp.db, firstRunId, fast).status;
    expect(status).toBe("completed");
    expect(getRunById(suite.temp.db, firstRunId)).toMatchObject({ status: "completed", statusReason: null });
    expectExactRows(suite.temp.db, firstRunId);
  }, 60_000);

  it("gives the same results for the same config and seed", async () => {
    const second = launchRun(suite.temp.db, smallConfig({ name: "again" })).id;
    expect(await driveWithLease(suite.temp.db, second, fast).status).toBe("completed");
    expect(verdictsOf(suite.temp.db, second)).toEqual(verdictsOf(suite.temp.db, firstRunId));
    expect(scoresOf(suite.temp.db, second)).toEqual(scoresOf(suite.temp.db, firstRunId));
    expect(verdictsOf(suite.temp.db, second).length).toBeGreaterThan(100);
  }, 60_000);

  it("stops at once when paused, and resume finishes it with no duplicate and no gap", async () => {
    await fetch(`${suite.sim.url}/simjudge/models/simjudge-base/faults`, { method: "PUT", body: JSON.stringify({ latencyMs: 15 }) });
    try {
      const runId = launchRun(suite.temp.db, smallConfig({ name: "paused" })).id;
      const drive = driveWithLease(suite.temp.db, runId, { ...fast, concurrency: 4 });
      const judged = () =>
        count(
          suite.temp.db,
          sql`select count(*) as n from judgments j join iterations i on i.id = j.iteration_id where i.run_id = ${runId}`,
        );
      while (judged() < 10) await new Promise((r) => setTimeout(r, 20));
      const started = Date.now();
      pauseRun(suite.temp.db, runId);
      expect(await drive.status).toBe("paused");
      expect(Date.now() - started).toBeLessThan(1500);
      const atPause = judged();
      await new Promise((r) => setTimeout(r, 300));
      expect(judged()).toBe(atPause);
      expect(getRunById(suite.temp.db, runId)).toMatchObject({ status: "paused", statusReason: "Paused by the user" });
      resumeRun(suite.temp.db, runId);
      expect(await driveWithLease(suite.temp.db, runId, fast).status).toBe("completed");
      expectExactRows(suite.temp.db, runId);
      expect(scoresOf(suite.temp.db, runId)).toEqual(scoresOf(suite.temp.db, firstRunId));
    } finally {
      await fetch(`${suite.sim.url}/simjudge/models/simjudge-base/faults`, { method: "PUT", body: "null" });
    }
  }, 60_000);

  it("is driven by one process at a time", async () => {
    const runId = launchRun(suite.temp.db, smallConfig({ name: "two drivers" })).id;
    const first = driveWithLease(suite.temp.db, runId, { ...fast, owner: "process-one" });
    const second = driveWithLease(suite.temp.db, runId, { ...fast, owner: "process-two" });
    expect(await second.status).toBe("not_acquired");
    expect(await first.status).toBe("completed");
  }, 60_000);

  it("hands a lease over only once it has expired", () => {
    const runId = launchRun(suite.temp.db, smallConfig({ name: "lease" })).id;
    expect(acquireRunLease(suite.temp.db, runId, "a", 60_000)).toBe(true);
    expect(acquireRunLease(suite.temp.db, runId, "b", 60_000)).toBe(false);
    expect(acquireRunLease(suite.temp.db, runId, "a", 60_000)).toBe(true); // renewing our own
    releaseRunLease(suite.temp.db, runId, "a");
    expect(acquireRunLease(suite.temp.db, runId, "c", 1)).toBe(true);
    const until = Date.now() + 5;
    while (Date.now() < until) {
      // let the 1 ms lease expire
    }
    expect(acquireRunLease(suite.temp.db, runId, "d", 60_000)).toBe(true);
  });

  it("pauses with the reason when the backend refuses its requests", async () => {
    await fetch(`${suite.sim.url}/simjudge/models/simjudge-base/faults`, {
      method: "PUT",
      body: JSON.stringify({ errorRate: 1, errorStatuses: [401] }),
    });
    try {
      const runId = launchRun(suite.temp.db, smallConfig({ name: "refused" })).id;
      expect(await driveWithLease(suite.temp.db, runId, fast).status).toBe("paused");
      expect(getRunById(suite.temp.db, runId)!.statusReason).toMatch(/^sim: Authentication failed \(401\)/);
    } finally {
      await fetch(`${suite.sim.url}/simjudge/models/simjudge-base/faults`, { method: "PUT", body: "null" });
    }
  }, 30_000);

  it("pauses after repeated failures instead of burning the budget, and resumes when the backend is back", async () => {
    const runId = launchRun(suite.temp.db, smallConfig({ name: "flaky" })).id;
    await fetch(`${suite.sim.url}/simjudge/models/simjudge-base/faults`, {
      method: "PUT",
      body: JSON.stringify({ errorRate: 1, errorStatuses: [503], retryAfterSeconds: 0 }),
    });
    try {
      expect(await driveWithLease(suite.temp.db, runId, { ...fast, concurrency: 1 }).status).toBe("paused");
      expect(getRunById(suite.temp.db, runId)!.statusReason).toMatch(
        /sim failed 8 times in a row .*503.*Resume when it is reachable again/,
      );
    } finally {
      await fetch(`${suite.sim.url}/simjudge/models/simjudge-base/faults`, { method: "PUT", body: "null" });
    }
    resumeRun(suite.temp.db, runId);
    expect(await driveWithLease(suite.temp.db, runId, fast).status).toBe("completed");
    expectExactRows(suite.temp.db, runId);
  }, 60_000);
});
