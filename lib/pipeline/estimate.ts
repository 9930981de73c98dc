/**
 * The size and cost of a run before it starts: model calls and tokens per stage and per
 * iteration, from the config and the datasets' sizes. Token counts use rough averages (prompt and
 * answer lengths) and say so; call counts are exact for the configured sizes (minus dropped pairs).
 */
import { candidateCount, type RunConfig } from "./run-config";
import { evaluationOrderCount, judgingOrderCount } from "./sampling";

export type StageEstimate = { stage: string; calls: number; tokens: number; note: string };
export type RunEstimate = {
  stages: StageEstimate[];
  perIteration: { calls: number; tokens: number };
  total: { calls: number; tokens: number };
};

const AVG = { instruction: 120, response: 350, trace: 450, category: 10, worse: 450 };

export function estimateRun(
  config: RunConfig,
  sizes: { poolItems: number; evalItems: number[] },
  supportsN: { judge: boolean },
): RunEstimate {
  const stages: StageEstimate[] = [];
  const instructions = Math.min(config.instructions.count, sizes.poolItems);
  if (config.instructions.categories.length > 0) {
    const candidates = Math.min(candidateCount(config), sizes.poolItems);
    stages.push({
      stage: "Select (classify)",
      calls: candidates,
      tokens: candidates * (AVG.instruction + 150 + AVG.category),
      note: `${candidates} instructions classified`,
    });
  }
  stages.push({
    stage: "Build pairs",
    calls: instructions * 2,
    // The answer prompt, then the worse-response prompt, which also shows the good response.
    tokens: instructions * (AVG.instruction * 2 + 200 + 2 * AVG.response + AVG.worse),
    note: `${instructions} instructions, 2 calls each (1 when the pool has a baseline response)`,
  });
  const orders = judgingOrderCount(config.judging.bothOrders);
  const n = config.judging.samples;
  const judgeCalls = instructions * orders * (supportsN.judge ? 1 : n);
  const judgePrompt = AVG.instruction + 2 * AVG.response + 250;
  const judgeTokens = instructions * orders * ((supportsN.judge ? 1 : n) * judgePrompt + n * AVG.trace);
  const evalItems = sizes.evalItems.reduce((sum, items) => sum + Math.min(items, config.evaluation.maxItems ?? Infinity), 0);
  const evalOrders = evaluationOrderCount(config.evaluation.protocol);
  const k = config.evaluation.samples;
  const evalCalls = evalItems * evalOrders * (supportsN.judge ? 1 : k);
  const evalTokens = evalItems * evalOrders * ((supportsN.judge ? 1 : k) * judgePrompt + k * AVG.trace);
  stages.push({
    stage: "Judge (per iteration)",
    calls: judgeCalls,
    tokens: judgeTokens,
    note: `${instructions} pairs x ${orders} order(s) x ${n} samples`,
  });
  stages.push({
    stage: "Evaluate (per judge)",
    calls: evalCalls,
    tokens: evalTokens,
    note: `${evalItems} eval items x ${evalOrders} order(s) x ${k} sample(s)`,
  });
  const fixed = stages
    .filter((s) => !s.stage.includes("per"))
    .reduce((sum, s) => ({ calls: sum.calls + s.calls, tokens: sum.tokens + s.tokens }), { calls: 0, tokens: 0 });
  const perIteration = { calls: judgeCalls + evalCalls, tokens: judgeTokens + evalTokens };
  const iterations = config.iterations;
  return {
    stages,
    perIteration,
    total: {
      calls: fixed.calls + iterations * judgeCalls + (iterations + 1) * evalCalls,
      tokens: fixed.tokens + iterations * judgeTokens + (iterations + 1) * evalTokens,
    },
  };
}
