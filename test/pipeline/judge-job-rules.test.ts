// The rules a judge job follows, pinned with values worked out by hand: how best-of-n responses
// meet (a seeded knockout with byes, or a round-robin with points, margin and a seeded draw), what
// planItem asks for next and what it concludes (walked through a whole knockout of 5), how a
// comparison is decided (ties stay ties, except in a knockout where a recorded coin settles them),
// what a comparison's votes say (verdict, vote share, position consistency), whether a result
// matches a label, and the job's settings (extra criteria, judge names, config defaults).
import { describe, expect, it } from "vitest";
import { judgePromptFor } from "@/lib/pipeline/judge";
import {
  agreesWithLabel,
  decideComparison,
  planItem,
  responseLetter,
  type JobRules,
  type StoredComparison,
} from "@/lib/pipeline/jobs/item-plan";
import { judgeJobConfigSchema, withCriteria } from "@/lib/pipeline/jobs/job-config";
import { formatJudgeRef, parseJudgeRef } from "@/lib/pipeline/jobs/judge-ref";
import {
  comparisonsPerItem,
  knockoutEntrants,
  knockoutRound,
  knockoutWinner,
  nextEntrants,
  roundRobinMatches,
  roundRobinStandings,
  type Votes,
} from "@/lib/pipeline/jobs/tournament";
import { summarizeComparison, votesOf, type OrderVotes } from "@/lib/pipeline/jobs/verdicts";
import { JUDGE_PROMPT } from "@/lib/pipeline/prompts";

const v = (partial: Partial<Votes> = {}): Votes => ({ first: 0, second: 0, tie: 0, unparsed: 0, ...partial });
const orders = (asGiven: Partial<Votes>, swapped: Partial<Votes> = {}): OrderVotes => ({ asGiven: v(asGiven), swapped: v(swapped) });

/** A whole knockout bracket as the rules build it, with the first response of each match winning. */
function bracket(entrants: number[]) {
  const rounds: { matches: [number, number][]; bye: number | null }[] = [];
  let current = entrants;
  while (current.length > 1) {
    const round = knockoutRound(current);
    rounds.push({ matches: round.matches.map((m) => [m.first, m.second]), bye: round.bye });
    current = nextEntrants(
      round,
      round.matches.map((m) => m.first),
    );
  }
  return { rounds, champion: current[0] };
}

