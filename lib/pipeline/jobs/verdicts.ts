/**
 * What a judge job says about one comparison, from its sampled votes in each order: the verdict
 * (the first response, the second, a tie, or no verdict when no sample could be read), how sure
 * the judge was (the share of samples behind the most-voted choice) and whether it gave the same
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

export function summarizeComparison(votes: OrderVotes, bothOrders: boolean): ComparisonSummary {
  const total = addVotes(votes.asGiven, votes.swapped);
  const samples = sampled(total);
  const read = total.first + total.second + total.tie;
  const majority = majorityOf(total);
  const verdict: ComparisonVerdict = read === 0 ? "unparsed" : (majority ?? "tie");
  const voteShare = samples === 0 ? null : Math.max(total.first, total.second, total.tie) / samples;
  let consistent: boolean | null = null;
  if (bothOrders && sampled(votes.asGiven) > 0 && sampled(votes.swapped) > 0) {
    const a = majorityOf(votes.asGiven);
    const b = majorityOf(votes.swapped);
    consistent = a !== null && a === b;
  }
  return { verdict, voteShare, consistent, votes: total };
}

/** Votes of one order from its choices. */
export function votesOf(choices: Iterable<"first" | "second" | "tie" | "unparsed">): Votes {
  const votes = noVotes();
  for (const choice of choices) votes[choice]++;
  return votes;
}
