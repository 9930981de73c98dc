/**
 * Where one item of a judge job stands, from its stored comparisons: which comparisons to create
 * next (the first round, or the next knockout round once the current one is decided), which
 * comparison is decided by its votes, and, when nothing is left to compare, the item's result.
 * Pure: the runner stores what this decides, so a resumed job reaches the same results.
 */
import type { Ranking } from "./job-config";
import {
  knockoutEntrants,
  knockoutRound,
  knockoutStandings,
  knockoutWinner,
  majorityOf,
  nextEntrants,
  noVotes,
  addVotes,
  roundRobinMatches,
  roundRobinStandings,
  type Match,
  type Votes,
} from "./tournament";
import { summarizeComparison, type OrderVotes } from "./verdicts";

export type JobRules = { ranking: Ranking; seed: number; bothOrders: boolean };

export type PlannedComparison = Match & { round: number; slot: number };

export type StoredComparison = PlannedComparison & {
  id: number;
  /** Null while undecided. */
  decidedBy: "votes" | "coin" | "tie" | null;
  winner: number | null;
  votes: OrderVotes;
};

export type ItemResult = {
  /** Pairwise: "A", "B", "tie" or "unparsed"; best-of-n: the best response's letter. */
  verdict: string;
  best: number | null;
  ranking: number[] | null;
  voteShare: number | null;
  consistent: boolean | null;
  votes: Votes;
};

export type ItemPlan = { kind: "create"; comparisons: PlannedComparison[] } | { kind: "wait" } | { kind: "done"; result: ItemResult };

export const responseLetter = (index: number) => (index < 26 ? String.fromCharCode(65 + index) : `#${index + 1}`);

/** The decision a comparison's votes make (pairwise and round-robin may tie; a knockout must not). */
export function decideComparison(
  c: PlannedComparison & { votes: OrderVotes },
  responses: number,
  rules: JobRules,
  itemId: number,
): { winner: number | null; decidedBy: "votes" | "coin" | "tie" } {
  const total = addVotes(c.votes.asGiven, c.votes.swapped);
  if (responses > 2 && rules.ranking === "knockout") {
    const { winner, byCoin } = knockoutWinner(c, total, rules.seed, itemId, c.round);
    return { winner, decidedBy: byCoin ? "coin" : "votes" };
  }
  const majority = majorityOf(total);
  return majority ? { winner: majority === "first" ? c.first : c.second, decidedBy: "votes" } : { winner: null, decidedBy: "tie" };
}

/** The comparisons of round 0. */
export function firstRound(responses: number, rules: JobRules, itemId: number): PlannedComparison[] {
  const matches =
    responses === 2
      ? [{ first: 0, second: 1 }]
      : rules.ranking === "round-robin"
        ? roundRobinMatches(responses)
        : knockoutRound(knockoutEntrants(responses, rules.seed, itemId)).matches;
  return matches.map((m, slot) => ({ ...m, round: 0, slot }));
}

export function planItem(item: { id: number; responses: number }, stored: readonly StoredComparison[], rules: JobRules): ItemPlan {
  if (stored.length === 0) return { kind: "create", comparisons: firstRound(item.responses, rules, item.id) };
  if (stored.some((c) => c.decidedBy === null)) return { kind: "wait" };
  if (item.responses === 2) return { kind: "done", result: pairwiseResult(stored[0]!, rules) };
  if (rules.ranking === "round-robin") return { kind: "done", result: roundRobinResult(item, stored, rules) };
  return knockoutPlan(item, stored, rules);
}

function pairwiseResult(c: StoredComparison, rules: JobRules): ItemResult {
  const summary = summarizeComparison(c.votes, rules.bothOrders);
  const verdict = summary.verdict === "first" ? "A" : summary.verdict === "second" ? "B" : summary.verdict;
  return {
    verdict,
    best: verdict === "A" ? 0 : verdict === "B" ? 1 : null,
    ranking: null,
    voteShare: summary.voteShare,
    consistent: summary.consistent,
    votes: summary.votes,
  };
}

/** Vote share and consistency of a best-of-n item: over the comparisons the best response played. */
function bestOfNResult(best: number, ranking: number[], stored: readonly StoredComparison[], rules: JobRules): ItemResult {
  const played = stored.filter((c) => c.first === best || c.second === best);
  const shares: number[] = [];
  let consistent: boolean | null = null;
  let votes = noVotes();
  for (const c of stored) votes = addVotes(votes, summarizeComparison(c.votes, rules.bothOrders).votes);
  for (const c of played) {
    const summary = summarizeComparison(c.votes, rules.bothOrders);
    if (summary.consistent !== null) consistent = (consistent ?? true) && summary.consistent;
    const samples = summary.votes.first + summary.votes.second + summary.votes.tie + summary.votes.unparsed;
    if (samples > 0) shares.push((c.first === best ? summary.votes.first : summary.votes.second) / samples);
  }
  return {
    verdict: responseLetter(best),
    best,
    ranking,
    voteShare: shares.length === 0 ? null : shares.reduce((a, b) => a + b, 0) / shares.length,
    consistent,
    votes,
  };
}

function roundRobinResult(item: { id: number; responses: number }, stored: readonly StoredComparison[], rules: JobRules): ItemResult {
  const standings = roundRobinStandings(
    item.responses,
    stored.map((c) => ({ first: c.first, second: c.second, votes: addVotes(c.votes.asGiven, c.votes.swapped) })),
    rules.seed,
    item.id,
  );
  const ranking = standings.map((s) => s.response);
  return bestOfNResult(ranking[0]!, ranking, stored, rules);
}

function knockoutPlan(item: { id: number; responses: number }, stored: readonly StoredComparison[], rules: JobRules): ItemPlan {
  let entrants = knockoutEntrants(item.responses, rules.seed, item.id);
  const eliminations: { response: number; round: number }[] = [];
  for (let round = 0; entrants.length > 1; round++) {
    const bracket = knockoutRound(entrants);
    const played = stored.filter((c) => c.round === round).sort((a, b) => a.slot - b.slot);
    if (played.length === 0) return { kind: "create", comparisons: bracket.matches.map((m, slot) => ({ ...m, round, slot })) };
    const winners = played.map((c) => c.winner!);
    for (const c of played) eliminations.push({ response: c.winner === c.first ? c.second : c.first, round });
    entrants = nextEntrants(bracket, winners);
  }
  const champion = entrants[0]!;
  return { kind: "done", result: bestOfNResult(champion, knockoutStandings(eliminations, champion), stored, rules) };
}

/** Whether the item's verdict matches its label ("0", "1", … or "tie"); null without a label. */
export function agreesWithLabel(result: Pick<ItemResult, "verdict" | "best">, label: string | null, responses: number): boolean | null {
  if (label === null) return null;
  if (label === "tie") return responses === 2 && result.verdict === "tie";
  return result.best !== null && String(result.best) === label;
}
