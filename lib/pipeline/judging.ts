/**
 * One judging act, pure: a judge's n sampled texts for one prompt shown in one order become n
 * judged samples (verdict by the run's rule, outcome against the known-better position, the trace,
 * tokens split so they add up). A call that failed for good on this unit becomes n unparsed
 * samples carrying its reason, so the failure is visible and counted. Training judgments,
 * evaluation and whatever judges next all go through this.
 */
import { judgmentOutcome } from "./judge";
import type { VerdictRule } from "./parse-verdict";
import { splitUsage } from "./sampling";
import type { Outcome, Position } from "./vocabulary";

export type JudgedSample = {
  sample: number;
  verdict: Position | null;
  outcome: Outcome;
  trace: string;
  finishReason: string | null;
  truncated: boolean;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
};

export type SampledCall =
  | {
      ok: true;
      samples: { text: string; finishReason: string | null; truncated: boolean }[];
      usage: { promptTokens: number; completionTokens: number; latencyMs: number };
    }
  | { ok: false; message: string };

export function interpretSamples(unit: { position: Position; n: number; rule: VerdictRule }, call: SampledCall): JudgedSample[] {
  return Array.from({ length: unit.n }, (_, sample): JudgedSample => {
    if (!call.ok) {
      return {
        sample,
        verdict: null,
        outcome: "unparsed",
        trace: `[request failed] ${call.message}`,
        finishReason: "error",
        truncated: false,
        promptTokens: 0,
        completionTokens: 0,
        latencyMs: 0,
      };
    }
    const text = call.samples[sample]!;
    const { verdict, outcome } = judgmentOutcome(text.text, unit.position, unit.rule);
    return {
      sample,
      verdict,
      outcome,
      trace: text.text,
      finishReason: text.finishReason,
      truncated: text.truncated,
      promptTokens: splitUsage(call.usage.promptTokens, unit.n, sample),
      completionTokens: splitUsage(call.usage.completionTokens, unit.n, sample),
      latencyMs: call.usage.latencyMs,
    };
  });
}