describe("knockout brackets", () => {
  it("4 responses: a seeded order, two semi-finals then a final, 3 comparisons, no bye", () => {
    const entrants = knockoutEntrants(4, 7, 101);
    expect([...entrants].sort()).toEqual([0, 1, 2, 3]);
    const [a, b, c, d] = entrants as [number, number, number, number];
    const { rounds } = bracket(entrants);
    expect(rounds).toEqual([
      {
        matches: [
          [a, b],
          [c, d],
        ],
        bye: null,
      },
      { matches: [[a, c]], bye: null },
    ]);
    expect(rounds.flatMap((r) => r.matches)).toHaveLength(3);
    expect(comparisonsPerItem(4, "knockout")).toBe(3);
  });

  it("5 responses: the odd one out goes through and plays first in the next round, 3 rounds, 4 comparisons", () => {
    const entrants = knockoutEntrants(5, 7, 101);
    expect([...entrants].sort()).toEqual([0, 1, 2, 3, 4]);
    const [a, b, c, d, e] = entrants as [number, number, number, number, number];
    const { rounds, champion } = bracket(entrants);
    // Round 0: a-b, c-d, e through; round 1: e first, against the first winner (a), the other winner (c)
    // through; final: c against the winner of e-a (e: in this helper the first of a match wins).
    expect(rounds).toEqual([
      {
        matches: [
          [a, b],
          [c, d],
        ],
        bye: e,
      },
      { matches: [[e, a]], bye: c },
      { matches: [[c, e]], bye: null },
    ]);
    expect(champion).toBe(c);
    // Nobody got two byes in a row.
    expect(rounds[0]!.bye).not.toBe(rounds[1]!.bye);
    expect(rounds).toHaveLength(Math.ceil(Math.log2(5)));
    expect(rounds.flatMap((r) => r.matches)).toHaveLength(4);
    expect(comparisonsPerItem(5, "knockout")).toBe(4);
  });

  it("n - 1 comparisons in ceil(log2 n) rounds for every size up to 17; none for a single response", () => {
    for (let n = 2; n <= 17; n++) {
      const { rounds } = bracket(knockoutEntrants(n, 3, n));
      expect(rounds.flatMap((r) => r.matches)).toHaveLength(n - 1);
      expect(rounds).toHaveLength(Math.ceil(Math.log2(n)));
      expect(comparisonsPerItem(n, "knockout")).toBe(n - 1);
    }
    expect(comparisonsPerItem(1, "knockout")).toBe(0);
    expect(comparisonsPerItem(1, "round-robin")).toBe(0);
  });

  it("two responses are never shuffled: response 0 against response 1", () => {
    for (const seed of [1, 2, 3, 99]) expect(knockoutEntrants(2, seed, 5)).toEqual([0, 1]);
  });

  it("the same seed and item give the same bracket; other seeds or items usually give another", () => {
    expect(knockoutEntrants(5, 42, 9)).toEqual(knockoutEntrants(5, 42, 9));
    const bySeed = new Set(Array.from({ length: 20 }, (_, seed) => knockoutEntrants(5, seed + 1, 9).join(",")));
    const byItem = new Set(Array.from({ length: 20 }, (_, item) => knockoutEntrants(5, 42, item).join(",")));
    // 120 possible orders: 20 draws that all landed on one order would mean the seed is ignored.
    expect(bySeed.size).toBeGreaterThan(5);
    expect(byItem.size).toBeGreaterThan(5);
  });
});

describe("round-robin", () => {
  it("every pair once, first index first: n(n - 1)/2 comparisons", () => {
    expect(roundRobinMatches(4)).toEqual([
      { first: 0, second: 1 },
      { first: 0, second: 2 },
      { first: 0, second: 3 },
      { first: 1, second: 2 },
      { first: 1, second: 3 },
      { first: 2, second: 3 },
    ]);
    for (const n of [2, 3, 5, 8]) {
      expect(roundRobinMatches(n)).toHaveLength((n * (n - 1)) / 2);
      expect(comparisonsPerItem(n, "round-robin")).toBe((n * (n - 1)) / 2);
    }
  });

  it("standings: a win is 1 point, a tie 1/2 each (tie votes and unreadable votes do not count for either side)", () => {
    // 0 vs 1: 1-1 (tie); 0 vs 2: 0 wins 2-0 (and one tie vote); 1 vs 2: 2 wins 1-0 (and one unreadable vote).
    const standings = roundRobinStandings(
      3,
      [
        { first: 0, second: 1, votes: v({ first: 1, second: 1 }) },
        { first: 0, second: 2, votes: v({ first: 2, tie: 1 }) },
        { first: 1, second: 2, votes: v({ second: 1, unparsed: 1 }) },
      ],
      1,
      1,
    );
    // Points: 0 = 0.5 + 1 = 1.5; 1 = 0.5 + 0 = 0.5; 2 = 0 + 1 = 1.
    // Margins: 0 = 0 + 2 = 2; 1 = 0 - 1 = -1; 2 = -2 + 1 = -1.
    expect(standings).toEqual([
      { response: 0, points: 1.5, margin: 2 },
      { response: 2, points: 1, margin: -1 },
      { response: 1, points: 0.5, margin: -1 },
    ]);
  });

  it("equal points are ordered by the vote margin", () => {
    // A cycle: 0 beats 1 4-0, 1 beats 2 2-1, 2 beats 0 3-1: one point each.
    // Margins: 0 = +4 - 2 = +2; 1 = -4 + 1 = -3; 2 = -1 + 2 = +1.
    const standings = roundRobinStandings(
      3,
      [
        { first: 0, second: 1, votes: v({ first: 4 }) },
        { first: 1, second: 2, votes: v({ first: 2, second: 1 }) },
        { first: 0, second: 2, votes: v({ first: 1, second: 3 }) },
      ],
      5,
      5,
    );
    expect(standings.map((s) => [s.response, s.points, s.margin])).toEqual([
      [0, 1, 2],
      [2, 1, 1],
      [1, 1, -3],
    ]);
  });

  it("equal points and margins: a seeded draw, the same every time for the same job seed and item", () => {
    // A perfect cycle, each 1-0: one point and margin 0 each.
    const cycle = [
      { first: 0, second: 1, votes: v({ first: 1 }) },
      { first: 1, second: 2, votes: v({ first: 1 }) },
      { first: 0, second: 2, votes: v({ second: 1 }) },
    ];
    const order = (seed: number, item: number) => roundRobinStandings(3, cycle, seed, item).map((s) => s.response);
    expect(roundRobinStandings(3, cycle, 8, 3).every((s) => s.points === 1 && s.margin === 0)).toBe(true);
    expect([...order(8, 3)].sort()).toEqual([0, 1, 2]);
    expect(order(8, 3)).toEqual(order(8, 3));
    // The draw depends on the seed: over 20 seeds more than one of the 6 orders comes up.
    expect(new Set(Array.from({ length: 20 }, (_, seed) => order(seed + 1, 3).join(","))).size).toBeGreaterThan(1);
  });
});

