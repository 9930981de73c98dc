// The tables behind the run page's charts and the Compare chart, from the run view of the seeded
// run: the numbers drawn (and downloaded as CSV) are the SQL aggregates, per iteration.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareMetrics, compareRun, compareTable, canShowPaperReference } from "@/lib/charts/compare-chart-data";
import { accuracyTable, biasTable, funnelTable, rewardBenchTable, subsetTable, tokensTable } from "@/lib/charts/run-chart-data";
import { iterationSummaries } from "@/lib/db/queries/run-summary";
import { runView, type RunView } from "@/lib/runs/run-view";
import { tableCsv } from "@/lib/ui/download";
import { FILTER_STATS, seedTraceRun, type SeededTraces } from "../helpers/seed-traces";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let temp: TempDb;
let seed: SeededTraces;
let view: RunView;

beforeAll(() => {
  temp = createTempDb();
  seed = seedTraceRun(temp.db);
  view = runView(temp.db, seed.runId)!;
});
afterAll(() => temp.close());

describe("run page charts", () => {
  it("draws RewardBench overall and the sections present, in percent, per iteration", () => {
    const table = rewardBenchTable(view);
    expect(table.columns.map((c) => c.key)).toEqual(["iteration", "RewardBench", "Chat", "Chat Hard"]);
    expect(table.rows).toEqual([
      { iteration: 0, RewardBench: 43.8, Chat: 50, "Chat Hard": 37.5, Safety: null, Reasoning: null },
      { iteration: 1, RewardBench: 62.5, Chat: 50, "Chat Hard": 75, Safety: null, Reasoning: null },
      { iteration: 2, RewardBench: 87.5, Chat: 75, "Chat Hard": 100, Safety: null, Reasoning: null },
    ]);
  });

  it("draws accuracy with its interval, each subset per iteration, and the bias metrics", () => {
    const accuracy = accuracyTable(view);
    expect(accuracy.sets).toEqual(["eval"]);
    expect(accuracy.rows.map((r) => r.s0)).toEqual([43.8, 62.5, 87.5]);
    for (const row of accuracy.rows)
      expect((row.s0_low as number) < (row.s0 as number) && (row.s0 as number) < (row.s0_high as number)).toBe(true);
    expect(subsetTable(view).rows).toEqual([
      { set: "eval", subset: "alpacaeval-easy", items: 4, it0: 50, it1: 50, it2: 75 },
      { set: "eval", subset: "llmbar-natural", items: 4, it0: 37.5, it1: 75, it2: 100 },
    ]);
    const bias = biasTable(view, "eval");
    expect(bias.rows.map((r) => r.kappaPrevious)).toEqual([null, expect.any(Number), expect.any(Number)]);
    expect(bias.rows[0]!.consistency).toBe(87.5);
  });

  it("draws the filter's funnel from the iteration stats and the tokens per stage", () => {
    expect(funnelTable(view).rows).toEqual([
      { iteration: 0, ...pick(FILTER_STATS[0]!) },
      { iteration: 1, ...pick(FILTER_STATS[1]!) },
    ]);
    const judge = tokensTable(view).rows.find((r) => r.stage === "judge")!;
    expect(judge).toMatchObject({ calls: 60, prompt: 6000 });
  });

  it("writes a chart's data as CSV with its column labels", () => {
    // Chat and Chat Hard only: the overall is labelled for what it is.
    expect(tableCsv(rewardBenchTable(view)).split("\n").slice(0, 2)).toEqual([
      "Iteration,RewardBench (mean of present sections),Chat,Chat Hard",
      "0,43.8,50,37.5",
    ]);
  });
});

describe("compare chart", () => {
  it("puts one column per run and lists the metrics any run has", () => {
    const runs = [
      compareRun(seed.runId, "seeded", iterationSummaries(temp.db, seed.runId)),
      compareRun(seed.otherRunId, "other", iterationSummaries(temp.db, seed.otherRunId)),
    ];
    expect(compareMetrics(runs).slice(0, 3)).toEqual(["RewardBench", "Chat", "Chat Hard"]);
    expect(compareMetrics(runs)).toContain("Accuracy · eval");
    const table = compareTable(runs, "Chat Hard");
    expect(table.columns.map((c) => c.label)).toEqual(["Iteration", `#${seed.runId} seeded`, `#${seed.otherRunId} other`]);
    expect(table.rows.map((r) => r[`run${seed.runId}`])).toEqual([37.5, 75, 100]);
    expect(table.rows.every((r) => r[`run${seed.otherRunId}`] === null)).toBe(true);
    expect(compareTable([runs[1]!], "Chat Hard").rows).toEqual([]);
  });

  it("offers the paper's reference lines only against full four-section RewardBench scores", () => {
    const runs = [compareRun(seed.runId, "seeded", iterationSummaries(temp.db, seed.runId))];
    expect(runs[0]!.points.every((p) => !p.fullRewardBench)).toBe(true); // two sections only
    expect(canShowPaperReference(runs)).toBe(false);
    const full = { ...runs[0]!, points: runs[0]!.points.map((p) => ({ ...p, fullRewardBench: true })) };
    expect(canShowPaperReference([full])).toBe(true);
    expect(canShowPaperReference([full, runs[0]!])).toBe(false);
    expect(canShowPaperReference([])).toBe(false);
  });
});

function pick(stats: Record<string, number>) {
  return {
    pairOrders: stats.pairOrders,
    judgments: stats.judgments,
    correct: stats.correct,
    candidates: stats.candidates,
    kept: stats.kept,
  };
}
