/**
 * Stage 4 (paper §3.2, rejection sampling and label balancing): turn one iteration's sampled
 * judgments into training examples, the way the reference's data preparation does
 * (facebookresearch/RAM, projects/self_taught_evaluator/src/prepare_sft_data.py and
 * prepare_dpo_data.py). Samples are grouped by (pair, order): one prompt.
 *
 * - SFT: a group is usable when it has a correct sample (or, in `majority` mode, when the share of
 *   correct samples reaches the threshold); one seeded correct trace is kept. "A is better" and
 *   "B is better" examples are then balanced by dropping a seeded sample of the larger side.
 * - DPO: the negatives are every sample that is not correct (wrong, tie and unparsed alike); a
 *   group is usable when it has a correct sample **and** a negative. Balancing happens among those
 *   groups, then each kept group gives up to `dpoPairsPerPrompt` seeded (correct, negative)
 *   combinations, so the file is balanced and every rejected trace differs in verdict from its
 *   chosen one.
 *
 * `keep: "wrong"` (an ablation) swaps the roles: wrong traces are kept and the rest are negatives.
 * Every judgment gets a status saying why it was kept or not, and the counts are exact.
 */
import type { Outcome, Position } from "./vocabulary";
import type { Random } from "./random";

/** `itemKey` orders the groups reproducibly (the instruction's item id; the pair's row id differs between runs). */
export type FilterJudgment = { id: number; pairId: number; itemKey?: number; goodPosition: Position; sample: number; outcome: Outcome };
export type FilterStatus = "kept" | "wrong" | "surplus" | "below_majority" | "balanced_out" | "no_rejected";
export type TrainingExampleRef = {
  pairId: number;
  goodPosition: Position;
  chosenJudgmentId: number;
  rejectedJudgmentId: number | null;
  /** Which (chosen, rejected) combination of its group this is: 0 .. dpoPairsPerPrompt - 1 (SFT: 0). */
  comboIndex: number;
};

export type FilterOptions = {
  method: "sft" | "dpo";
  mode: "one-correct" | "majority";
  majorityThreshold: number;
  balance: boolean;
  keep: "correct" | "wrong";
  /** DPO only: at most this many (chosen, rejected) combinations per (pair, order). */
  dpoPairsPerPrompt: number;
  random: Random;
};

export type FilterCounts = {
  /** 1 when the examples were made for DPO, 0 for SFT. */
  dpo: number;
  pairOrders: number;
  judgments: number;
  correct: number;
  wrong: number;
  tie: number;
  unparsed: number;
  /** (pair, order)s with a usable trace (and, for DPO, a negative), before balancing. */
  candidates: number;
  belowMajority: number;
  /** DPO: (pair, order)s with a usable trace but no negative to pair it with. */
  withoutRejected: number;
  balancedOut: number;
  /** (pair, order)s kept after balancing. */
  kept: number;
  keptA: number;
  keptB: number;
  /** Kept (pair, order)s that have a negative trace. */
  withRejected: number;
  /** Training examples written: one per kept (pair, order) for SFT, up to dpoPairsPerPrompt each for DPO. */
  examples: number;
};

export type FilterResult = { statuses: Map<number, FilterStatus>; examples: TrainingExampleRef[]; counts: FilterCounts };

type Group = { position: Position; pairId: number; usable: FilterJudgment[]; negatives: FilterJudgment[] };

function emptyCounts(method: FilterOptions["method"], judgments: number): FilterCounts {
  return {
    dpo: method === "dpo" ? 1 : 0,
    pairOrders: 0,
    judgments,
    correct: 0,
    wrong: 0,
    tie: 0,
    unparsed: 0,
    candidates: 0,
    belowMajority: 0,
    withoutRejected: 0,
    balancedOut: 0,
    kept: 0,
    keptA: 0,
    keptB: 0,
    withRejected: 0,
    examples: 0,
  };
}