const knockout: JobRules = { ranking: "knockout", seed: 11, bothOrders: true };
const roundRobin: JobRules = { ranking: "round-robin", seed: 11, bothOrders: true };

describe("decideComparison", () => {
  const match = { first: 2, second: 4, round: 1, slot: 0 };

  it("a majority decides, both orders' votes together", () => {
    expect(decideComparison({ ...match, votes: orders({ second: 1 }, { second: 1, first: 1 }) }, 5, knockout, 1)).toEqual({
      winner: 4,
      decidedBy: "votes",
    });
    expect(decideComparison({ ...match, votes: orders({ first: 2 }, { tie: 1 }) }, 3, roundRobin, 1)).toEqual({
      winner: 2,
      decidedBy: "votes",
    });
  });

  it("pairwise and round-robin: an even split stays a tie, with no winner", () => {
    const even = orders({ first: 1 }, { second: 1 });
    expect(decideComparison({ first: 0, second: 1, round: 0, slot: 0, votes: even }, 2, knockout, 1)).toEqual({
      winner: null,
      decidedBy: "tie",
    });
    expect(decideComparison({ first: 0, second: 1, round: 0, slot: 0, votes: even }, 2, roundRobin, 1)).toEqual({
      winner: null,
      decidedBy: "tie",
    });
    expect(decideComparison({ ...match, votes: even }, 5, roundRobin, 1)).toEqual({ winner: null, decidedBy: "tie" });
    // No readable vote at all is no majority either.
    expect(decideComparison({ ...match, votes: orders({ unparsed: 1 }, { unparsed: 1 }) }, 5, roundRobin, 1)).toEqual({
      winner: null,
      decidedBy: "tie",
    });
  });

  it("a knockout must have a winner: an even split is settled by the seeded coin, recorded as a coin", () => {
    const even = orders({ first: 1 }, { second: 1 });
    const decision = decideComparison({ ...match, votes: even }, 5, knockout, 77);
    expect(decision.decidedBy).toBe("coin");
    expect([2, 4]).toContain(decision.winner);
    // The coin is the one knockoutWinner throws for this seed, item, round and pair: resuming gives the same winner.
    expect(decision.winner).toBe(knockoutWinner(match, v({ first: 1, second: 1 }), 11, 77, 1).winner);
    expect(decideComparison({ ...match, votes: even }, 5, knockout, 77)).toEqual(decision);
  });

  it("the coin is a real coin: over many items both responses win some", () => {
    const winners = Array.from({ length: 40 }, (_, item) => knockoutWinner({ first: 0, second: 1 }, v(), 3, item, 0));
    expect(winners.every((w) => w.byCoin)).toBe(true);
    const firstWins = winners.filter((w) => w.winner === 0).length;
    expect(firstWins).toBeGreaterThan(5);
    expect(firstWins).toBeLessThan(35);
  });
});

