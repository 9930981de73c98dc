// The SQL behind the trace viewer, flips, Compare and exports, on a seeded run whose every verdict
// is known (test/helpers/seed-traces.ts): groups, filters, sorting and paging; a pair's and an eval
// item's judgments across iterations; flips per step; paired scores; exports limited to marked rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalSummarySql, pairedItemScores } from "@/lib/db/queries/eval-metrics";
import { exportSampledJudgmentsPage } from "@/lib/db/queries/sampled-judgments";
import {
  countEvalGroups,
  countPairGroups,
  getEvalItemDetail,
  getPairDetail,
  listEvalFlips,
  listEvalGroups,
  listPairGroups,
  traceContext,
  type GroupFilters,
} from "@/lib/db/queries/traces";
import { pairedRewardBench } from "@/lib/metrics";
import { seedTraceRun, type SeededTraces } from "../helpers/seed-traces";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let temp: TempDb;
let seed: SeededTraces;
const all = { limit: 100, offset: 0 };

beforeAll(() => {
  temp = createTempDb();
  seed = seedTraceRun(temp.db);
});
afterAll(() => temp.close());

const pairIndex = (id: number) => seed.pairIds.indexOf(id);
const keys = (rows: { id: number; goodPosition: string }[]) => rows.map((r) => `p${pairIndex(r.id)}${r.goodPosition}`);
const pairGroups = (filters: GroupFilters, iteration = 0) =>
  keys(listPairGroups(temp.db, seed.iterationIds[iteration]!, filters, "pair", all));

describe("training pair groups", () => {
  it("groups the samples of each (pair, order) with their votes and kept count", () => {
    const rows = listPairGroups(temp.db, seed.iterationIds[0]!, {}, "pair", all);
    expect(rows).toHaveLength(10);
    const p2B = rows.find((r) => pairIndex(r.id) === 2 && r.goodPosition === "B")!;
    expect({ samples: p2B.samples, correct: p2B.correct, wrong: p2B.wrong, tie: p2B.tie, unparsed: p2B.unparsed, kept: p2B.kept }).toEqual({
      samples: 3,
      correct: 0,
      wrong: 1,
      tie: 1,
      unparsed: 1,
      kept: 0,
    });
    expect(p2B.votes.split(",").sort()).toEqual(["tie", "unparsed", "wrong"]);
    expect(p2B.label).toBe("Math");
    expect(rows.find((r) => pairIndex(r.id) === 0 && r.goodPosition === "A")!.kept).toBe(1);
  });

  it("filters by majority, by a sample's outcome, by filter status, by category and by order", () => {
    expect(pairGroups({ majority: "correct" })).toEqual(["p0A", "p1A", "p1B", "p3B", "p4A"]);
    expect(pairGroups({ majority: "wrong" })).toEqual(["p0B", "p2A", "p2B", "p4B"]);
    expect(pairGroups({ majority: "none" })).toEqual(["p3A"]);
    expect(pairGroups({ outcome: "unparsed" })).toEqual(["p2B", "p3B"]);
    expect(pairGroups({ outcome: "tie" })).toEqual(["p2B", "p3A"]);
    expect(pairGroups({ filter: "kept" })).toEqual(["p0A", "p1A", "p1B", "p3A", "p3B", "p4A"]);
    expect(pairGroups({ filter: "not_kept" })).toEqual(["p0B", "p2A", "p2B", "p4B"]);
    expect(pairGroups({ filter: "below_majority" })).toEqual(["p0B", "p4B"]);
    expect(pairGroups({ filter: "surplus" })).toEqual(["p0A", "p1A", "p1B", "p3B", "p4A"]);
    expect(pairGroups({ filter: "surplus", majority: "correct", category: "Coding" })).toEqual(["p3B", "p4A"]);
    expect(pairGroups({ category: "Coding" })).toEqual(["p3A", "p3B", "p4A", "p4B"]);
    expect(pairGroups({ order: "B", category: "Math" })).toEqual(["p0B", "p1B", "p2B"]);
    expect(pairGroups({ majority: "wrong" }, 1)).toEqual(["p2B"]);
  });

  it("searches text literally: % and _ are not wildcards", () => {
    expect(pairGroups({ query: "_" })).toEqual(["p3A", "p3B"]);
    expect(pairGroups({ query: "100%" })).toEqual(["p3A", "p3B"]);
    expect(pairGroups({ query: "worse answer 4" })).toEqual(["p4A", "p4B"]);
    expect(pairGroups({ query: "nothing like this" })).toEqual([]);
  });

  it("counts what it lists, sorts by share correct and pages", () => {
    for (const filters of [{}, { majority: "wrong" as const }, { filter: "kept" as const, order: "A" as const }, { query: "_" }]) {
      expect(countPairGroups(temp.db, seed.iterationIds[0]!, filters)).toBe(pairGroups(filters).length);
    }
    expect(keys(listPairGroups(temp.db, seed.iterationIds[0]!, {}, "correct-asc", all))).toEqual([
      "p2A",
      "p2B",
      "p0B",
      "p3A",
      "p4B",
      "p0A",
      "p3B",
      "p4A",
      "p1A",
      "p1B",
    ]);
    expect(keys(listPairGroups(temp.db, seed.iterationIds[0]!, {}, "correct-desc", all)).slice(0, 2)).toEqual(["p1A", "p1B"]);
    expect(keys(listPairGroups(temp.db, seed.iterationIds[0]!, {}, "pair", { limit: 3, offset: 3 }))).toEqual(["p1B", "p2A", "p2B"]);
    expect(listPairGroups(temp.db, seed.iterationIds[2]!, {}, "pair", all)).toEqual([]);
  });
});

