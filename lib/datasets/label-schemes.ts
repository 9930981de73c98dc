/**
 * How a label column of responses to judge reads: which response is best, or a tie. Published
 * sets disagree on what a number means, so the scheme is named, never guessed from numbers alone:
 * - `auto`: words and letters: A / B (C, D, … for more responses), model_a / model_b and
 *   response_a / response_b (MT-Bench human judgments, arena tables), first / second, "A>B" /
 *   "B>A" / "A=B" (JudgeBench), tie (also "tie (bothbad)", both, equal); numbers count from 1
 *   (LLMBar's 1 / 2: the first response is 1).
 * - `zero-based`: numbers count from 0 (0 is the first response); words as in `auto`.
 * - `auto-j`: Auto-J's pairwise test set (GAIR-NLP/auto-j): 0 = response 1, 1 = response 2, 2 = tie.
 * - `pandalm`: PandaLM's test set (WeOpenML/PandaLM, data/testset-v1.json): 0 = tie, 1 = response 1,
 *   2 = response 2.
 * Several label columns (annotators' votes, "annotator1+annotator2+annotator3") combine by
 * majority; with no majority the label is a tie.
 */
export const LABEL_SCHEMES = ["auto", "zero-based", "auto-j", "pandalm"] as const;
export type LabelScheme = (typeof LABEL_SCHEMES)[number];

export const LABEL_SCHEME_DESCRIPTIONS: Record<LabelScheme, string> = {
  auto: "A/B, model_a/model_b, first/second, A>B, tie; numbers from 1",
  "zero-based": "numbers from 0 (0 = the first response); words as in auto",
  "auto-j": "Auto-J: 0 = response 1, 1 = response 2, 2 = tie",
  pandalm: "PandaLM: 0 = tie, 1 = response 1, 2 = response 2",
};

/** A label: the index of the best response, or a tie. */
export type ItemLabel = number | "tie";

/** The columns a label mapping names ("a+b+c" is three voters' columns). */
export function labelColumns(label: string): string[] {
  return label.split("+").map((c) => c.trim());
}

const FIRST = new Set(["a", "model_a", "response_a", "output_1", "first", "left", "a>b"]);
const SECOND = new Set(["b", "model_b", "response_b", "output_2", "second", "right", "b>a"]);
const TIE = /^(tie\b.*|both|equal|a=b|draw)$/;

function readWord(text: string, responses: number): ItemLabel | null {
  if (FIRST.has(text)) return 0;
  if (SECOND.has(text)) return 1;
  if (TIE.test(text)) return "tie";
  if (/^[a-z]$/.test(text)) {
    const index = text.charCodeAt(0) - 97;
    return index < responses ? index : null;
  }
  return null;
}

/** One label value under a scheme, for an item with `responses` responses; null when it does not read. */
export function readLabelValue(value: unknown, scheme: LabelScheme, responses: number): ItemLabel | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = String(value).trim().toLowerCase();
  if (text === "") return null;
  const number = /^\d+$/.test(text) ? Number(text) : null;
  if (number !== null) {
    switch (scheme) {
      case "auto-j":
        return number === 0 ? 0 : number === 1 ? 1 : number === 2 ? "tie" : null;
      case "pandalm":
        return number === 0 ? "tie" : number === 1 ? 0 : number === 2 ? 1 : null;
      case "zero-based":
        return number < responses ? number : null;
      case "auto":
        return number >= 1 && number <= responses ? number - 1 : null;
    }
  }
  return readWord(text, responses);
}

/** Several voters' labels: the majority, a tie when there is none. */
export function majorityLabel(votes: readonly ItemLabel[]): ItemLabel {
  const counts = new Map<ItemLabel, number>();
  for (const vote of votes) counts.set(vote, (counts.get(vote) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return "tie";
  return ranked[0]![0];
}

export function describeLabelScheme(scheme: LabelScheme): string {
  return LABEL_SCHEME_DESCRIPTIONS[scheme];
}
