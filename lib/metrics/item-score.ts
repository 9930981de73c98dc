/**
 * Scoring one eval item, by RewardBench's rule (and the RAM reference's): a judge that prefers the
 * chosen response scores 1, the rejected one 0, and a tie or an unparseable verdict 0.5.
 * With k samples, only parsed verdicts (chosen or rejected) vote; a draw, or no parsed vote at
 * all, scores 0.5. With both orders, the item's score is the mean of its two orders' scores.
 */
export type Vote = "chosen" | "rejected" | "tie" | "unparsed";

/** 1, 0 or 0.5 for one order's samples. */
export function majorityScore(votes: readonly Vote[]): number {
  let chosen = 0;
  let rejected = 0;
  for (const vote of votes) {
    if (vote === "chosen") chosen++;
    else if (vote === "rejected") rejected++;
  }
  if (chosen > rejected) return 1;
  if (rejected > chosen) return 0;
  return 0.5;
}

/** The item's score from its votes grouped by order (one group: RewardBench's random order; two: both orders). */
export function itemScore(votesByOrder: readonly (readonly Vote[])[]): number {
  if (votesByOrder.length === 0) return 0.5;
  return votesByOrder.reduce((sum, votes) => sum + majorityScore(votes), 0) / votesByOrder.length;
}

/** A verdict as a vote, given where the chosen response was shown. */
export function voteOf(verdict: "A" | "B" | "tie" | null, chosenPosition: "A" | "B"): Vote {
  if (verdict === null) return "unparsed";
  if (verdict === "tie") return "tie";
  return verdict === chosenPosition ? "chosen" : "rejected";
}