describe("eval item groups", () => {
  const evalGroups = (filters: GroupFilters, iteration = 0) =>
    listEvalGroups(temp.db, seed.iterationIds[iteration]!, seed.evalSetId, filters, "pair", all).map(
      (r) => `e${seed.evalItemIds.indexOf(r.id)}${r.goodPosition}`,
    );

  it("lists each item in both orders, filtered by subset, majority and order", () => {
    expect(evalGroups({})).toHaveLength(16);
    expect(evalGroups({ subset: "llmbar-natural", majority: "wrong" })).toEqual(["e1A", "e1B", "e2A", "e2B", "e3B"]);
    expect(evalGroups({ majority: "correct", order: "A", subset: "alpacaeval-easy" })).toEqual(["e4A", "e5A"]);
    expect(evalGroups({ query: "e7" })).toEqual(["e7A", "e7B"]);
    expect(countEvalGroups(temp.db, seed.iterationIds[0]!, seed.evalSetId, { majority: "wrong" })).toBe(9);
    expect(listEvalGroups(temp.db, seed.iterationIds[0]!, seed.evalSetId, {}, "pair", { limit: 1, offset: 0 })[0]!.label).toBe(
      "llmbar-natural",
    );
  });
});

describe("details across iterations", () => {
  it("returns every judgment of a pair, in iteration, order and sample order, only within its run", () => {
    const detail = getPairDetail(temp.db, seed.runId, seed.pairIds[0]!)!;
    expect(detail.instruction).toBe("Instruction number 0.");
    expect(detail.modifiedInstruction).toBe("Instruction number 0, changed.");
    expect(detail.category).toBe("Math");
    expect(detail.judgments.map((j) => `${j.iteration}${j.goodPosition}${j.sample}`)).toEqual([
      "0A0",
      "0A1",
      "0A2",
      "0B0",
      "0B1",
      "0B2",
      "1A0",
      "1A1",
      "1A2",
      "1B0",
      "1B1",
      "1B2",
    ]);
    expect(detail.judgments[0]).toMatchObject({
      outcome: "correct",
      filterStatus: "kept",
      promptTokens: 100,
      completionTokens: 10,
      finishReason: "stop",
    });
    expect(detail.iterations.map((i) => i.judgeModel)).toEqual(["judge-0", "judge-1", "judge-2"]);
    expect(getPairDetail(temp.db, seed.otherRunId, seed.pairIds[0]!)).toBeUndefined();
    expect(getPairDetail(temp.db, seed.runId, seed.droppedPairId)!.judgments).toEqual([]);
  });

  it("returns an eval item's judgments by every iteration, and nothing for an item outside the run's eval sets", () => {
    const detail = getEvalItemDetail(temp.db, seed.runId, seed.evalItemIds[3]!)!;
    expect(detail.subset).toBe("llmbar-natural");
    expect(detail.judgments.map((j) => `${j.iteration}${j.goodPosition}:${j.outcome}`)).toEqual([
      "0A:correct",
      "0B:wrong",
      "1A:correct",
      "1B:correct",
      "2A:correct",
      "2B:correct",
    ]);
    expect(getEvalItemDetail(temp.db, seed.otherRunId, seed.evalItemIds[3]!)!.judgments).toEqual([]);
    const poolItem = getPairDetail(temp.db, seed.runId, seed.pairIds[0]!)!.itemId;
    expect(getEvalItemDetail(temp.db, seed.runId, poolItem)).toBeUndefined();
  });

  it("describes the run's iterations, categories and eval sets", () => {
    const context = traceContext(temp.db, seed.runId);
    expect(context.iterations.map((i) => [i.index, i.judgments, i.evalJudgments])).toEqual([
      [0, 30, 16],
      [1, 30, 16],
      [2, 0, 16],
    ]);
    expect(context.categories).toEqual(["Coding", "Math"]);
    expect(context.evalSets).toEqual([{ id: seed.evalSetId, name: "eval", subsets: ["alpacaeval-easy", "llmbar-natural"] }]);
  });
});

