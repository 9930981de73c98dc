/**
 * Stage 1 (paper §3.1, "instruction selection"): from the classified candidates, keep the chosen
 * categories, cap each category for balance, and take the configured count, round-robin across
 * categories in a seeded order so no category crowds out the others. Without categories, a seeded
 * sample of the candidates. Pure; returns the selection and what was left out and why.
 */
import type { Random } from "./random";

export type ClassifiedCandidate = { itemId: number; category: string | null };

export type Selection = {
  selected: { itemId: number; category: string | null; position: number }[];
  dropped: { unclassified: number; notKept: number; overCap: number; overCount: number };
};

/** The seeded sample of the pool that gets classified (or used directly). */
export function pickCandidates(itemIds: readonly number[], max: number, random: Random): number[] {
  return random.sample(itemIds, Math.min(max, itemIds.length));
}

export function selectInstructions(
  candidates: readonly ClassifiedCandidate[],
  options: { classify: boolean; keep: readonly string[]; count: number; perCategoryCap: number | null; random: Random },
): Selection {
  const dropped = { unclassified: 0, notKept: 0, overCap: 0, overCount: 0 };
  if (!options.classify) {
    const chosen = options.random.sample(candidates, options.count);
    dropped.overCount = candidates.length - chosen.length;
    return { selected: chosen.map((c, position) => ({ itemId: c.itemId, category: null, position })), dropped };
  }
  const byCategory = new Map<string, ClassifiedCandidate[]>();
  for (const candidate of candidates) {
    if (candidate.category === null) {
      dropped.unclassified++;
      continue;
    }
    if (options.keep.length > 0 && !options.keep.includes(candidate.category)) {
      dropped.notKept++;
      continue;
    }
    const list = byCategory.get(candidate.category) ?? [];
    list.push(candidate);
    byCategory.set(candidate.category, list);
  }
  // Shuffle within each category, apply the cap, then deal round-robin in a seeded category order.
  const queues = [...byCategory.keys()].sort().map((category) => {
    const shuffled = options.random.sample(byCategory.get(category)!, Infinity);
    const cap = options.perCategoryCap ?? Infinity;
    dropped.overCap += Math.max(0, shuffled.length - cap);
    return shuffled.slice(0, cap);
  });
  const order = options.random.sample(queues, queues.length);
  const selected: Selection["selected"] = [];
  for (let round = 0; selected.length < options.count; round++) {
    let took = false;
    for (const queue of order) {
      const next = queue[round];
      if (!next) continue;
      took = true;
      if (selected.length < options.count) selected.push({ itemId: next.itemId, category: next.category, position: selected.length });
    }
    if (!took) break;
  }
  const eligible = order.reduce((sum, queue) => sum + queue.length, 0);
  dropped.overCount = eligible - selected.length;
  return { selected, dropped };
}