describe("summarizeComparison", () => {
  it("verdict and vote share: the share of all samples that chose the verdict", () => {
    // 4 samples per order: first 3 + 2 = 5, second 1, tie 1, unparsed 1; 8 samples, 5 for the first.
    const s = summarizeComparison(orders({ first: 3, second: 1 }, { first: 2, tie: 1, unparsed: 1 }), true);
    expect(s.verdict).toBe("first");
    expect(s.voteShare).toBeCloseTo(5 / 8, 12);
    expect(s.votes).toEqual(v({ first: 5, second: 1, tie: 1, unparsed: 1 }));
    expect(s.consistent).toBe(true);
  });

  it("position consistency: false when each order prefers the response shown first", () => {
    // As given the first response won (shown as A); swapped the second won (then shown as A).
    // The verdict is a tie because the votes split; no sample chose "tie", so its vote share is 0.
    const s = summarizeComparison(orders({ first: 1 }, { second: 1 }), true);
    expect(s).toMatchObject({ verdict: "tie", voteShare: 0, consistent: false });
    // A preference in one order and an even split in the other is not the same answer either.
    expect(summarizeComparison(orders({ first: 2 }, { first: 1, second: 1 }), true).consistent).toBe(false);
  });

  it("a tie in both orders is the same answer both times: consistent", () => {
    expect(summarizeComparison(orders({ tie: 1 }, { tie: 1 }), true)).toMatchObject({ verdict: "tie", voteShare: 1, consistent: true });
  });

  it("an order with no readable verdict is not consistent", () => {
    expect(summarizeComparison(orders({ first: 1 }, { unparsed: 1 }), true)).toMatchObject({
      verdict: "first",
      voteShare: 0.5,
      consistent: false,
    });
  });

  it("judged in one order: consistency is not measured (null), whatever the votes", () => {
    expect(summarizeComparison(orders({ first: 3 }), false).consistent).toBeNull();
    expect(summarizeComparison(orders({ first: 1, second: 2 }), false)).toMatchObject({ verdict: "second", voteShare: 2 / 3 });
    // Both orders asked for but the swapped order not sampled yet: not measured either.
    expect(summarizeComparison(orders({ first: 1 }), true).consistent).toBeNull();
  });

  it("nothing readable: the verdict is unparsed; nothing sampled: no vote share", () => {
    expect(summarizeComparison(orders({ unparsed: 1 }, { unparsed: 1 }), true)).toMatchObject({
      verdict: "unparsed",
      voteShare: 0,
      consistent: false,
    });
    expect(summarizeComparison(orders({}, {}), true)).toMatchObject({ verdict: "unparsed", voteShare: null, consistent: null });
  });

  it("votesOf counts one order's choices", () => {
    expect(votesOf(["first", "first", "tie", "unparsed", "second"])).toEqual(v({ first: 2, second: 1, tie: 1, unparsed: 1 }));
  });
});

/** The comparison as the runner stores it once decided. */
function stored(
  id: number,
  c: { first: number; second: number; round: number; slot: number },
  votes: OrderVotes,
  items: number,
  rules: JobRules,
  itemId: number,
): StoredComparison {
  return { id, ...c, votes, ...decideComparison({ ...c, votes }, items, rules, itemId) };
}

