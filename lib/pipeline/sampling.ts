/**
 * How a model is sampled, one shape for every stage that calls a model (building pairs, judging,
 * evaluation): n samples at a temperature, top_p and a token limit. The run config reuses the same
 * zod fields in each group, and the stages pass the whole Sampling to the client. Also the counts
 * that follow from it (how many judgments an iteration or a judge makes).
 */
import { z } from "zod";

export type Sampling = { n: number; temperature: number; topP: number; maxTokens: number };

/** The zod fields of a sampling group (all but n, which each group names in its own words), with its defaults. */
export function samplingFields(defaults: { temperature: number; topP: number; maxTokens: number }) {
  return {
    temperature: z.number().min(0).max(2).default(defaults.temperature),
    topP: z.number().gt(0).max(1).default(defaults.topP),
    maxTokens: z.number().int().min(16).max(131_072).default(defaults.maxTokens),
  };
}

type SamplingGroup = { temperature: number; topP: number; maxTokens: number };

export function samplingOf(group: SamplingGroup, n: number): Sampling {
  return { n, temperature: group.temperature, topP: group.topP, maxTokens: group.maxTokens };
}

/** How many orders each pair is judged in, and each eval item is scored in. */
export const judgingOrderCount = (bothOrders: boolean) => (bothOrders ? 2 : 1);
export const evaluationOrderCount = (protocol: "random-order" | "both-orders") => (protocol === "both-orders" ? 2 : 1);

/** Judgments one iteration's judge makes on the kept pairs: pairs x orders x N. */
export function judgmentsPerIteration(okPairs: number, judging: { bothOrders: boolean; samples: number }): number {
  return okPairs * judgingOrderCount(judging.bothOrders) * judging.samples;
}

/** Eval judgments one judge makes: items x orders x k. */
export function evalJudgmentsPerJudge(items: number, evaluation: { protocol: "random-order" | "both-orders"; samples: number }): number {
  return items * evaluationOrderCount(evaluation.protocol) * evaluation.samples;
}

/** Split a call's token usage over its n samples so the per-sample numbers add up exactly. */
export function splitUsage(total: number, parts: number, index: number): number {
  const base = Math.floor(total / parts);
  return index === 0 ? total - base * (parts - 1) : base;
}
