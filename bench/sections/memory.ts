/**
 * Section 6, memory: peak resident memory of the process that drives a run (the runner, as the
 * app's server runs it, here in a worker process of its own so the figure is its alone) during a
 * judge stage of 1,000,000 judgments: 62,500 pairs x 2 orders x N = 8 samples, at L = 0. Also the
 * resident memory at each tenth of the work, to show it stays flat as the run grows.
 */
import path from "node:path";
import { seedJudgeBench } from "../support/judge-bench-db";
import type { JudgeWorkerInput, JudgeWorkerResult } from "../support/judge-stage-worker";
import { runWorker, startSimJudgeProcess } from "../support/processes";
import type { BenchSection } from "../support/section";
import { fmt, round } from "../support/stats";

const GOAL_MB = 500;

export const memorySection: BenchSection = {
  name: "memory",
  title: "Memory",
  async run({ quick, dir, log }) {
    const pairs = quick ? 1_250 : 62_500;
    const sim = await startSimJudgeProcess({ dbFile: path.join(dir, "sim.db"), latencyMs: 0, maxInFlight: 0 });
    try {
      const file = path.join(dir, "memory.db");
      const { runId, judgments } = seedJudgeBench({
        file,
        simUrl: sim.url,
        pairs,
        samples: 8,
        bothOrders: true,
        supportsN: true,
        maxInFlight: 256,
      });
      log(`runner: judge stage of ${fmt(judgments)} judgments (${fmt(pairs)} pairs x 2 orders x 8 samples)`);
      let lastReport = 0;
      const result = await runWorker<JudgeWorkerResult>(
        "bench/support/judge-stage-worker.ts",
        { file, runId, concurrency: 256 } satisfies JudgeWorkerInput,
        (line) => {
          const [done, total, rss] = line.split(" ").map(Number) as [number, number, number];
          if (Date.now() - lastReport > 30_000) {
            lastReport = Date.now();
            log(`  ${fmt(done)} / ${fmt(total)} judgments, RSS ${fmt(rss)} MB`);
          }
        },
      );
      if (result.judgments !== judgments) throw new Error(`the runner stored ${result.judgments} judgments, expected ${judgments}`);
      const deciles = result.rssByDecile;
      const growth = deciles.at(-1)! - deciles[1]!;
      return {
        figures: {
          judgments,
          peak_rss_mb: result.peakRssMb,
          rss_by_decile_mb: deciles,
          growth_from_20_to_100_percent_mb: round(growth),
          judgments_per_s: round(judgments / (result.wallMs / 1000)),
          wall_s: round(result.wallMs / 1000),
        },
        rows: [
          {
            measure: `runner peak RSS, judge stage of ${fmt(judgments)} judgments`,
            value: `${fmt(result.peakRssMb)} MB`,
            goal: `< ${GOAL_MB} MB`,
            met: result.peakRssMb < GOAL_MB,
          },
          {
            measure: "RSS at 10%, 50%, 100% of the work",
            value: `${fmt(deciles[0]!)} / ${fmt(deciles[4]!)} / ${fmt(deciles[9]!)} MB`,
            goal: "flat",
            met: growth < 0.25 * deciles[1]!,
          },
          { measure: "judgments stored per second (N 8, L 0)", value: fmt(judgments / (result.wallMs / 1000)), goal: "", met: null },
        ],
      };
    } finally {
      await sim.stop();
    }
  },
};
