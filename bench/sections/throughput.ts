/**
 * Section 1, throughput against the limit: a judge stage of 20,000 judgments (one sample per
 * request, both orders) run by the real runner against SimJudge standalone at latency L = 200 ms
 * with C = 256 requests processed at once, and in the same run, against the same server, the bare
 * client sending the same requests. On a real deployment C/L = 1,280/s is the ceiling; here the
 * client and the server share two cores, so the bare client is the fair yardstick.
 */
import path from "node:path";
import type { BareClientInput, BareClientResult } from "../support/bare-client-worker";
import { seedJudgeBench } from "../support/judge-bench-db";
import type { JudgeWorkerInput, JudgeWorkerResult } from "../support/judge-stage-worker";
import { runWorker, startSimJudgeProcess } from "../support/processes";
import type { BenchSection } from "../support/section";
import { fmt, round, throughputFigures } from "../support/stats";

const LATENCY_MS = 200;
const C = 256;

export const throughputSection: BenchSection = {
  name: "throughput",
  title: "Throughput against the limit",
  async run({ quick, dir, log }) {
    const judgments = quick ? 1_000 : 20_000;
    const sim = await startSimJudgeProcess({ dbFile: path.join(dir, "sim.db"), latencyMs: LATENCY_MS, maxInFlight: C });
    try {
      const file = path.join(dir, "throughput.db");
      const { runId } = seedJudgeBench({
        file,
        simUrl: sim.url,
        pairs: judgments / 2,
        samples: 1,
        bothOrders: true,
        supportsN: true,
        maxInFlight: C,
      });
      log(`bare client: ${fmt(judgments)} requests, concurrency ${C}, L = ${LATENCY_MS} ms, C = ${C}`);
      const bare = await runWorker<BareClientResult>("bench/support/bare-client-worker.ts", {
        file,
        runId,
        url: sim.url,
        concurrency: C,
      } satisfies BareClientInput);
      log(`runner: judge stage of ${fmt(judgments)} judgments`);
      const runner = await runWorker<JudgeWorkerResult>("bench/support/judge-stage-worker.ts", {
        file,
        runId,
        concurrency: C,
      } satisfies JudgeWorkerInput);
      if (runner.judgments !== judgments) throw new Error(`the runner stored ${runner.judgments} judgments, expected ${judgments}`);
      const figures = {
        judgments,
        ...throughputFigures({ count: runner.judgments, wallMs: runner.wallMs }, bare, C, LATENCY_MS),
        runner_wall_s: round(runner.wallMs / 1000, 2),
      };
      return {
        figures,
        rows: [
          {
            measure: `runner, judge stage of ${fmt(judgments)} (L ${LATENCY_MS} ms, C ${C})`,
            value: `${fmt(figures.judgments_per_s)} judgments/s`,
            goal: "",
            met: null,
          },
          { measure: "bare client, same requests and server", value: `${fmt(figures.bare_per_s)} requests/s`, goal: "", met: null },
          { measure: "runner / bare client", value: fmt(figures.ratio_to_bare, 2), goal: "≥ 0.90", met: figures.ratio_to_bare >= 0.9 },
          {
            measure: `runner / ideal C/L = ${fmt(figures.ideal_per_s)}/s`,
            value: fmt(figures.ratio_to_ideal, 2),
            goal: "(reported)",
            met: null,
          },
        ],
      };
    } finally {
      await sim.stop();
    }
  },
};
