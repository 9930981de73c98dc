/**
 * Paired comparisons of two judges that saw the same items: the difference of mean item scores
 * with a paired bootstrap 95% interval (items resampled together, seeded), and McNemar's test on
 * the items whose verdict changed (b: right before, wrong after; c: wrong before, right after;
 * "right" is an item score above 0.5, "wrong" below; ties count for neither). Exact binomial
 * p-value when b + c < 25, chi-square with continuity correction otherwise.
 */
import { createRandom } from "@/lib/pipeline/random";

export type PairedDelta = { items: number; before: number; after: number; delta: number; low: number; high: number };

/**
 * The difference after - before of a (weighted) mean over the same items, with a 95% percentile
 * interval from resampling items with replacement (both judges' scores of an item move together).
 * Weights let an official weighted score (a RewardBench section) be compared item by item.
 */
export function pairedBootstrap(
  before: readonly number[],
  after: readonly number[],
  options: { reps?: number; seed?: number; weights?: readonly number[] } = {},
): PairedDelta | null {
  const n = Math.min(before.length, after.length);
  if (n === 0) return null;
  const weights = options.weights ?? Array.from({ length: n }, () => 1);
  const weightedMean = (values: readonly number[], indices: Iterable<number>) => {
    let sum = 0;
    let total = 0;
    for (const i of indices) {
      sum += weights[i]! * values[i]!;
      total += weights[i]!;
    }
    return total === 0 ? 0 : sum / total;
  };
  const all = Array.from({ length: n }, (_, i) => i);
  const diffs = all.map((i) => after[i]! - before[i]!);
  const reps = options.reps ?? 2000;
  const random = createRandom(options.seed ?? 1);
  const means: number[] = [];
  const sample = new Array<number>(n);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < n; i++) sample[i] = Math.floor(random.next() * n);
    means.push(weightedMean(diffs, sample));
  }
  means.sort((a, b) => a - b);
  const at = (q: number) => means[Math.min(reps - 1, Math.max(0, Math.floor(q * reps)))]!;
  return {
    items: n,
    before: weightedMean(before, all),
    after: weightedMean(after, all),
    delta: weightedMean(diffs, all),
    low: at(0.025),
    high: at(0.975),
  };
}

export type McNemar = { b: number; c: number; statistic: number | null; pValue: number | null; exact: boolean };

function binomialTwoSided(k: number, n: number): number {
  // P(X <= min(k, n-k)) * 2 for X ~ Binomial(n, 0.5), capped at 1.
  const low = Math.min(k, n - k);
  let logCoef = 0; // log C(n, 0)
  let cumulative = 0;
  for (let i = 0; i <= low; i++) {
    if (i > 0) logCoef += Math.log(n - i + 1) - Math.log(i);
    cumulative += Math.exp(logCoef - n * Math.LN2);
  }
  return Math.min(1, 2 * cumulative);
}

/** Upper tail of the chi-square distribution with one degree of freedom. */
function chiSquare1Tail(x: number): number {
  // P(chi2_1 > x) = erfc(sqrt(x / 2)).
  const z = Math.sqrt(x / 2);
  // Abramowitz-Stegun 7.1.26 for erfc, accurate to about 1e-7.
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return poly * Math.exp(-z * z);
}

export function mcnemar(before: readonly number[], after: readonly number[]): McNemar {
  let b = 0;
  let c = 0;
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    const was = before[i]! > 0.5 ? 1 : before[i]! < 0.5 ? -1 : 0;
    const now = after[i]! > 0.5 ? 1 : after[i]! < 0.5 ? -1 : 0;
    if (was === 1 && now === -1) b++;
    if (was === -1 && now === 1) c++;
  }
  const n = b + c;
  if (n === 0) return { b, c, statistic: null, pValue: null, exact: true };
  if (n < 25) return { b, c, statistic: null, pValue: binomialTwoSided(b, n), exact: true };
  const statistic = (Math.abs(b - c) - 1) ** 2 / n;
  return { b, c, statistic, pValue: chiSquare1Tail(statistic), exact: false };
}
