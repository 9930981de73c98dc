/**
 * How much human annotators agree with each other when they label the same pairs of responses
 * (first / second / tie), beyond what chance would give:
 * - Cohen's kappa for every pair of annotators, over the items both labelled;
 * - Fleiss' kappa over the items with the most common number of labels, two or more (it needs the
 *   same number of raters per item, not the same raters), when there are three or more annotators;
 * - Krippendorff's alpha for nominal data over every item with two or more labels, which copes
 *   with annotators who labelled different subsets of the items.
 */
import { cohensKappa } from "./cohens-kappa";

export type AnnotatorChoice = "first" | "second" | "tie";

export type AnnotatorLabel = { item: string | number; annotator: string; choice: AnnotatorChoice };

export type FleissKappa = { kappa: number | null; items: number; raters: number | null };

export type KrippendorffAlpha = { alpha: number | null; units: number; values: number };

export type PairwiseKappa = { a: string; b: string; items: number; kappa: number | null; observedAgreement: number | null };

export type InterAnnotatorAgreement = {
  annotators: string[];
  itemsWithTwoOrMore: number;
  pairwise: PairwiseKappa[];
  fleiss: FleissKappa | null;
  alpha: KrippendorffAlpha | null;
};

const CHOICES: readonly AnnotatorChoice[] = ["first", "second", "tie"];

/**
 * Fleiss' kappa (Fleiss 1971) over an items × categories matrix of counts: counts[i][j] is how many
 * raters put item i in category j. Every item must be rated by the same number of raters n ≥ 2 and
 * every row must have the same number of categories; otherwise this throws, naming the row.
 * P_i = (Σ_j n_ij² − n) / (n(n − 1)), P̄ = mean of P_i, p_j = Σ_i n_ij / (N n), P_e = Σ_j p_j²,
 * kappa = (P̄ − P_e) / (1 − P_e). No items gives a null kappa; when P_e is 1 (every rater always
 * chose the same single category) kappa is reported as 1.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): FleissKappa {
  const items = counts.length;
  const firstRow = counts[0];
  if (firstRow === undefined) return { kappa: null, items: 0, raters: null };
  const categories = firstRow.length;
  const raters = sum(firstRow);
  const categoryTotals = new Array<number>(categories).fill(0);
  let agreementSum = 0;
  counts.forEach((row, index) => {
    if (row.length !== categories) {
      throw new Error(`Fleiss' kappa: row ${index} has ${row.length} categories, row 0 has ${categories}`);
    }
    if (row.some((count) => !Number.isInteger(count) || count < 0)) {
      throw new Error(`Fleiss' kappa: row ${index} has a count that is not a whole number ≥ 0`);
    }
    const total = sum(row);
    if (total === 0) throw new Error(`Fleiss' kappa: row ${index} has no ratings`);
    if (total !== raters) throw new Error(`Fleiss' kappa: row ${index} has ${total} ratings, row 0 has ${raters}`);
    if (total < 2) throw new Error(`Fleiss' kappa: row ${index} has ${total} rating, at least 2 raters are needed`);
    row.forEach((count, category) => (categoryTotals[category] = (categoryTotals[category] ?? 0) + count));
    agreementSum += (sum(row.map((count) => count * count)) - raters) / (raters * (raters - 1));
  });
  const observed = agreementSum / items;
  const expected = sum(categoryTotals.map((total) => (total / (items * raters)) ** 2));
  const kappa = expected === 1 ? 1 : (observed - expected) / (1 - expected);
  return { kappa, items, raters };
}

/**
 * Krippendorff's alpha for nominal data, with missing values. Each unit is the list of values its
 * coders gave (any number of them); units with fewer than 2 values cannot be paired and are left
 * out. Every ordered pair of values within a unit of m values adds 1 / (m − 1) to the coincidence
 * matrix o; n_c are its margins and n their total (the number of pairable values). Then
 * alpha = ((n − 1) Σ_c o_cc − Σ_c n_c(n_c − 1)) / (n(n − 1) − Σ_c n_c(n_c − 1)).
 * Null when no unit is pairable. When only one value is ever used there is no variation and alpha
 * is undefined in theory; it is reported as 1 here, as Cohen's kappa is in that case.
 */