describe("planItem: pairwise", () => {
  const rules: JobRules = { ranking: "knockout", seed: 4, bothOrders: true };
  const item = { id: 3, responses: 2 };
  const only = { first: 0, second: 1, round: 0, slot: 0 };
  const done = (votes: OrderVotes, r = rules) => {
    const plan = planItem(item, [stored(1, only, votes, 2, r, item.id)], r);
    if (plan.kind !== "done") throw new Error(`expected done, got ${plan.kind}`);
    return plan.result;
  };

  it("starts with one comparison, response 0 against response 1, and waits while it is undecided", () => {
    expect(planItem(item, [], rules)).toEqual({ kind: "create", comparisons: [only] });
    expect(planItem(item, [{ id: 1, ...only, votes: orders({ first: 1 }), decidedBy: null, winner: null }], rules)).toEqual({
      kind: "wait",
    });
  });

  it("A, B, tie and unparsed verdicts, with the vote share and consistency of the comparison", () => {
    expect(done(orders({ first: 1 }, { first: 1 }))).toEqual({
      verdict: "A",
      best: 0,
      ranking: null,
      voteShare: 1,
      consistent: true,
      votes: v({ first: 2 }),
    });
    expect(done(orders({ second: 2 }, { second: 1, first: 1 }))).toMatchObject({
      verdict: "B",
      best: 1,
      voteShare: 0.75,
      consistent: false,
    });
    expect(done(orders({ first: 1 }, { second: 1 }))).toMatchObject({ verdict: "tie", best: null, voteShare: 0, consistent: false });
    expect(done(orders({ unparsed: 1 }, { unparsed: 1 }))).toMatchObject({ verdict: "unparsed", best: null, voteShare: 0 });
    // One order: no consistency.
    const oneOrder = { ...rules, bothOrders: false };
    expect(done(orders({ second: 1 }), oneOrder)).toMatchObject({ verdict: "B", best: 1, voteShare: 1, consistent: null });
  });
});

