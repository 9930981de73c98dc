/**
 * What a judge job says about one comparison, from its sampled votes in each order: the verdict
 * (the first response, the second, a tie, or no verdict when no sample could be read), how sure
 * the judge was (the share of samples that chose the verdict) and whether it gave the same
 * answer with the responses swapped (position consistency; null when judged in one order).
 */
import { addVotes, majorityOf, noVotes, type Votes } from "./tournament";

export type ComparisonVerdict = "first" | "second" | "tie" | "unparsed";

export type OrderVotes = {
  /** Samples with the first response shown as A. */
  asGiven: Votes;
  /** Samples with the responses swapped (the first response shown as B). */
  swapped: Votes;
};

export type ComparisonSummary = { verdict: ComparisonVerdict; voteShare: number | null; consistent: boolean | null; votes: Votes };

const sampled = (v: Votes) => v.first + v.second + v.tie + v.unparsed;

/** The verdict of some votes: their majority, a tie when it is even, "unparsed" when none could be read. */
const verdictOf = (v: Votes): ComparisonVerdict => (v.first + v.second + v.tie === 0 ? "unparsed" : (majorityOf(v) ?? "tie"));

export function summarizeComparison(votes: OrderVotes, bothOrders: boolean): ComparisonSummary {
  const total = addVotes(votes.asGiven, votes.swapped);
  const samples = sampled(total);
  const verdict = verdictOf(total);
  // The share of samples that chose the verdict itself (a tie verdict from split votes has the tie votes behind it).
  const voteShare = samples === 0 ? null : verdict === "unparsed" ? 0 : total[verdict] / samples;
  let consistent: boolean | null = null;
  if (bothOrders && sampled(votes.asGiven) > 0 && sampled(votes.swapped) > 0) {
    // The same answer in both orders, a tie included; an order with no readable vote is not consistent.
    const a = verdictOf(votes.asGiven);
    consistent = a !== "unparsed" && a === verdictOf(votes.swapped);
  }
  return { verdict, voteShare, consistent, votes: total };
}

/** Votes of one order from its choices. */
export function votesOf(choices: Iterable<"first" | "second" | "tie" | "unparsed">): Votes {
  const votes = noVotes();
  for (const choice of choices) votes[choice]++;
  return votes;
}
