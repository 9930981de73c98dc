/**
 * Stage 4 (paper §3.2, rejection sampling and label balancing): from the sampled judgments of one
 * iteration, keep one correct trace per (pair, order) (or only the (pair, order)s whose share of
 * correct samples reaches a threshold), then balance "A is better" against "B is better" by
 * dropping a seeded sample of the larger side. For DPO, each kept trace is paired with a wrong one
 * of the same (pair, order) when there is one. Every judgment gets a status saying why it was kept
 * or not, and the counts are exact.
 */
import type { Outcome, Position } from "@/lib/db/schema";
import type { Random } from "@/lib/simulator/random";

/** `itemKey` orders the groups reproducibly (the instruction's item id; the pair's row id differs between runs). */
export type FilterJudgment = { id: number; pairId: number; itemKey?: number; goodPosition: Position; sample: number; outcome: Outcome };
export type FilterStatus = "kept" | "wrong" | "surplus" | "below_majority" | "balanced_out";
export type TrainingExampleRef = { pairId: number; goodPosition: Position; chosenJudgmentId: number; rejectedJudgmentId: number | null };

export type FilterOptions = {
  mode: "one-correct" | "majority";
  majorityThreshold: number;
  balance: boolean;
  keep: "correct" | "wrong";
  random: Random;
};

export type FilterCounts = {
  pairOrders: number;
  judgments: number;
  correct: number;
  wrong: number;
  tie: number;
  unparsed: number;
  /** (pair, order)s with at least one usable trace (before balancing). */
  candidates: number;
  belowMajority: number;
  balancedOut: number;
  kept: number;
  keptA: number;
  keptB: number;
  /** Kept examples that also have a wrong trace (usable for DPO). */
  withRejected: number;
};

export type FilterResult = { statuses: Map<number, FilterStatus>; examples: TrainingExampleRef[]; counts: FilterCounts };

export function rejectionSample(judgments: readonly FilterJudgment[], options: FilterOptions): FilterResult {
  const groups = new Map<string, FilterJudgment[]>();
  const counts: FilterCounts = {
    pairOrders: 0,
    judgments: judgments.length,
    correct: 0,
    wrong: 0,
    tie: 0,
    unparsed: 0,
    candidates: 0,
    belowMajority: 0,
    balancedOut: 0,
    kept: 0,
    keptA: 0,
    keptB: 0,
    withRejected: 0,
  };
  for (const j of judgments) {
    counts[j.outcome]++;
    const key = `${j.itemKey ?? j.pairId}:${j.goodPosition}`;
    const list = groups.get(key) ?? [];
    list.push(j);
    groups.set(key, list);
  }
  counts.pairOrders = groups.size;
  const statuses = new Map<number, FilterStatus>();
  const wanted: Outcome = options.keep === "correct" ? "correct" : "wrong";
  const opposite: Outcome = options.keep === "correct" ? "wrong" : "correct";
  const chosenByGroup: TrainingExampleRef[] = [];

  // Deterministic group order (by pair, then A before B), so the seeded choices are reproducible.
  const keys = [...groups.keys()].sort((a, b) => {
    const [pa, oa] = a.split(":");
    const [pb, ob] = b.split(":");
    return Number(pa) - Number(pb) || oa!.localeCompare(ob!);
  });
  for (const key of keys) {
    const samples = groups.get(key)!.sort((a, b) => a.sample - b.sample);
    const usable = samples.filter((j) => j.outcome === wanted);
    for (const j of samples) if (j.outcome !== wanted) statuses.set(j.id, "wrong");
    if (usable.length === 0) continue;
    if (options.mode === "majority" && usable.length / samples.length < options.majorityThreshold) {
      for (const j of usable) statuses.set(j.id, "below_majority");
      counts.belowMajority++;
      continue;
    }
    counts.candidates++;
    const chosen = options.random.pick(usable);
    for (const j of usable) statuses.set(j.id, j === chosen ? "kept" : "surplus");
    const rejectable = samples.filter((j) => j.outcome === opposite);
    const rejected = rejectable.length > 0 ? options.random.pick(rejectable) : null;
    chosenByGroup.push({
      pairId: chosen.pairId,
      goodPosition: chosen.goodPosition,
      chosenJudgmentId: chosen.id,
      rejectedJudgmentId: rejected?.id ?? null,
    });
  }

  let examples = chosenByGroup;
  if (options.balance) {
    const a = chosenByGroup.filter((e) => e.goodPosition === "A");
    const b = chosenByGroup.filter((e) => e.goodPosition === "B");
    const size = Math.min(a.length, b.length);
    const keepA = new Set(options.random.sample(a, size));
    const keepB = new Set(options.random.sample(b, size));
    examples = chosenByGroup.filter((e) => (e.goodPosition === "A" ? keepA : keepB).has(e));
    for (const e of chosenByGroup) {
      if (!examples.includes(e)) {
        statuses.set(e.chosenJudgmentId, "balanced_out");
        counts.balancedOut++;
      }
    }
  }
  counts.kept = examples.length;
  counts.keptA = examples.filter((e) => e.goodPosition === "A").length;
  counts.keptB = counts.kept - counts.keptA;
  counts.withRejected = examples.filter((e) => e.rejectedJudgmentId !== null).length;
  return { statuses, examples, counts };
}
