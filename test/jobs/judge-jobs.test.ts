// Judge jobs end to end against a real SimJudge over HTTP on a real SQLite file: pairwise and
// best-of-n data (knockout and round-robin) are judged with exactly the planned rows, results
// follow from the stored votes, a paused job resumes to the same results as one run straight
// through, a trained judge agrees with the labels more than the seed judge, and bad input is
// refused naming the field, with nothing stored.
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { countJudgeJobs, getJudgeJob } from "@/lib/db/queries/judge-jobs";
import { DEMO_BEST_OF_4, DEMO_PAIRWISE } from "@/lib/demo/seed-demo-datasets";
import { AppError } from "@/lib/errors";
import { judgeJobView } from "@/lib/judge-jobs/job-view";
import type { JudgeJobConfigInput } from "@/lib/pipeline/jobs/job-config";
import { controlJudgeJob } from "@/lib/runner/jobs/control-job";
import { driveJudgeJob } from "@/lib/runner/jobs/drive-job";
import { launchJudgeJob } from "@/lib/runner/jobs/launch-job";
import { cancelRun } from "@/lib/runner/control";
import { driveWithLease } from "@/lib/runner/lease";
import { launchRun } from "@/lib/runner/launch";
import { smallConfig } from "../helpers/run-fixture";
import { simRunSuite } from "../helpers/sim-run-suite";

const suite = simRunSuite();
const seedJudge = { kind: "model", backend: "sim", model: "simjudge-base" } as const;

function job(overrides: Partial<JudgeJobConfigInput> = {}): JudgeJobConfigInput {
  return { name: "job", judge: seedJudge, dataset: DEMO_PAIRWISE, ...overrides };
}

async function runJob(db: Db, config: JudgeJobConfigInput) {
  const launched = launchJudgeJob(db, config);
  const status = await driveJudgeJob(db, launched.id, { signal: new AbortController().signal });
  return { id: launched.id, status };
}

const rows = (db: Db, table: string, jobId: number) => db.get<{ n: number }>(sql`select count(*) as n from ${sql.raw(table)} where job_id = ${jobId}`)!.n;

function itemResults(db: Db, jobId: number) {
  return db.all<{ item: number; verdict: string; best: number | null; ranking: string | null; consistent: number | null; agrees: number | null }>(
    sql`select item_id as item, verdict, best, ranking, consistent, agrees from judge_item_results where job_id = ${jobId} order by item_id`,
  );
}