describe("flips and paired scores", () => {
  const step = (from: number, to: number, subsets?: string[]) => ({
    fromIterationId: seed.iterationIds[from]!,
    toIterationId: seed.iterationIds[to]!,
    datasetId: seed.evalSetId,
    subsets,
  });
  const itemsOf = (flips: { itemId: number }[]) => flips.map((f) => seed.evalItemIds.indexOf(f.itemId));

  it("lists the items whose verdict changed, by direction and subset", () => {
    const flips = listEvalFlips(temp.db, step(0, 1), "all", all);
    expect({ total: flips.total, improved: flips.improved, regressed: flips.regressed }).toEqual({ total: 4, improved: 3, regressed: 1 });
    expect(itemsOf(flips.flips)).toEqual([1, 3, 5, 6]);
    expect(flips.flips[1]).toMatchObject({ before: 0.5, after: 1, subset: "llmbar-natural" });
    expect(itemsOf(listEvalFlips(temp.db, step(0, 1), "regressed", all).flips)).toEqual([5]);
    expect(itemsOf(listEvalFlips(temp.db, step(0, 1), "improved", { limit: 1, offset: 1 }).flips)).toEqual([3]);
    const chatHard = listEvalFlips(temp.db, step(0, 1, ["llmbar-natural"]), "all", all);
    expect({ total: chatHard.total, improved: chatHard.improved, regressed: chatHard.regressed }).toEqual({
      total: 2,
      improved: 2,
      regressed: 0,
    });
    expect(listEvalFlips(temp.db, step(1, 2), "all", all).improved).toBe(2);
  });

  it("pairs two judges' item scores; the paired metrics equal the official scores of each judge", () => {
    const items = pairedItemScores(
      temp.db,
      { iterationId: seed.iterationIds[0]!, datasetId: seed.evalSetId },
      { iterationId: seed.iterationIds[1]!, datasetId: seed.evalSetId },
    );
    expect(items.map((i) => i.before)).toEqual([1, 0, 0, 0.5, 1, 1, 0, 0]);
    const metrics = new Map(pairedRewardBench(items).map((m) => [m.metric, m]));
    const before = evalSummarySql(temp.db, { iterationId: seed.iterationIds[0]!, datasetId: seed.evalSetId }).rewardBench;
    const after = evalSummarySql(temp.db, { iterationId: seed.iterationIds[1]!, datasetId: seed.evalSetId }).rewardBench;
    expect(metrics.get("RewardBench")!.delta.before).toBeCloseTo(before.overall!, 10);
    expect(metrics.get("RewardBench")!.delta.after).toBeCloseTo(after.overall!, 10);
    expect(metrics.get("Chat Hard")!.delta).toMatchObject({ items: 4, before: 0.375, after: 0.75, delta: 0.375 });
    expect(metrics.get("Chat")!.delta.delta).toBe(0);
    expect(metrics.get("Accuracy")!.mcnemar).toMatchObject({ b: 1, c: 2, pValue: 1 });
  });
});

describe("exports", () => {
  it("exports an iteration's judgments, or only those of marked pairs", () => {
    expect(exportSampledJudgmentsPage(temp.db, "training", seed.iterationIds[0]!, 0, 1000)).toHaveLength(30);
    const marked = exportSampledJudgmentsPage(temp.db, "training", seed.iterationIds[0]!, 0, 1000, [seed.pairIds[0]!, seed.pairIds[3]!]);
    expect(marked).toHaveLength(12);
    expect(new Set(marked.map((r) => r.instruction_source_id))).toEqual(new Set(["p0", "p3"]));
    const page = exportSampledJudgmentsPage(temp.db, "training", seed.iterationIds[0]!, marked[4]!.id, 3, [
      seed.pairIds[0]!,
      seed.pairIds[3]!,
    ]);
    expect(page.map((r) => r.id)).toEqual(marked.slice(5, 8).map((r) => r.id));
  });

  it("exports eval judgments with each item's score, or only marked items", () => {
    const rows = exportSampledJudgmentsPage(temp.db, "eval", seed.iterationIds[0]!, 0, 1000, [seed.evalItemIds[3]!]);
    expect(rows.map((r) => [r.source_id, r.chosen_position, r.outcome, r.item_score])).toEqual([
      ["e3", "A", "correct", 0.5],
      ["e3", "B", "wrong", 0.5],
    ]);
    expect(exportSampledJudgmentsPage(temp.db, "eval", seed.iterationIds[2]!, 0, 1000)).toHaveLength(16);
  });
});
