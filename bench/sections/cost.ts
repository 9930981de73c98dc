/**
 * Section 2, orchestration cost: CPU time (user + system) of the runner's process per judgment, at
 * L = 0, every SQLite write included. The server is another process, so its CPU is not counted.
 * One sample per request (N = 1), the costliest case per judgment: each one is a whole HTTP call.
 * The server shares the two cores, which makes CPU time noisy: the figure is the median of 3 runs.
 */
import path from "node:path";
import { seedJudgeBench } from "../support/judge-bench-db";
import type { JudgeWorkerInput, JudgeWorkerResult } from "../support/judge-stage-worker";
import { runWorker, startSimJudgeProcess } from "../support/processes";
import type { BenchSection } from "../support/section";
import { fmt, round } from "../support/stats";

export const costSection: BenchSection = {
  name: "cost",
  title: "Orchestration cost",
  async run({ quick, dir, log }) {
    const judgments = quick ? 2_000 : 20_000;
    const repeats = quick ? 1 : 3;
    const sim = await startSimJudgeProcess({ dbFile: path.join(dir, "sim.db"), latencyMs: 0, maxInFlight: 0 });
    try {
      const runs: JudgeWorkerResult[] = [];
      for (let i = 0; i < repeats; i++) {
        const file = path.join(dir, `cost-${i}.db`);
        const { runId } = seedJudgeBench({
          file,
          simUrl: sim.url,
          pairs: judgments / 2,
          samples: 1,
          bothOrders: true,
          supportsN: true,
          maxInFlight: 256,
        });
        const input: JudgeWorkerInput = { file, runId, concurrency: 256 };
        const result = await runWorker<JudgeWorkerResult>("bench/support/judge-stage-worker.ts", input);
        if (result.judgments !== judgments) throw new Error(`the runner stored ${result.judgments} judgments, expected ${judgments}`);
        log(`run ${i + 1}/${repeats}: ${fmt(judgments)} judgments at L = 0, ${fmt(result.cpuMs / judgments, 3)} ms CPU per judgment`);
        runs.push(result);
      }
      const runner = [...runs].sort((x, y) => x.cpuMs - y.cpuMs)[Math.floor(runs.length / 2)]!;
      const perJudgment = runner.cpuMs / runner.judgments;
      const figures = {
        judgments,
        cpu_ms: round(runner.cpuMs),
        runs: repeats,
        cpu_ms_per_judgment_each_run: runs.map((r) => round(r.cpuMs / r.judgments, 3)),
        cpu_ms_per_judgment: round(perJudgment, 3),
        judgments_per_core_s: round(1000 / perJudgment),
        wall_s: round(runner.wallMs / 1000, 2),
      };
      return {
        figures,
        rows: [
          {
            measure: `runner CPU per judgment (${fmt(judgments)}, L 0, N 1)`,
            value: `${fmt(perJudgment, 3)} ms`,
            goal: "≤ 0.5 ms",
            met: perJudgment <= 0.5,
          },
          {
            measure: "judgments per core-second",
            value: fmt(figures.judgments_per_core_s),
            goal: "≥ 2,000",
            met: figures.judgments_per_core_s >= 2000,
          },
        ],
      };
    } finally {
      await sim.stop();
    }
  },
};