describe("judge jobs", () => {
  it("judge a pairwise set in both orders: one comparison and two judgments per item, verdicts as the votes say", async () => {
    const { db } = suite.temp;
    const { id, status } = await runJob(db, job());
    expect(status).toBe("completed");
    expect(rows(db, "judge_comparisons", id)).toBe(120);
    expect(rows(db, "judge_judgments", id)).toBe(240);
    expect(rows(db, "judge_item_results", id)).toBe(120);
    expect(getJudgeJob(db, id)!.plannedJudgments).toBe(240);
    // Each verdict is the majority of the item's two votes (first = response A), a tie when they split.
    const votes = db.all<{ item: number; first: number; second: number; read: number }>(sql`
      select c.item_id as item, sum(j.choice = 'first') as first, sum(j.choice = 'second') as second, sum(j.choice <> 'unparsed') as read
      from judge_judgments j join judge_comparisons c on c.id = j.comparison_id where j.job_id = ${id} group by c.item_id order by c.item_id`);
    const results = itemResults(db, id);
    for (const [i, v] of votes.entries()) {
      const expected = v.read === 0 ? "unparsed" : v.first > v.second ? "A" : v.second > v.first ? "B" : "tie";
      expect(results[i]!.verdict).toBe(expected);
    }
    const view = judgeJobView(db, id)!;
    const counts = view.winRate!.counts;
    expect(counts.a + counts.b + counts.tie + counts.unparsed).toBe(120);
    expect(view.agreement!.labelled).toBe(120);
    expect(view.consistency!.of).toBe(120);
    expect(view.categories.reduce((n, c) => n + c.items, 0)).toBe(120);
  });

  it("best-of-4 by knockout: three comparisons per item, a full ranking, ties settled by a recorded coin", async () => {
    const { db } = suite.temp;
    const { id, status } = await runJob(db, job({ dataset: DEMO_BEST_OF_4 }));
    expect(status).toBe("completed");
    expect(getJudgeJob(db, id)!.plannedComparisons).toBe(180);
    expect(rows(db, "judge_comparisons", id)).toBe(180);
    expect(rows(db, "judge_judgments", id)).toBe(360);
    for (const r of itemResults(db, id)) {
      const ranking = JSON.parse(r.ranking!) as number[];
      expect([...ranking].sort()).toEqual([0, 1, 2, 3]);
      expect(ranking[0]).toBe(r.best);
      expect(r.verdict).toBe("ABCD"[r.best!]);
    }
    // The champion won the last round's comparison.
    const finals = db.all<{ item: number; winner: number }>(sql`
      select item_id as item, winner from judge_comparisons where job_id = ${id} and round = 1 order by item_id`);
    const best = new Map(itemResults(db, id).map((r) => [r.item, r.best]));
    for (const f of finals) expect(f.winner).toBe(best.get(f.item));
    const decided = db.all<{ by: string }>(sql`select distinct decided_by as by from judge_comparisons where job_id = ${id}`).map((r) => r.by);
    expect(decided.every((by) => by === "votes" || by === "coin")).toBe(true);
  });

  it("best-of-4 by round-robin with 3 samples: six comparisons per item", async () => {
    const { db } = suite.temp;
    const { id } = await runJob(db, job({ dataset: DEMO_BEST_OF_4, ranking: "round-robin", samples: 3, temperature: 0.7, maxItems: 20 }));
    expect(rows(db, "judge_item_results", id)).toBe(20);
    expect(rows(db, "judge_comparisons", id)).toBe(120);
    expect(rows(db, "judge_judgments", id)).toBe(120 * 2 * 3);
  });

  it("a job paused halfway resumes to exactly the results of a job run straight through", async () => {
    const { db } = suite.temp;
    const straight = await runJob(db, job({ name: "straight", dataset: DEMO_BEST_OF_4, seed: 5 }));
    const launched = launchJudgeJob(db, job({ name: "paused", dataset: DEMO_BEST_OF_4, seed: 5 }));
    const controller = new AbortController();
    const first = driveJudgeJob(db, launched.id, { signal: controller.signal, concurrency: 4 });
    while (rows(db, "judge_judgments", launched.id) < 50) await new Promise((r) => setTimeout(r, 5));
    controlJudgeJob(db, launched.id, "pause");
    controller.abort(new Error("paused"));
    expect(await first).toBe("paused");
    const partial = rows(db, "judge_judgments", launched.id);
    expect(partial).toBeLessThan(360);
    controlJudgeJob(db, launched.id, "resume");
    expect(await driveJudgeJob(db, launched.id, { signal: new AbortController().signal })).toBe("completed");
    expect(rows(db, "judge_judgments", launched.id)).toBe(360);
    const strip = (r: ReturnType<typeof itemResults>[number]) => ({ ...r });
    expect(itemResults(db, launched.id).map(strip)).toEqual(itemResults(db, straight.id).map(strip));
  });

  it("a trained judge (iteration 3) agrees with the labels more than the seed judge (iteration 0), pairwise and best-of-4", async () => {
    const { db } = suite.temp;
    const run = launchRun(db, smallConfig({ name: "trained", iterations: 3, evaluation: { datasets: [], maxItems: null } }));
    const drive = driveWithLease(db, run.id, { clientOptions: { baseDelayMs: 5, maxDelayMs: 20 } });
    expect(await drive.status).toBe("completed");
    const agreement = async (iteration: number, dataset: string) => {
      const { id } = await runJob(db, job({ name: `it${iteration}`, judge: { kind: "iteration", runId: run.id, iteration }, dataset }));
      const view = judgeJobView(db, id)!;
      return view.pairwise ? view.agreement!.threeWay!.rate : view.bestOfNAccuracy!.rate;
    };
    const pairwise = [await agreement(0, DEMO_PAIRWISE), await agreement(3, DEMO_PAIRWISE)];
    const bestOf4 = [await agreement(0, DEMO_BEST_OF_4), await agreement(3, DEMO_BEST_OF_4)];
    expect(pairwise[1]).toBeGreaterThan(pairwise[0]! + 0.1);
    expect(bestOf4[1]).toBeGreaterThan(bestOf4[0]! + 0.1);
  }, 60_000);

  it("refuses bad jobs naming the field, and stores nothing", async () => {
    const { db } = suite.temp;
    const before = countJudgeJobs(db);
    const refusal = (config: unknown) => {
      try {
        launchJudgeJob(db, config);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return (error as AppError).fieldErrors ?? {};
      }
      throw new Error("accepted");
    };
    expect(refusal(job({ judge: { kind: "iteration", runId: 999, iteration: 0 } }))).toHaveProperty(["judge.runId"]);
    expect(refusal(job({ judge: { kind: "model", backend: "nope", model: "m" } }))).toHaveProperty(["judge.backend"]);
    expect(refusal(job({ dataset: "Demo instructions" }))).toHaveProperty(["dataset"]);
    expect(refusal(job({ dataset: "no such data" }))).toHaveProperty(["dataset"]);
    expect(refusal(job({ samples: 3, temperature: 0 }))).toHaveProperty(["temperature"]);
    expect(refusal({ ...job(), extra: 1 })).toHaveProperty(["(input)"]);
    // A run canceled before it trained any judge has only iteration 0.
    const canceled = launchRun(db, smallConfig({ name: "canceled" }), { status: "paused" });
    cancelRun(db, canceled.id);
    const errors = refusal(job({ judge: { kind: "iteration", runId: canceled.id, iteration: 1 } }));
    expect(errors["judge.iteration"]).toMatch(/canceled before it trained judge 1/);
    expect(countJudgeJobs(db)).toBe(before);
  });
});