export function krippendorffAlphaNominal(units: readonly (readonly string[])[]): KrippendorffAlpha {
  const valueTotals = new Map<string, number>();
  let matchingCoincidences = 0;
  let pairableUnits = 0;
  for (const unit of units) {
    const m = unit.length;
    if (m < 2) continue;
    pairableUnits++;
    const counts = new Map<string, number>();
    for (const value of unit) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [value, count] of counts) {
      // Each value contributes (m − 1) ordered pairs of weight 1 / (m − 1): a total of 1 per value.
      valueTotals.set(value, (valueTotals.get(value) ?? 0) + count);
      // Ordered pairs of two different coders who gave the same value: count (count − 1).
      matchingCoincidences += (count * (count - 1)) / (m - 1);
    }
  }
  const n = sum([...valueTotals.values()]);
  if (pairableUnits === 0) return { alpha: null, units: 0, values: 0 };
  const chancePairs = sum([...valueTotals.values()].map((total) => total * (total - 1)));
  const denominator = n * (n - 1) - chancePairs;
  const alpha = denominator === 0 ? 1 : ((n - 1) * matchingCoincidences - chancePairs) / denominator;
  return { alpha, units: pairableUnits, values: n };
}

/**
 * Agreement among human annotators on first / second / tie labels. Annotators are sorted by name;
 * pairwise Cohen's kappa is given for every pair of annotators over the items both labelled (a pair
 * with no shared item has 0 items and null kappa). Fleiss' kappa is computed over the items with the
 * most common number of labels (two or more), only when there are 3 or more annotators (null otherwise). Krippendorff's
 * alpha covers every item with two or more labels (null with fewer than 2 annotators). An annotator
 * who labelled an item twice counts once, with the last label.
 */
export function interAnnotatorAgreement(labels: readonly AnnotatorLabel[]): InterAnnotatorAgreement {
  const byItem = new Map<string | number, Map<string, AnnotatorChoice>>();
  const annotatorSet = new Set<string>();
  for (const { item, annotator, choice } of labels) {
    const itemLabels = byItem.get(item) ?? new Map<string, AnnotatorChoice>();
    itemLabels.set(annotator, choice);
    byItem.set(item, itemLabels);
    annotatorSet.add(annotator);
  }
  const annotators = [...annotatorSet].sort(compareNames);
  const items = [...byItem.values()];

  const pairwise: PairwiseKappa[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      const a = annotators[i]!;
      const b = annotators[j]!;
      const pairs: [string, string][] = [];
      for (const itemLabels of items) {
        const choiceA = itemLabels.get(a);
        const choiceB = itemLabels.get(b);
        if (choiceA !== undefined && choiceB !== undefined) pairs.push([choiceA, choiceB]);
      }
      const kappa = cohensKappa(pairs);
      pairwise.push({ a, b, items: kappa.items, kappa: kappa.kappa, observedAgreement: kappa.observedAgreement });
    }
  }

  // Fleiss' kappa needs the same number of raters on every item, not the same raters: it takes the
  // items with the most common count of two or more (with several people and k labels per item,
  // the items labelled k times).
  const counts = new Map<number, number>();
  for (const itemLabels of items) if (itemLabels.size >= 2) counts.set(itemLabels.size, (counts.get(itemLabels.size) ?? 0) + 1);
  const modal = [...counts.entries()].sort((x, y) => y[1] - x[1] || y[0] - x[0])[0]?.[0];
  const fleiss =
    annotators.length >= 3
      ? fleissKappa(
          items
            .filter((itemLabels) => itemLabels.size === modal)
            .map((itemLabels) => CHOICES.map((choice) => [...itemLabels.values()].filter((c) => c === choice).length)),
        )
      : null;

  const multiplyLabelled = items.filter((itemLabels) => itemLabels.size >= 2);
  const alpha = annotators.length >= 2 ? krippendorffAlphaNominal(multiplyLabelled.map((itemLabels) => [...itemLabels.values()])) : null;

  return { annotators, itemsWithTwoOrMore: multiplyLabelled.length, pairwise, fleiss, alpha };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
