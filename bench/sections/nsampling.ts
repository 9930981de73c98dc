/**
 * Section 3, n-sampling: the prompt tokens the server receives for N = 8 samples per prompt when
 * the backend supports `n` (one request per prompt) and when it does not (8 requests), counted by
 * SimJudge itself. The goal is 1/8: the prompt is sent once.
 */
import path from "node:path";
import { seedJudgeBench } from "../support/judge-bench-db";
import type { JudgeWorkerInput, JudgeWorkerResult } from "../support/judge-stage-worker";
import { runWorker, startSimJudgeProcess } from "../support/processes";
import type { BenchSection } from "../support/section";
import { fmt, round } from "../support/stats";

const N = 8;

export const nsamplingSection: BenchSection = {
  name: "nsampling",
  title: "n-sampling",
  async run({ quick, dir, log }) {
    const prompts = quick ? 25 : 250;
    const sim = await startSimJudgeProcess({ dbFile: path.join(dir, "sim.db"), latencyMs: 0, maxInFlight: 0 });
    try {
      const measure = async (supportsN: boolean) => {
        const file = path.join(dir, `nsampling-${supportsN ? "n" : "no-n"}.db`);
        const { runId, judgments } = seedJudgeBench({
          file,
          simUrl: sim.url,
          pairs: prompts,
          samples: N,
          bothOrders: false,
          supportsN,
          maxInFlight: 64,
        });
        await sim.resetStats();
        log(`${supportsN ? "with" : "without"} n: ${fmt(prompts)} prompts x ${N} samples`);
        const result = await runWorker<JudgeWorkerResult>("bench/support/judge-stage-worker.ts", {
          file,
          runId,
          concurrency: 64,
        } satisfies JudgeWorkerInput);
        if (result.judgments !== judgments) throw new Error(`stored ${result.judgments} judgments, expected ${judgments}`);
        const stats = await sim.stats();
        return { promptTokens: stats.promptTokens, requests: stats.chatRequests, samples: stats.samples };
      };
      const withN = await measure(true);
      const withoutN = await measure(false);
      const ratio = withN.promptTokens / withoutN.promptTokens;
      return {
        figures: {
          prompts,
          samples_per_prompt: N,
          prompt_tokens_with_n: withN.promptTokens,
          prompt_tokens_without_n: withoutN.promptTokens,
          requests_with_n: withN.requests,
          requests_without_n: withoutN.requests,
          prompt_token_ratio: round(ratio, 4),
        },
        rows: [
          {
            measure: `prompt tokens, ${fmt(prompts)} prompts x N ${N}, with n`,
            value: `${fmt(withN.promptTokens)} (${fmt(withN.requests)} requests)`,
            goal: "",
            met: null,
          },
          {
            measure: "the same without n",
            value: `${fmt(withoutN.promptTokens)} (${fmt(withoutN.requests)} requests)`,
            goal: "",
            met: null,
          },
          {
            measure: "ratio with / without",
            value: `${fmt(ratio, 4)} (1/${fmt(1 / ratio, 2)})`,
            goal: "1/8 = 0.125",
            met: Math.abs(ratio - 1 / N) < 0.001,
          },
        ],
      };
    } finally {
      await sim.stop();
    }
  },
};
