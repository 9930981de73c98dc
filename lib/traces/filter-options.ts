// The choices the trace lists' filter selects offer, with the words the pages use for them.
export type Option = { value: string; label: string };

export const majorityOptions: Option[] = [
  { value: "", label: "Any" },
  { value: "correct", label: "Correct" },
  { value: "wrong", label: "Wrong" },
  { value: "none", label: "Draw / no verdict" },
];

export const outcomeOptions: Option[] = [
  { value: "", label: "Any" },
  { value: "correct", label: "Correct" },
  { value: "wrong", label: "Wrong" },
  { value: "tie", label: "Tie" },
  { value: "unparsed", label: "Unparsed" },
];

export const orderOptions: Option[] = [
  { value: "", label: "Either" },
  { value: "A", label: "A (order AB)" },
  { value: "B", label: "B (order BA)" },
];

export const sortOptions: Option[] = [
  { value: "pair", label: "Id" },
  { value: "correct-asc", label: "Fewest correct first" },
  { value: "correct-desc", label: "Most correct first" },
];

/** Iterations newest first: the first option is the one a page shows when the URL names none. */
export function iterationOptions(iterations: { index: number }[]): Option[] {
  return [...iterations]
    .sort((a, b) => b.index - a.index)
    .map((it) => ({ value: String(it.index), label: `${it.index}${it.index === 0 ? " (seed judge)" : ""}` }));
}
