/**
 * Which items an annotation set takes and how each is shown, seeded so the same request gives the
 * same set: a stratified sample (k per category, each category sampled on its own stream), a plain
 * seeded sample capped at a size, the labelling order (one seeded shuffle, so categories mix), and
 * a coin per item for which response is shown on the left.
 */
import { runRandom } from "@/lib/pipeline/seeds";

export const UNCATEGORIZED = "uncategorized";

export function stratifiedSample<T extends { category: string | null }>(candidates: readonly T[], perCategory: number, seed: number): T[] {
  const byCategory = new Map<string, T[]>();
  for (const candidate of candidates) {
    const key = candidate.category ?? UNCATEGORIZED;
    byCategory.set(key, [...(byCategory.get(key) ?? []), candidate]);
  }
  const picked: T[] = [];
  for (const category of [...byCategory.keys()].sort())
    picked.push(...runRandom(seed, "annotation-sample", category).sample(byCategory.get(category)!, perCategory));
  return picked;
}

export function cappedSample<T>(candidates: readonly T[], max: number, seed: number): T[] {
  return candidates.length <= max ? [...candidates] : runRandom(seed, "annotation-cap").sample(candidates, max);
}

/** The order people label in: one seeded shuffle of the sample. */
export function labellingOrder<T>(items: readonly T[], seed: number): T[] {
  return runRandom(seed, "annotation-order").sample(items, items.length);
}

/** True when the second response goes on the left for this item (a fair seeded coin per item). */
export function shownSwapped(seed: number, sourceKey: string): boolean {
  return runRandom(seed, "annotation-side", sourceKey).next() < 0.5;
}

/** A responses item's label ("0", "1", "tie") in the set's terms; null for anything else. */
export function referenceFromLabel(label: string | null): "first" | "second" | "tie" | null {
  if (label === "0") return "first";
  if (label === "1") return "second";
  if (label === "tie") return "tie";
  return null;
}
