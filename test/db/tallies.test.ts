// The judgment tallies and (pair, order) groups always equal a recount of the judgments: after the
// runner's inserts (duplicates skipped), the filter's status updates, a rebuild, and deleting a run.
// And the eval summaries stored at the end of an eval stage equal the live metrics.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { evalSummarySql, kappaBetweenIterationsSql } from "@/lib/db/queries/eval-metrics";
import { rebuildJudgmentAggregates } from "@/lib/db/queries/judgment-aggregates";
import { countJudgments, saveFilterResult, writeEvalResults } from "@/lib/db/queries/run-work";
import { insertSampledJudgments } from "@/lib/db/queries/sampled-judgments";
import { iterationSummaries, judgmentCounts } from "@/lib/db/queries/run-summary";
import { seedTraceRun, type SeededTraces } from "../helpers/seed-traces";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let temp: TempDb;
let seed: SeededTraces;
beforeEach(() => {
  temp = createTempDb();
  seed = seedTraceRun(temp.db);
});
afterEach(() => temp.close());

const groupColumns = `iteration_id, pair_id, good_position, samples, correct, wrong, tie, unparsed, kept, filtered_wrong, surplus, below_majority, balanced_out`;

function expectConsistent() {
  const sqlite = temp.db.$client;
  const kept = sqlite.prepare(`select ${groupColumns} from judgment_groups order by iteration_id, pair_id, good_position`).all();
  const recount = sqlite
    .prepare(
      `select iteration_id, pair_id, good_position, count(*) as samples, sum(outcome = 'correct') as correct, sum(outcome = 'wrong') as wrong,
         sum(outcome = 'tie') as tie, sum(outcome = 'unparsed') as unparsed, coalesce(sum(filter_status = 'kept'), 0) as kept,
         coalesce(sum(filter_status = 'wrong'), 0) as filtered_wrong, coalesce(sum(filter_status = 'surplus'), 0) as surplus,
         coalesce(sum(filter_status = 'below_majority'), 0) as below_majority, coalesce(sum(filter_status = 'balanced_out'), 0) as balanced_out
       from judgments group by iteration_id, pair_id, good_position order by iteration_id, pair_id, good_position`,
    )
    .all();
  expect(kept).toEqual(recount);
  const tallies = sqlite
    .prepare(
      "select iteration_id, outcome, truncated, judgments, prompt_tokens, completion_tokens from judgment_tallies where judgments > 0 order by 1, 2, 3",
    )
    .all();
  const tallyRecount = sqlite
    .prepare(
      `select iteration_id, outcome, truncated, count(*) as judgments, sum(prompt_tokens) as prompt_tokens, sum(completion_tokens) as completion_tokens
       from judgments group by iteration_id, outcome, truncated order by 1, 2, 3`,
    )
    .all();
  expect(tallies).toEqual(tallyRecount);
}

describe("judgment tallies and groups", () => {
  it("match a recount after inserts, and the run page's counts read them", () => {
    expectConsistent();
    const groups = temp.db.$client.prepare("select count(*) from judgment_groups where iteration_id = ?").pluck().get(seed.iterationIds[0]);
    expect(groups).toBe(10); // 5 pairs x 2 orders
    const counts = judgmentCounts(temp.db, seed.iterationIds[0]!);
    expect(counts.judgments).toBe(30);
    expect(countJudgments(temp.db, seed.iterationIds[0]!)).toBe(30);
    expect(counts.correct + counts.wrong + counts.tie + counts.unparsed).toBe(30);
  });

  it("count what insertSampledJudgments inserted, and skip what it did not", () => {
    const [first] = seed.iterationIds as [number];
    const row = (pairId: number, sample: number, outcome: "correct" | "wrong") => ({
      iterationId: first,
      subjectId: pairId,
      goodPosition: "A" as const,
      sample,
      verdict: outcome === "correct" ? ("A" as const) : ("B" as const),
      outcome,
      trace: "t",
      finishReason: "length",
      truncated: true,
      promptTokens: 11,
      completionTokens: 3,
      latencyMs: 5,
    });
    const before = judgmentCounts(temp.db, first);
    // Samples 3 and 4 are new; sample 0 exists already and is skipped.
    insertSampledJudgments(temp.db, "training", [
      row(seed.pairIds[0]!, 3, "correct"),
      row(seed.pairIds[0]!, 4, "wrong"),
      row(seed.pairIds[0]!, 0, "wrong"),
    ]);
    expectConsistent();
    const after = judgmentCounts(temp.db, first);
    expect(after.judgments - before.judgments).toBe(2);
    expect(after.truncated - before.truncated).toBe(2);
    expect(after.promptTokens - before.promptTokens).toBe(22);
  });

  it("follow the filter's decisions", () => {
    const [first] = seed.iterationIds as [number];
    const ids = temp.db.$client.prepare("select id from judgments where iteration_id = ? order by id").pluck().all(first) as number[];
    saveFilterResult(temp.db, first, {
      statuses: new Map(ids.map((id, i) => [id, ["kept", "wrong", "surplus", "below_majority", "balanced_out"][i % 5]!])),
      examples: [],
      stats: {},
    });
    expectConsistent();
  });

  it("are rebuilt from the judgments, and go with a deleted run", () => {
    const sqlite = temp.db.$client;
    sqlite.prepare("update judgments set outcome = 'tie' where id = (select min(id) from judgments)").run();
    for (const id of seed.iterationIds) rebuildJudgmentAggregates(temp.db, id);
    expectConsistent();
    sqlite.prepare("delete from runs where id = ?").run(seed.runId);
    expect(sqlite.prepare("select count(*) from judgment_groups").pluck().get()).toBe(0);
    expect(sqlite.prepare("select coalesce(sum(judgments), 0) from judgment_tallies").pluck().get()).toBe(0);
  });
});

describe("stored eval summaries", () => {
  it("equal the live metrics and kappa with the previous iteration, and the run page reads them", () => {
    const [first, second] = seed.iterationIds as [number, number];
    const scope = { iterationId: second, datasetId: seed.evalSetId };
    const live = iterationSummaries(temp.db, seed.runId)[1]!.evals[0]!;
    writeEvalResults(temp.db, second, seed.evalSetId);
    const row = temp.db.$client
      .prepare("select summary, kappa_with_previous as kappa from eval_summaries where iteration_id = ?")
      .get(second) as {
      summary: string;
      kappa: number | null;
    };
    expect(JSON.parse(row.summary)).toEqual(JSON.parse(JSON.stringify(evalSummarySql(temp.db, scope))));
    expect(row.kappa).toBeCloseTo(kappaBetweenIterationsSql(temp.db, { iterationId: first, datasetId: seed.evalSetId }, scope).kappa!, 12);
    const stored = iterationSummaries(temp.db, seed.runId)[1]!.evals[0]!;
    expect(JSON.parse(JSON.stringify(stored))).toEqual(JSON.parse(JSON.stringify(live)));
  });
});
