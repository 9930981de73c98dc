/**
 * Reads a judge's final verdict from its text, by one of three named rules (the run config records
 * which one scored it):
 * - `ram`: the rule of the Self-Taught Evaluator reference code (facebookresearch/RAM,
 *   projects/self_taught_evaluator/src/utils.py, `parse_judgement`): exact, case-sensitive
 *   "[[A]]" and "[[B]]"; a text holding both is no verdict; otherwise "[[A]]" gives A, "[[B]]"
 *   gives B, "[[C]]" a tie; anything else is no verdict. The paper's numbers were made with it.
 * - `rewardbench`: RewardBench's `process_judgement` (allenai/reward-bench, rewardbench/generative.py,
 *   the default branch): "[[A]]" anywhere gives A, else "[[B]]" anywhere gives B, else an error
 *   (no verdict). No ties, and a text quoting both formats counts as A.
 * - `lenient`: Judge Lab's earlier rule: like `ram`, but case and inner spaces are tolerated
 *   ("[[ a ]]"), and "[[TIE]]" is a tie as well as "[[C]]".
 * None of them accepts other brackets ("[A]", "**A**").
 */
export const VERDICT_RULES = ["ram", "rewardbench", "lenient"] as const;
export type VerdictRule = (typeof VERDICT_RULES)[number];

export const VERDICT_RULE_LABELS: Record<VerdictRule, string> = {
  ram: "RAM (paper)",
  rewardbench: "RewardBench",
  lenient: "Lenient",
};

export const VERDICT_RULE_DESCRIPTIONS: Record<VerdictRule, string> = {
  ram: "RAM reference: exact [[A]] / [[B]]; both present = no verdict; [[C]] = tie",
  rewardbench: "RewardBench: [[A]] anywhere = A, else [[B]] = B, else no verdict",
  lenient: "Lenient: like RAM, also [[ a ]] (any case, spaces) and [[TIE]]",
};

export type VerdictParse = { verdict: "A" | "B"; status: "ok" } | { verdict: null; status: "tie" | "both" | "missing" };

const LENIENT_MARKER = /\[\[\s*(A|B|C|TIE)\s*\]\]/gi;

function parseRam(text: string): VerdictParse {
  const a = text.includes("[[A]]");
  const b = text.includes("[[B]]");
  if (a && b) return { verdict: null, status: "both" };
  if (a) return { verdict: "A", status: "ok" };
  if (b) return { verdict: "B", status: "ok" };
  if (text.includes("[[C]]")) return { verdict: null, status: "tie" };
  return { verdict: null, status: "missing" };
}

function parseRewardBench(text: string): VerdictParse {
  if (text.includes("[[A]]")) return { verdict: "A", status: "ok" };
  if (text.includes("[[B]]")) return { verdict: "B", status: "ok" };
  return { verdict: null, status: "missing" };
}

function parseLenient(text: string): VerdictParse {
  const found = new Set<string>();
  for (const match of text.matchAll(LENIENT_MARKER)) found.add(match[1]!.toUpperCase());
  const a = found.has("A");
  const b = found.has("B");
  if (a && b) return { verdict: null, status: "both" };
  if (a) return { verdict: "A", status: "ok" };
  if (b) return { verdict: "B", status: "ok" };
  if (found.size > 0) return { verdict: null, status: "tie" };
  return { verdict: null, status: "missing" };
}

export function parseVerdict(text: string, rule: VerdictRule): VerdictParse {
  if (rule === "ram") return parseRam(text);
  if (rule === "rewardbench") return parseRewardBench(text);
  return parseLenient(text);
}

/**
 * Where the marker of a verdict already read (by whichever rule) sits in its trace, for
 * highlighting: the last exact "[[A]]"/"[[B]]", else the last lenient spelling of it; null if none.
 */
export function verdictMarkerSpan(text: string, verdict: "A" | "B"): { start: number; end: number } | null {
  const exact = text.lastIndexOf(`[[${verdict}]]`);
  if (exact >= 0) return { start: exact, end: exact + 5 };
  let last: RegExpMatchArray | null = null;
  for (const match of text.matchAll(LENIENT_MARKER)) if (match[1]!.toUpperCase() === verdict) last = match;
  return last?.index === undefined ? null : { start: last.index, end: last.index + last[0].length };
}