/** Samples grouped by (pair, order), in a fixed order (by pair, then A before B) so seeded choices repeat. */
function groupSamples(judgments: readonly FilterJudgment[], counts: FilterCounts): FilterJudgment[][] {
  const groups = new Map<string, FilterJudgment[]>();
  for (const j of judgments) {
    counts[j.outcome]++;
    const key = `${j.itemKey ?? j.pairId}:${j.goodPosition}`;
    const list = groups.get(key) ?? [];
    list.push(j);
    groups.set(key, list);
  }
  counts.pairOrders = groups.size;
  return [...groups.entries()]
    .sort(([a], [b]) => {
      const [pa, oa] = a.split(":");
      const [pb, ob] = b.split(":");
      return Number(pa) - Number(pb) || oa!.localeCompare(ob!);
    })
    .map(([, samples]) => samples.sort((x, y) => x.sample - y.sample));
}

/** Equal numbers of A-better and B-better groups: a seeded sample of the larger side is dropped. */
function balanceGroups(groups: Group[], random: Random): { kept: Group[]; dropped: Group[] } {
  const a = groups.filter((g) => g.position === "A");
  const b = groups.filter((g) => g.position === "B");
  const size = Math.min(a.length, b.length);
  const keep = new Set([...random.sample(a, size), ...random.sample(b, size)]);
  return { kept: groups.filter((g) => keep.has(g)), dropped: groups.filter((g) => !keep.has(g)) };
}

export function rejectionSample(judgments: readonly FilterJudgment[], options: FilterOptions): FilterResult {
  const counts = emptyCounts(options.method, judgments.length);
  const statuses = new Map<number, FilterStatus>();
  const wanted: Outcome = options.keep === "correct" ? "correct" : "wrong";

  const candidates: Group[] = [];
  for (const samples of groupSamples(judgments, counts)) {
    const usable = samples.filter((j) => j.outcome === wanted);
    const negatives = samples.filter((j) => j.outcome !== wanted);
    for (const j of negatives) statuses.set(j.id, "wrong");
    if (usable.length === 0) continue;
    if (options.mode === "majority" && usable.length / samples.length < options.majorityThreshold) {
      for (const j of usable) statuses.set(j.id, "below_majority");
      counts.belowMajority++;
      continue;
    }
    if (options.method === "dpo" && negatives.length === 0) {
      for (const j of usable) statuses.set(j.id, "no_rejected");
      counts.withoutRejected++;
      continue;
    }
    counts.candidates++;
    candidates.push({ position: samples[0]!.goodPosition, pairId: samples[0]!.pairId, usable, negatives });
  }

  const { kept, dropped } = options.balance ? balanceGroups(candidates, options.random) : { kept: candidates, dropped: [] };
  const keptSet = new Set(kept);
  const examples: TrainingExampleRef[] = [];
  for (const group of candidates) {
    if (!keptSet.has(group)) continue;
    const chosenIds = new Set<number>();
    if (options.method === "sft") {
      const chosen = options.random.pick(group.usable);
      const rejected = group.negatives.length > 0 ? options.random.pick(group.negatives) : null;
      chosenIds.add(chosen.id);
      examples.push({
        pairId: group.pairId,
        goodPosition: group.position,
        chosenJudgmentId: chosen.id,
        rejectedJudgmentId: rejected?.id ?? null,
        comboIndex: 0,
      });
    } else {
      const combos = group.usable.flatMap((c) => group.negatives.map((r) => [c, r] as const));
      const picked = options.random.sample(combos, Math.min(options.dpoPairsPerPrompt, combos.length));
      for (const [index, [chosen, rejected]] of picked.entries()) {
        chosenIds.add(chosen.id);
        examples.push({
          pairId: group.pairId,
          goodPosition: group.position,
          chosenJudgmentId: chosen.id,
          rejectedJudgmentId: rejected.id,
          comboIndex: index,
        });
      }
    }
    for (const j of group.usable) statuses.set(j.id, chosenIds.has(j.id) ? "kept" : "surplus");
  }
  for (const group of dropped) for (const j of group.usable) statuses.set(j.id, "balanced_out");

  counts.balancedOut = dropped.length;
  counts.kept = kept.length;
  counts.keptA = kept.filter((g) => g.position === "A").length;
  counts.keptB = counts.kept - counts.keptA;
  counts.withRejected = kept.filter((g) => g.negatives.length > 0).length;
  counts.examples = examples.length;
  return { statuses, examples, counts };
}
