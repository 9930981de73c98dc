/**
 * Accuracy against gold labels with a 95% confidence interval. The interval is Wilson's score
 * interval on the sum of item scores (ties and unparsed count 0.5, so the "successes" may be
 * fractional); it stays inside [0, 1] and behaves at small n and near 0 or 1, where the normal
 * approximation does not. Empty input gives null, not a made-up number.
 */
export type Accuracy = { accuracy: number; low: number; high: number; items: number } | null;

const Z95 = 1.959963984540054;

export function wilsonInterval(successes: number, n: number, z = Z95): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const center = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

export function accuracyWithInterval(scoreSum: number, items: number): Accuracy {
  if (items === 0) return null;
  return { accuracy: scoreSum / items, items, ...wilsonInterval(scoreSum, items) };
}

/** Accuracy per group (subset, category, ...) from item scores. */
export function accuracyByGroup(items: readonly { group: string; score: number }[]): Map<string, Accuracy> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const { group, score } of items) {
    const entry = sums.get(group) ?? { sum: 0, n: 0 };
    entry.sum += score;
    entry.n += 1;
    sums.set(group, entry);
  }
  return new Map([...sums].map(([group, { sum, n }]) => [group, accuracyWithInterval(sum, n)]));
}