describe("planItem: a knockout of 5 walked by hand", () => {
  const rules: JobRules = { ranking: "knockout", seed: 21, bothOrders: true };
  const item = { id: 8, responses: 5 };
  const [a, b, c, d, e] = knockoutEntrants(5, rules.seed, item.id) as [number, number, number, number, number];

  it("round 0, then 1, then the final, each created once the one before is decided; the champion first", () => {
    const comparisons: StoredComparison[] = [];
    const add = (planned: { first: number; second: number; round: number; slot: number }, votes: OrderVotes) =>
      comparisons.push(stored(comparisons.length + 1, planned, votes, item.responses, rules, item.id));

    // Round 0: the seeded order paired off; the fifth goes through.
    const round0 = planItem(item, comparisons, rules);
    expect(round0).toEqual({
      kind: "create",
      comparisons: [
        { first: a, second: b, round: 0, slot: 0 },
        { first: c, second: d, round: 0, slot: 1 },
      ],
    });
    if (round0.kind !== "create") return;
    // a beats b 3-1, but is not consistent (the swapped order split 1-1);
    add(round0.comparisons[0]!, orders({ first: 2 }, { first: 1, second: 1 }));
    // d beats c 4-0, consistently.
    add(round0.comparisons[1]!, orders({ second: 2 }, { second: 2 }));
    // While a comparison waits for its votes, nothing new is planned.
    expect(
      planItem(
        item,
        [...comparisons, { id: 99, first: a, second: d, round: 1, slot: 0, decidedBy: null, winner: null, votes: orders({}) }],
        rules,
      ),
    ).toEqual({
      kind: "wait",
    });

    // Round 1: e (through last round) plays first, against the first winner (a); d goes through.
    const round1 = planItem(item, comparisons, rules);
    expect(round1).toEqual({ kind: "create", comparisons: [{ first: e, second: a, round: 1, slot: 0 }] });
    if (round1.kind !== "create") return;
    // a beats e: 3 of 4 samples, one tie vote; second preferred in both orders.
    add(round1.comparisons[0]!, orders({ second: 2 }, { second: 1, tie: 1 }));

    // Final: d (through last round) against a.
    const final = planItem(item, comparisons, rules);
    expect(final).toEqual({ kind: "create", comparisons: [{ first: d, second: a, round: 2, slot: 0 }] });
    if (final.kind !== "create") return;
    // d wins 3 of 4 samples (one unreadable), first preferred in both orders.
    add(final.comparisons[0]!, orders({ first: 1, unparsed: 1 }, { first: 2 }));
    expect(comparisons.map((x) => [x.winner, x.decidedBy])).toEqual([
      [a, "votes"],
      [d, "votes"],
      [a, "votes"],
      [d, "votes"],
    ]);

    const plan = planItem(item, comparisons, rules);
    expect(plan.kind).toBe("done");
    if (plan.kind !== "done") return;
    expect(plan.result).toEqual({
      verdict: responseLetter(d),
      best: d,
      // d; then a (out in the final), e (out in round 1), then b and c (out in round 0, in bracket order).
      ranking: [d, a, e, b, c],
      // d's share in each comparison it played: 4/4 (round 0), 3/4 (the final).
      voteShare: (1 + 0.75) / 2,
      // Consistent in every comparison d played (a vs b's inconsistency is not about the best response).
      consistent: true,
      // Every vote of the item: first 3 + 0 + 0 + 3 = 6, second 1 + 4 + 3 + 0 = 8, one tie, one unreadable.
      votes: v({ first: 6, second: 8, tie: 1, unparsed: 1 }),
    });
    expect(comparisons).toHaveLength(4);
  });

  it("a best response that was inconsistent somewhere makes the item inconsistent", () => {
    const plan0 = planItem(item, [], rules);
    if (plan0.kind !== "create") throw new Error("expected round 0");
    const list = [
      stored(1, plan0.comparisons[0]!, orders({ first: 1 }, { first: 1 }), 5, rules, item.id),
      stored(2, plan0.comparisons[1]!, orders({ first: 1 }, { first: 1 }), 5, rules, item.id),
    ];
    // Round 1: e against a; a wins 3-1 but the swapped order split (inconsistent); c goes through.
    list.push(stored(3, { first: e, second: a, round: 1, slot: 0 }, orders({ second: 2 }, { first: 1, second: 1 }), 5, rules, item.id));
    // Final: c against a; a wins consistently.
    list.push(stored(4, { first: c, second: a, round: 2, slot: 0 }, orders({ second: 1 }, { second: 1 }), 5, rules, item.id));
    const plan = planItem(item, list, rules);
    expect(plan).toMatchObject({ kind: "done", result: { best: a, ranking: [a, c, e, b, d], consistent: false } });
  });

  it("a tie in a knockout goes to the coin and the ranking follows the coin's winner", () => {
    const plan0 = planItem(item, [], rules);
    if (plan0.kind !== "create") throw new Error("expected round 0");
    const list = [
      stored(1, plan0.comparisons[0]!, orders({ first: 1 }, { second: 1 }), 5, rules, item.id),
      stored(2, plan0.comparisons[1]!, orders({ first: 1 }, { first: 1 }), 5, rules, item.id),
    ];
    expect(list[0]!.decidedBy).toBe("coin");
    const coinWinner = list[0]!.winner!;
    expect([a, b]).toContain(coinWinner);
    // e (through last round) plays first, against the coin's winner; c goes through.
    expect(planItem(item, list, rules)).toEqual({ kind: "create", comparisons: [{ first: e, second: coinWinner, round: 1, slot: 0 }] });
  });
});

