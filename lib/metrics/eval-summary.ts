/**
 * Everything the dashboard reports about one judge on one eval set, from its sampled judgments
 * (one row per item, order and sample): per-subset scores and RewardBench sections, accuracy with
 * confidence intervals, position consistency, first-position wins, A-position rate, length bias,
 * kappa between its two orders, and tie/unparsed/truncated rates. The SQL twins in
 * lib/db/queries/eval-metrics.ts must give the same numbers (a test checks it).
 */
import { accuracyWithInterval, type Accuracy } from "./accuracy";
import { cohensKappa, type Kappa } from "./cohens-kappa";
import { itemScore, type Vote } from "./item-score";
import { lengthBias, type LengthBias } from "./length-bias";
import { aPositionRate, positionBias, preferenceOf, type PositionBias, type Preference } from "./position-bias";
import { judgmentRates, type JudgmentRates } from "./rates";
import { rewardBenchScores, type RewardBenchReport } from "./rewardbench-scores";

export type EvalRow = {
  itemId: number;
  subset: string;
  chosenPosition: "A" | "B";
  verdict: "A" | "B" | null;
  outcome: "correct" | "wrong" | "tie" | "unparsed";
  truncated: boolean;
  chosenLength: number;
  rejectedLength: number;
};

export type EvalSummary = {
  items: number;
  accuracy: Accuracy;
  bySubset: { subset: string; accuracy: Accuracy }[];
  rewardBench: RewardBenchReport;
  positionBias: PositionBias;
  aPositionRate: number | null;
  lengthBias: LengthBias;
  orderKappa: Kappa;
  rates: JudgmentRates;
};

const outcomeVote = (outcome: EvalRow["outcome"]): Vote => (outcome === "correct" ? "chosen" : outcome === "wrong" ? "rejected" : outcome);

type ItemView = { itemId: number; subset: string; chosenLength: number; rejectedLength: number; votesByOrder: Map<"A" | "B", Vote[]> };

function groupItems(rows: readonly EvalRow[]): Map<number, ItemView> {
  const items = new Map<number, ItemView>();
  for (const row of rows) {
    const item = items.get(row.itemId) ?? {
      itemId: row.itemId,
      subset: row.subset,
      chosenLength: row.chosenLength,
      rejectedLength: row.rejectedLength,
      votesByOrder: new Map(),
    };
    const votes = item.votesByOrder.get(row.chosenPosition) ?? [];
    votes.push(outcomeVote(row.outcome));
    item.votesByOrder.set(row.chosenPosition, votes);
    items.set(row.itemId, item);
  }
  return items;
}

/** Each item's score (mean over its orders of the per-order majority). */
export function itemScores(
  rows: readonly EvalRow[],
): Map<number, { subset: string; score: number; chosenLength: number; rejectedLength: number }> {
  const scores = new Map<number, { subset: string; score: number; chosenLength: number; rejectedLength: number }>();
  for (const item of groupItems(rows).values()) {
    scores.set(item.itemId, {
      subset: item.subset,
      score: itemScore([...item.votesByOrder.values()]),
      chosenLength: item.chosenLength,
      rejectedLength: item.rejectedLength,
    });
  }
  return scores;
}

export function summarizeEval(rows: readonly EvalRow[]): EvalSummary {
  const items = groupItems(rows);
  const scores = itemScores(rows);
  const subsetSums = new Map<string, { items: number; scoreSum: number }>();
  let total = 0;
  for (const { subset, score } of scores.values()) {
    const sums = subsetSums.get(subset) ?? { items: 0, scoreSum: 0 };
    sums.items++;
    sums.scoreSum += score;
    subsetSums.set(subset, sums);
    total += score;
  }
  const preferences: { itemId: number; chosenPosition: "A" | "B"; preference: Preference }[] = [];
  const orderPairs: [string, string][] = [];
  for (const item of items.values()) {
    for (const [position, votes] of item.votesByOrder)
      preferences.push({ itemId: item.itemId, chosenPosition: position, preference: preferenceOf(votes) });
    const a = item.votesByOrder.get("A");
    const b = item.votesByOrder.get("B");
    if (a && b) orderPairs.push([preferenceOf(a) ?? "none", preferenceOf(b) ?? "none"]);
  }
  return {
    items: scores.size,
    accuracy: accuracyWithInterval(total, scores.size),
    bySubset: [...subsetSums]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([subset, sums]) => ({ subset, accuracy: accuracyWithInterval(sums.scoreSum, sums.items) })),
    rewardBench: rewardBenchScores([...subsetSums].map(([subset, sums]) => ({ subset, ...sums }))),
    positionBias: positionBias(preferences),
    aPositionRate: aPositionRate(rows.map((row) => row.verdict)),
    lengthBias: lengthBias([...scores.values()]),
    orderKappa: cohensKappa(orderPairs),
    rates: judgmentRates(rows),
  };
}

/** The label an item gets from its score, for agreement between two judges. */
export function itemLabel(score: number): "chosen" | "rejected" | "none" {
  return score > 0.5 ? "chosen" : score < 0.5 ? "rejected" : "none";
}

/** Cohen's kappa between two judges on the items both judged. */
export function kappaBetweenJudges(first: readonly EvalRow[], second: readonly EvalRow[]): Kappa {
  const a = itemScores(first);
  const b = itemScores(second);
  const pairs: [string, string][] = [];
  for (const [itemId, { score }] of a) {
    const other = b.get(itemId);
    if (other) pairs.push([itemLabel(score), itemLabel(other.score)]);
  }
  return cohensKappa(pairs);
}
