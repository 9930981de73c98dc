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

/**
 * A filter over free values (categories, subsets), offered only when there is something to choose:
 * at least `minimum` values. Spread it into a list's fields.
 */
export function valueFilter(name: string, label: string, values: readonly string[], anyLabel: string, minimum = 1) {
  return values.length >= minimum
    ? [{ name, label, options: [{ value: "", label: anyLabel }, ...values.map((v) => ({ value: v, label: v }))] }]
    : [];
}

export type FilterFieldSpec = { name: string; label: string; options: Option[]; scope?: boolean };

/** The eval-set scope of an item list or Flips. */
export const evalSetField = (sets: readonly { id: number; name: string }[]): FilterFieldSpec => ({
  name: "set",
  label: "Eval set",
  options: sets.map((s) => ({ value: String(s.id), label: s.name })),
  scope: true,
});

/** What the filter did with a (pair, order)'s samples. */
export const filterStatusOptions: Option[] = [
  { value: "", label: "Any" },
  { value: "kept", label: "Kept for training" },
  { value: "not_kept", label: "Not kept" },
  { value: "wrong", label: "Dropped: not correct" },
  { value: "below_majority", label: "Dropped: below majority" },
  { value: "surplus", label: "Dropped: surplus sample" },
  { value: "balanced_out", label: "Dropped: A/B balancing" },
  { value: "no_rejected", label: "Dropped: no incorrect sample (DPO)" },
];

/**
 * The filters of a judgment-group list (training pairs or eval items): the iteration, the list's
 * own scopes, the votes, the list's own filters, the order and the sort.
 */
export function groupListFields(
  judged: { index: number }[],
  own: { scopes: FilterFieldSpec[]; filters: FilterFieldSpec[]; orderLabel: string },
): FilterFieldSpec[] {
  return [
    { name: "iteration", label: "Iteration", options: iterationOptions(judged), scope: true },
    ...own.scopes,
    { name: "majority", label: "Majority", options: majorityOptions },
    { name: "outcome", label: "Has a sample that is", options: outcomeOptions },
    ...own.filters,
    { name: "order", label: own.orderLabel, options: orderOptions },
    { name: "sort", label: "Sort", options: sortOptions },
  ];
}