describe("planItem: round-robin of 3", () => {
  const rules: JobRules = { ranking: "round-robin", seed: 2, bothOrders: false };
  const item = { id: 4, responses: 3 };

  it("all 3 comparisons in round 0; the ranking by points; vote share over the best response's comparisons", () => {
    const plan0 = planItem(item, [], rules);
    expect(plan0).toEqual({
      kind: "create",
      comparisons: [
        { first: 0, second: 1, round: 0, slot: 0 },
        { first: 0, second: 2, round: 0, slot: 1 },
        { first: 1, second: 2, round: 0, slot: 2 },
      ],
    });
    if (plan0.kind !== "create") return;
    const [m01, m02, m12] = plan0.comparisons as [
      (typeof plan0.comparisons)[0],
      (typeof plan0.comparisons)[0],
      (typeof plan0.comparisons)[0],
    ];
    const list = [
      stored(1, m01, orders({ first: 2, second: 1 }), 3, rules, item.id), // 0 beats 1
      stored(2, m02, orders({ second: 3 }), 3, rules, item.id), // 2 beats 0
      stored(3, m12, orders({ first: 1, second: 1, tie: 1 }), 3, rules, item.id), // 1 and 2 tie
    ];
    expect(list[2]!.decidedBy).toBe("tie");
    // Points: 0 = 1, 1 = 0.5, 2 = 1.5.
    const plan = planItem(item, list, rules);
    expect(plan).toEqual({
      kind: "done",
      result: {
        verdict: "C",
        best: 2,
        ranking: [2, 0, 1],
        // 2's share: 3/3 against 0, 1/3 against 1.
        voteShare: (1 + 1 / 3) / 2,
        consistent: null,
        votes: v({ first: 3, second: 5, tie: 1 }),
      },
    });
  });
});

describe("agreesWithLabel and responseLetter", () => {
  it("a tie label agrees only with a pairwise tie verdict", () => {
    expect(agreesWithLabel({ verdict: "tie", best: null }, "tie", 2)).toBe(true);
    expect(agreesWithLabel({ verdict: "A", best: 0 }, "tie", 2)).toBe(false);
    expect(agreesWithLabel({ verdict: "unparsed", best: null }, "tie", 2)).toBe(false);
  });

  it("an index label agrees when the best response is that index", () => {
    expect(agreesWithLabel({ verdict: "A", best: 0 }, "0", 2)).toBe(true);
    expect(agreesWithLabel({ verdict: "B", best: 1 }, "0", 2)).toBe(false);
    expect(agreesWithLabel({ verdict: "tie", best: null }, "1", 2)).toBe(false);
    expect(agreesWithLabel({ verdict: "unparsed", best: null }, "0", 2)).toBe(false);
    expect(agreesWithLabel({ verdict: "C", best: 2 }, "2", 4)).toBe(true);
    expect(agreesWithLabel({ verdict: "D", best: 3 }, "2", 4)).toBe(false);
  });

  it("no label: no agreement either way", () => {
    expect(agreesWithLabel({ verdict: "A", best: 0 }, null, 2)).toBeNull();
  });

  it("responses are lettered A, B, … Z, then numbered", () => {
    expect([0, 1, 2, 25, 26, 30].map(responseLetter)).toEqual(["A", "B", "C", "Z", "#27", "#31"]);
  });
});

describe("withCriteria", () => {
  const prompt = judgePromptFor(JUDGE_PROMPT, "Name a prime.", "Seven.", "Nine.", "A");

  it("appends the criteria after the answers, the judge's prompt left as it was before them", () => {
    const withExtra = withCriteria(prompt, "  Prefer the shorter answer.\n");
    expect(withExtra.startsWith(prompt)).toBe(true);
    expect(withExtra.indexOf("Prefer the shorter answer.")).toBeGreaterThan(prompt.lastIndexOf("Nine."));
    expect(withExtra.slice(prompt.length)).toBe(
      "\n\n[Additional Criteria]\nAlso weigh these criteria when you decide, and give your verdict in the same format:\nPrefer the shorter answer.\n[End of Additional Criteria]",
    );
  });

  it("empty or blank criteria leave the prompt unchanged", () => {
    expect(withCriteria(prompt, "")).toBe(prompt);
    expect(withCriteria(prompt, "  \n\t ")).toBe(prompt);
  });
});

