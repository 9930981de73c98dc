/**
 * Paired comparison of two judges on the same eval items, metric by metric: accuracy (the plain
 * mean item score), RewardBench overall and each section. Each metric is a weighted mean of item
 * scores whose weights reproduce the official score (a subset's example count shared among its
 * items; sections averaged for overall), so the paired bootstrap interval is on the number the
 * charts show, and McNemar's test counts the items of that metric whose verdict flipped.
 */
import { mcnemar, pairedBootstrap, type McNemar, type PairedDelta } from "./paired";
import { EXAMPLE_COUNTS, REWARDBENCH_SECTIONS, sectionOfSubset, type RewardBenchSection } from "./rewardbench-constants";

export type PairedItem = { subset: string; before: number; after: number };
export type PairedMetric = { metric: "Accuracy" | "RewardBench" | RewardBenchSection; delta: PairedDelta; mcnemar: McNemar };

function sectionWeights(items: readonly PairedItem[], section: RewardBenchSection): number[] {
  const counts = new Map<string, number>();
  for (const item of items) if (sectionOfSubset(item.subset) === section) counts.set(item.subset, (counts.get(item.subset) ?? 0) + 1);
  const total = [...counts.keys()].reduce((sum, subset) => sum + EXAMPLE_COUNTS[subset]!, 0);
  return items.map((item) =>
    sectionOfSubset(item.subset) === section ? EXAMPLE_COUNTS[item.subset]! / counts.get(item.subset)! / total : 0,
  );
}

function compare(
  metric: PairedMetric["metric"],
  items: readonly PairedItem[],
  weights: readonly number[],
  seed: number,
): PairedMetric | null {
  const kept = items.map((item, i) => ({ item, weight: weights[i]! })).filter((entry) => entry.weight > 0);
  const delta = pairedBootstrap(
    kept.map((e) => e.item.before),
    kept.map((e) => e.item.after),
    { weights: kept.map((e) => e.weight), seed },
  );
  if (!delta) return null;
  return {
    metric,
    delta,
    mcnemar: mcnemar(
      kept.map((e) => e.item.before),
      kept.map((e) => e.item.after),
    ),
  };
}

export function pairedRewardBench(items: readonly PairedItem[], options: { seed?: number } = {}): PairedMetric[] {
  const seed = options.seed ?? 1;
  const results: (PairedMetric | null)[] = [
    compare(
      "Accuracy",
      items,
      items.map(() => 1),
      seed,
    ),
  ];
  const present = REWARDBENCH_SECTIONS.filter((section) => items.some((item) => sectionOfSubset(item.subset) === section));
  const bySection = present.map((section) => ({ section, weights: sectionWeights(items, section) }));
  if (present.length > 0) {
    const overall = items.map((_, i) => bySection.reduce((sum, s) => sum + s.weights[i]!, 0) / present.length);
    results.push(compare("RewardBench", items, overall, seed));
  }
  for (const { section, weights } of bySection) results.push(compare(section, items, weights, seed));
  return results.filter((r): r is PairedMetric => r !== null);
}

/**
 * A plain-words reading of a paired delta: "better" or "worse" when the 95% interval excludes zero
 * and McNemar's test (when any item flipped) is significant at 5%; otherwise "could be noise".
 */
export function pairedReading(metric: PairedMetric): { text: "better" | "worse" | "could be noise"; tone: "better" | "worse" | "noise" } {
  const { low, high } = metric.delta;
  const p = metric.mcnemar.pValue;
  if (low > 0 && (p === null || p < 0.05)) return { text: "better", tone: "better" };
  if (high < 0 && (p === null || p < 0.05)) return { text: "worse", tone: "worse" };
  return { text: "could be noise", tone: "noise" };
}
