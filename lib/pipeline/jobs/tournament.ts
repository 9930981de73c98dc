/**
 * How the responses of one prompt meet when there are more than two (best-of-n): which pairs are
 * compared, in which rounds, and how the comparisons rank the responses. Pure and seeded.
 * - Pairwise (two responses): one comparison, response 0 against response 1.
 * - Knockout: the responses in a seeded random order; each round pairs them off in that order (an
 *   odd one out goes through, and plays first in the next round, so nobody gets two byes in a
 *   row), the winners meet in the next round, until one is left: n - 1 comparisons in
 *   ceil(log2 n) rounds. A comparison the votes leave tied is decided
 *   by a seeded coin, recorded as such.
 * - Round-robin: every pair once, n(n - 1)/2 comparisons in one round; a win scores 1 point, a
 *   tie 1/2 each; equal points are ordered by the vote margin, then by a seeded draw.
 */
import { runRandom } from "../seeds";
import type { Ranking } from "./job-config";

export type Match = { first: number; second: number };

/** Comparisons one prompt with n responses needs. */
export function comparisonsPerItem(n: number, ranking: Ranking): number {
  if (n < 2) return 0;
  return ranking === "round-robin" ? (n * (n - 1)) / 2 : n - 1;
}

/** The order the responses enter a knockout: a seeded shuffle, the same for every judge of the same job seed and item. */
export function knockoutEntrants(n: number, seed: number, itemId: number): number[] {
  const indices = Array.from({ length: n }, (_, i) => i);
  return n === 2 ? indices : runRandom(seed, "knockout", itemId).sample(indices, n);
}

/** One knockout round: entrants paired off in order, the last one through when their number is odd. */
export function knockoutRound(entrants: readonly number[]): { matches: Match[]; bye: number | null } {
  const matches: Match[] = [];
  for (let i = 0; i + 1 < entrants.length; i += 2) matches.push({ first: entrants[i]!, second: entrants[i + 1]! });
  return { matches, bye: entrants.length % 2 === 1 ? entrants.at(-1)! : null };
}

/**
 * The next round's entrants: the one that went through first (so it plays at once and a response
 * never gets two byes in a row), then the winners in match order.
 */
export function nextEntrants(round: { bye: number | null }, winners: readonly number[]): number[] {
  return round.bye === null ? [...winners] : [round.bye, ...winners];
}

export function roundRobinMatches(n: number): Match[] {
  const matches: Match[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) matches.push({ first: i, second: j });
  return matches;
}

export type Votes = { first: number; second: number; tie: number; unparsed: number };

export const noVotes = (): Votes => ({ first: 0, second: 0, tie: 0, unparsed: 0 });

export function addVotes(a: Votes, b: Votes): Votes {
  return { first: a.first + b.first, second: a.second + b.second, tie: a.tie + b.tie, unparsed: a.unparsed + b.unparsed };
}

/** The majority of one comparison's votes (both orders together): the first response, the second, or null (a tie). */
export function majorityOf(votes: Votes): "first" | "second" | null {
  if (votes.first > votes.second) return "first";
  if (votes.second > votes.first) return "second";
  return null;
}

/** A knockout comparison must produce a winner: the majority, else a seeded coin. */
export function knockoutWinner(
  match: Match,
  votes: Votes,
  seed: number,
  itemId: number,
  round: number,
): { winner: number; byCoin: boolean } {
  const majority = majorityOf(votes);
  if (majority) return { winner: majority === "first" ? match.first : match.second, byCoin: false };
  const coin = runRandom(seed, "knockout-tie", itemId, round, match.first, match.second).next() < 0.5;
  return { winner: coin ? match.first : match.second, byCoin: true };
}

export type Standing = { response: number; points: number; margin: number };

/** Round-robin standings, best first. */
export function roundRobinStandings(n: number, results: readonly (Match & { votes: Votes })[], seed: number, itemId: number): Standing[] {
  const standings = Array.from({ length: n }, (_, response) => ({ response, points: 0, margin: 0 }));
  for (const r of results) {
    const majority = majorityOf(r.votes);
    const a = standings[r.first]!;
    const b = standings[r.second]!;
    if (majority === "first") a.points += 1;
    else if (majority === "second") b.points += 1;
    else {
      a.points += 0.5;
      b.points += 0.5;
    }
    a.margin += r.votes.first - r.votes.second;
    b.margin += r.votes.second - r.votes.first;
  }
  const draw = runRandom(seed, "round-robin-order", itemId);
  const tiebreak = standings.map(() => draw.next());
  return [...standings].sort((x, y) => y.points - x.points || y.margin - x.margin || tiebreak[x.response]! - tiebreak[y.response]!);
}

/** Knockout ranking: the champion, then the others by the round they went out in (later is better), in bracket order. */
export function knockoutStandings(eliminations: readonly { response: number; round: number }[], champion: number): number[] {
  return [champion, ...[...eliminations].sort((a, b) => b.round - a.round).map((e) => e.response)];
}