describe("judge names", () => {
  it("reads run iterations and models, a model name keeping its colons", () => {
    expect(parseJudgeRef("run:3:2")).toEqual({ kind: "iteration", runId: 3, iteration: 2 });
    expect(parseJudgeRef(" run:12:0 ")).toEqual({ kind: "iteration", runId: 12, iteration: 0 });
    expect(parseJudgeRef("model:ollama:llama3.1:8b")).toEqual({ kind: "model", backend: "ollama", model: "llama3.1:8b" });
    expect(parseJudgeRef("model:vllm:org/judge:q4:latest")).toEqual({ kind: "model", backend: "vllm", model: "org/judge:q4:latest" });
  });

  it("bad strings are null", () => {
    for (const bad of [
      "",
      "run",
      "run:3",
      "run:3:",
      "run:a:1",
      "run:-1:2",
      "run:1.5:2",
      "model",
      "model:ollama",
      "model::llama3",
      "model:ollama:",
      "judge:x:y",
      "RUN:3:2",
    ])
      expect(parseJudgeRef(bad), bad).toBeNull();
  });

  it("formats back to the same string", () => {
    for (const text of ["run:3:2", "model:ollama:llama3.1:8b"]) expect(formatJudgeRef(parseJudgeRef(text)!)).toBe(text);
  });
});

describe("judgeJobConfigSchema", () => {
  const minimal = { name: "j", judge: { kind: "model", backend: "sim", model: "m" }, dataset: "d" } as const;

  it("fills the defaults: both orders, 1 greedy sample, knockout, no criteria, all items, no budget, seed 1", () => {
    expect(judgeJobConfigSchema.parse(minimal)).toEqual({
      name: "j",
      judge: { kind: "model", backend: "sim", model: "m", prompt: JUDGE_PROMPT },
      dataset: "d",
      bothOrders: true,
      samples: 1,
      temperature: 0,
      topP: 1,
      maxTokens: 4096,
      verdictRule: null,
      ranking: "knockout",
      criteria: "",
      maxItems: null,
      budget: { maxTokens: null },
      seed: 1,
    });
  });

  it("more than one sample needs a temperature above 0, and the error says so on the temperature", () => {
    const greedy = judgeJobConfigSchema.safeParse({ ...minimal, samples: 3 });
    expect(greedy.success).toBe(false);
    expect(greedy.error!.issues).toEqual([
      expect.objectContaining({ path: ["temperature"], message: expect.stringMatching(/temperature above 0/) }),
    ]);
    expect(judgeJobConfigSchema.safeParse({ ...minimal, samples: 3, temperature: 0.7 }).success).toBe(true);
    expect(judgeJobConfigSchema.safeParse({ ...minimal, samples: 1, temperature: 0.7 }).success).toBe(true);
  });

  it("refuses out-of-range and unknown settings", () => {
    expect(judgeJobConfigSchema.safeParse({ ...minimal, samples: 0 }).success).toBe(false);
    expect(judgeJobConfigSchema.safeParse({ ...minimal, samples: 33, temperature: 1 }).success).toBe(false);
    expect(judgeJobConfigSchema.safeParse({ ...minimal, ranking: "swiss" }).success).toBe(false);
    expect(judgeJobConfigSchema.safeParse({ ...minimal, seed: -1 }).success).toBe(false);
    expect(judgeJobConfigSchema.safeParse({ ...minimal, criteria: "x".repeat(5001) }).success).toBe(false);
    expect(judgeJobConfigSchema.safeParse({ ...minimal, extra: 1 }).success).toBe(false);
    expect(judgeJobConfigSchema.safeParse({ ...minimal, name: "  " }).success).toBe(false);
  });

  it("trims the criteria and takes a run's iteration as the judge", () => {
    const parsed = judgeJobConfigSchema.parse({
      ...minimal,
      judge: { kind: "iteration", runId: 2, iteration: 1 },
      criteria: "  be strict ",
    });
    expect(parsed.judge).toEqual({ kind: "iteration", runId: 2, iteration: 1 });
    expect(parsed.criteria).toBe("be strict");
  });
});
