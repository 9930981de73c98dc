/**
 * Reads a judge's final verdict from its text (paper §3.2; the RAM reference's rule): "[[A]]" or
 * "[[B]]". Strict on purpose: a text holding both is no verdict (the judge hedged or quoted the
 * format), "[[C]]" or "[[TIE]]" is a tie, and a text with neither is unparsed. Case and inner
 * spaces are tolerated ("[[ a ]]"), other brackets are not ("[A]", "**A**").
 */
export type VerdictParse = { verdict: "A" | "B"; status: "ok" } | { verdict: null; status: "tie" | "both" | "missing" };

const VERDICT = /\[\[\s*(A|B|C|TIE)\s*\]\]/gi;

export function parseVerdict(text: string): VerdictParse {
  const found = new Set<string>();
  for (const match of text.matchAll(VERDICT)) found.add(match[1]!.toUpperCase());
  const a = found.has("A");
  const b = found.has("B");
  if (a && b) return { verdict: null, status: "both" };
  if (a) return { verdict: "A", status: "ok" };
  if (b) return { verdict: "B", status: "ok" };
  if (found.size > 0) return { verdict: null, status: "tie" };
  return { verdict: null, status: "missing" };
}

/** The span of the verdict marker, for highlighting it in a trace (last occurrence). */
export function verdictSpan(text: string): { start: number; end: number } | null {
  let last: RegExpMatchArray | null = null;
  for (const match of text.matchAll(VERDICT)) last = match;
  if (!last || last.index === undefined) return null;
  return { start: last.index, end: last.index + last[0].length };
}
