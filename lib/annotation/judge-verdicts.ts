/**
 * A judge's verdict on an item from its votes, by the rule the run pages score items with
 * (lib/metrics/item-score.ts): per order, the majority of the samples that chose a response (a
 * draw, only ties, or nothing readable is undecided, 0.5); the item's score is the mean over its
 * orders; above 0.5 the judge prefers the known-better response ("first"), below it the other
 * ("second"), at 0.5 it is undecided ("tie"), and "unparsed" when no sample in any order said
 * anything readable. Also which items a run's iterations disagree on (first / second / undecided
 * not the same for every iteration that judged it), and a judge job's verdict in the same terms.
 */
import { majorityScore, type Vote } from "@/lib/metrics/item-score";

export type OrderCounts = { correct: number; wrong: number; tie: number; unparsed: number };
export type JudgeVerdictValue = "first" | "second" | "tie" | "unparsed";

const votesOf = (c: OrderCounts): Vote[] => [
  ...Array<Vote>(c.correct).fill("chosen"),
  ...Array<Vote>(c.wrong).fill("rejected"),
  ...Array<Vote>(c.tie).fill("tie"),
];

export function verdictFromOrders(orders: readonly OrderCounts[]): JudgeVerdictValue {
  if (orders.every((o) => o.correct + o.wrong + o.tie === 0)) return "unparsed";
  const score = orders.reduce((sum, o) => sum + majorityScore(votesOf(o)), 0) / orders.length;
  return score > 0.5 ? "first" : score < 0.5 ? "second" : "tie";
}

/** Per iteration, per item key: the verdict from that iteration's votes in each order. */
export function verdictsByIteration(
  votes: readonly (OrderCounts & { iteration: number; key: number })[],
): Map<number, Map<number, JudgeVerdictValue>> {
  const grouped = new Map<number, Map<number, OrderCounts[]>>();
  for (const v of votes) {
    const byKey = grouped.get(v.iteration) ?? new Map<number, OrderCounts[]>();
    byKey.set(v.key, [...(byKey.get(v.key) ?? []), v]);
    grouped.set(v.iteration, byKey);
  }
  return new Map(
    [...grouped.entries()].map(([iteration, byKey]) => [
      iteration,
      new Map([...byKey.entries()].map(([key, orders]) => [key, verdictFromOrders(orders)])),
    ]),
  );
}

/** Item keys on which the iterations that judged them do not all agree (first, second, or undecided). */
export function disagreedKeys(byIteration: ReadonlyMap<number, ReadonlyMap<number, JudgeVerdictValue>>): number[] {
  const classes = new Map<number, Set<string>>();
  for (const byKey of byIteration.values())
    for (const [key, verdict] of byKey) {
      const set = classes.get(key) ?? new Set<string>();
      set.add(verdict === "first" || verdict === "second" ? verdict : "undecided");
      classes.set(key, set);
    }
  return [...classes.entries()]
    .filter(([, set]) => set.size > 1)
    .map(([key]) => key)
    .sort((a, b) => a - b);
}

/** A pairwise judge job's stored verdict ("A" is the item's first response) in the same terms. */
export function jobVerdictValue(verdict: string): JudgeVerdictValue {
  return verdict === "A" ? "first" : verdict === "B" ? "second" : verdict === "tie" ? "tie" : "unparsed";
}
