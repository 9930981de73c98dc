/**
 * The numbers behind the Compare page: each selected run's metrics per scored iteration (RewardBench
 * overall and sections; accuracy, A-position rate and position consistency per eval set), and the
 * table for one metric with one column per run, so the chart, its tooltip and its CSV agree.
 */
import type { IterationSummary } from "@/lib/db/queries/run-summary";
import { pooledRewardBench } from "@/lib/metrics/rewardbench-scores";
import { REWARDBENCH_SECTIONS } from "@/lib/metrics";
import type { ChartTable } from "./run-chart-data";

/** `fullRewardBench`: the point's overall covers all four full sections (a real RewardBench score). */
export type CompareRun = {
  id: number;
  name: string;
  points: { iteration: number; fullRewardBench: boolean; metrics: Record<string, number | null> }[];
};

/** The paper's published RewardBench scores (Table 1), full four-section scores. */
export const PAPER_REFERENCE = { model: "Llama-3-70B-Instruct", seed: 75.4, final: 88.3 } as const;

/** The paper's lines compare with full RewardBench scores only: every point with an overall must be one. */
export function canShowPaperReference(runs: readonly CompareRun[]): boolean {
  const points = runs.flatMap((run) => run.points).filter((p) => p.metrics.RewardBench !== null && p.metrics.RewardBench !== undefined);
  return points.length > 0 && points.every((p) => p.fullRewardBench);
}

const pct = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 1000) / 10);

export function compareRun(id: number, name: string, summaries: readonly IterationSummary[]): CompareRun {
  const points = summaries
    .filter((it) => it.evals.length > 0)
    .map((it) => {
      const pooled = pooledRewardBench(it.evals);
      const metrics: Record<string, number | null> = { RewardBench: pct(pooled.overall) };
      for (const section of pooled.sections) metrics[section.section] = pct(section.score);
      for (const set of it.evals) {
        metrics[`Accuracy · ${set.datasetName}`] = pct(set.metrics.accuracy?.accuracy);
        metrics[`A-position rate · ${set.datasetName}`] = pct(set.metrics.aPositionRate);
        metrics[`Position consistency · ${set.datasetName}`] = pct(set.metrics.positionBias.positionConsistency);
      }
      return { iteration: it.iteration.index, fullRewardBench: pooled.overall !== null && !pooled.overallPartial, metrics };
    });
  return { id, name, points };
}

/** Metrics some run has a value for, RewardBench ones first. */
export function compareMetrics(runs: readonly CompareRun[]): string[] {
  const present = new Set<string>();
  for (const run of runs)
    for (const point of run.points) for (const [key, value] of Object.entries(point.metrics)) if (value !== null) present.add(key);
  const rewardBench = ["RewardBench", ...REWARDBENCH_SECTIONS].filter((m) => present.has(m));
  return [...rewardBench, ...[...present].filter((m) => !rewardBench.includes(m)).sort()];
}

export const runColumn = (run: Pick<CompareRun, "id">) => `run${run.id}`;

export function compareTable(runs: readonly CompareRun[], metric: string): ChartTable {
  const iterations = [...new Set(runs.flatMap((run) => run.points.map((p) => p.iteration)))].sort((a, b) => a - b);
  const rows = iterations.map((iteration) => {
    const row: Record<string, number | null> = { iteration };
    for (const run of runs) row[runColumn(run)] = run.points.find((p) => p.iteration === iteration)?.metrics[metric] ?? null;
    return row;
  });
  const hasValue = rows.some((row) => runs.some((run) => row[runColumn(run)] !== null));
  return {
    columns: [{ key: "iteration", label: "Iteration" }, ...runs.map((run) => ({ key: runColumn(run), label: `#${run.id} ${run.name}` }))],
    rows: hasValue ? rows : [],
  };
}
