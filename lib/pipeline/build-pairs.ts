/**
 * Stage 2 (paper §3.1, "constructing preference pairs"): y_w answers x; the worse-response
 * generation gives x' and y_l. The pair's order is known by construction. A pair is kept only when
 * both parts are sound; otherwise it is dropped with the reason, counted and shown.
 */
import { parseWorseResponse } from "./parse-worse-response";

export const PAIR_DROP_REASONS = {
  good_empty: "the good response is empty",
  good_truncated: "the good response was cut off (max_tokens)",
  worse_malformed: "the worse-response output is malformed",
  worse_truncated: "the worse-response output was cut off (max_tokens)",
  same_instruction: "the modified instruction is the original one",
  identical_responses: "the two responses are identical",
  request_failed: "the model call failed",
} as const;
export type PairDropReason = keyof typeof PAIR_DROP_REASONS;

export type PairAssessment =
  | { status: "ok"; goodResponse: string; modifiedInstruction: string; worseResponse: string }
  | { status: "dropped"; reason: PairDropReason; detail: string; goodResponse: string; rawWorseOutput: string };

const normalize = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

export function assessPair(input: {
  instruction: string;
  good: string;
  goodTruncated: boolean;
  worseOutput: string;
  worseTruncated: boolean;
}): PairAssessment {
  const drop = (reason: PairDropReason, detail: string = PAIR_DROP_REASONS[reason]): PairAssessment => ({
    status: "dropped",
    reason,
    detail,
    goodResponse: input.good,
    rawWorseOutput: input.worseOutput,
  });
  if (input.good.trim() === "") return drop("good_empty");
  if (input.goodTruncated) return drop("good_truncated");
  const parsed = parseWorseResponse(input.worseOutput);
  if (!parsed.ok) return drop(input.worseTruncated ? "worse_truncated" : "worse_malformed", parsed.detail);
  if (normalize(parsed.modifiedInstruction) === normalize(input.instruction)) return drop("same_instruction");
  if (normalize(parsed.response) === normalize(input.good)) return drop("identical_responses");
  return { status: "ok", goodResponse: input.good, modifiedInstruction: parsed.modifiedInstruction, worseResponse: parsed.response };
}
