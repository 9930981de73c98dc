/**
 * Stage 3 (paper §3.2, "judgment annotation"): the judge prompt for a pair in one order (y_w shown
 * as A or as B), the conversation with optional in-context demonstrations, and the outcome of a
 * sampled verdict: correct when it picks y_w; wrong, tie and unparsed are all "not correct" and
 * counted apart.
 */
import type { Outcome, Position } from "./vocabulary";
import { parseVerdict, type VerdictRule } from "./parse-verdict";
import { fillTemplate } from "./prompts";

export type ChatTurn = { role: "user" | "assistant"; content: string };

export function judgePromptFor(template: string, instruction: string, good: string, worse: string, goodPosition: Position): string {
  const [a, b] = goodPosition === "A" ? [good, worse] : [worse, good];
  return fillTemplate(template, { instruction, response_a: a, response_b: b });
}

/** The judge's conversation: demonstrations (prompt, trace) as earlier turns, then the prompt. */
export function judgeConversation(prompt: string, demonstrations: readonly { prompt: string; trace: string }[] = []): ChatTurn[] {
  return [
    ...demonstrations.flatMap((d): ChatTurn[] => [
      { role: "user", content: d.prompt },
      { role: "assistant", content: d.trace },
    ]),
    { role: "user", content: prompt },
  ];
}

export function judgmentOutcome(trace: string, goodPosition: Position, rule: VerdictRule): { verdict: Position | null; outcome: Outcome } {
  const parsed = parseVerdict(trace, rule);
  if (parsed.status === "tie") return { verdict: null, outcome: "tie" };
  if (parsed.verdict === null) return { verdict: null, outcome: "unparsed" };
  return { verdict: parsed.verdict, outcome: parsed.verdict === goodPosition ? "correct" : "wrong" };
}
