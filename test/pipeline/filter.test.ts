// Rejection sampling and label balancing, SFT and DPO, written from the reference's rules
// (prepare_sft_data.py: one correct trace per prompt, then A/B balance; prepare_dpo_data.py:
// negatives are wrong, tie and unparsed alike, balance among prompts that have a negative, then up
// to num_pairs correct x negative combinations): exact counts on constructed judgments.
import { describe, expect, it } from "vitest";
import { rejectionSample, type FilterJudgment, type FilterOptions } from "@/lib/pipeline/filter";
import { createRandom } from "@/lib/pipeline/random";
import type { Outcome, Position } from "@/lib/pipeline/vocabulary";

let nextId = 1;
function samples(pairId: number, goodPosition: Position, outcomes: Outcome[]): FilterJudgment[] {
  return outcomes.map((outcome, sample) => ({ id: nextId++, pairId, goodPosition, sample, outcome }));
}

const options = (overrides: Partial<FilterOptions> = {}): FilterOptions => ({
  method: "sft",
  dpoPairsPerPrompt: 1,
  mode: "one-correct" as const,
  majorityThreshold: 0.5,
  balance: false,
  keep: "correct" as const,
  random: createRandom(1),
  ...overrides,
});

describe("rejectionSample", () => {
  const judgments = [
    ...samples(1, "A", ["correct", "correct", "wrong", "unparsed"]), // usable, 2 correct
    ...samples(1, "B", ["wrong", "wrong", "tie", "wrong"]), // nothing correct
    ...samples(2, "A", ["correct", "wrong", "wrong", "wrong"]), // usable, 1 correct (25%)
    ...samples(2, "B", ["correct", "correct", "correct", "wrong"]), // usable, 75%
    ...samples(3, "B", ["correct", "unparsed", "unparsed", "unparsed"]), // usable, 25%
  ];

  it("keeps one correct trace per pair and order, and says why the rest were not kept", () => {
    const result = rejectionSample(judgments, options());
    expect(result.counts).toMatchObject({
      pairOrders: 5,
      judgments: 20,
      correct: 7,
      wrong: 8,
      tie: 1,
      unparsed: 4,
      candidates: 4,
      kept: 4,
      keptA: 2,
      keptB: 2,
      belowMajority: 0,
      balancedOut: 0,
    });
    expect(result.examples.map((e) => `${e.pairId}${e.goodPosition}`)).toEqual(["1A", "2A", "2B", "3B"]);
    const statuses = [...result.statuses.values()];
    expect(statuses.filter((s) => s === "kept")).toHaveLength(4);
    expect(statuses.filter((s) => s === "surplus")).toHaveLength(3); // 7 correct - 4 kept
    expect(statuses.filter((s) => s === "wrong")).toHaveLength(13);
    // Every kept trace is a correct one.
    for (const e of result.examples) expect(judgments.find((j) => j.id === e.chosenJudgmentId)!.outcome).toBe("correct");
  });

  it("pairs each kept SFT trace with an incorrect one of the same pair and order when there is one", () => {
    const result = rejectionSample(judgments, options());
    const byKey = Object.fromEntries(result.examples.map((e) => [`${e.pairId}${e.goodPosition}`, e.rejectedJudgmentId]));
    expect(judgments.find((j) => j.id === byKey["1A"])!.outcome).not.toBe("correct");
    // 3B has only unparsed samples besides its correct one: unparsed is a negative too.
    expect(judgments.find((j) => j.id === byKey["3B"])!.outcome).toBe("unparsed");
    expect(result.counts.withRejected).toBe(4);
  });

  it("keeps only pairs whose share of correct samples reaches the majority threshold", () => {
    const result = rejectionSample(judgments, options({ mode: "majority", majorityThreshold: 0.5 }));
    expect(result.examples.map((e) => `${e.pairId}${e.goodPosition}`)).toEqual(["1A", "2B"]);
    expect(result.counts).toMatchObject({ candidates: 2, belowMajority: 2, kept: 2 });
  });

  it("balances A-better and B-better by dropping from the larger side", () => {
    const unbalanced = [
      ...samples(10, "A", ["correct"]),
      ...samples(11, "A", ["correct"]),
      ...samples(12, "A", ["correct"]),
      ...samples(13, "B", ["correct"]),
    ];
    const result = rejectionSample(unbalanced, options({ balance: true }));
    expect(result.counts).toMatchObject({ candidates: 4, balancedOut: 2, kept: 2, keptA: 1, keptB: 1 });
    expect([...result.statuses.values()].filter((s) => s === "balanced_out")).toHaveLength(2);
  });

  it("keeps wrong traces instead when asked (the ablation)", () => {
    const result = rejectionSample(judgments, options({ keep: "wrong" }));
    for (const e of result.examples) expect(judgments.find((j) => j.id === e.chosenJudgmentId)!.outcome).toBe("wrong");
    expect(result.examples.map((e) => `${e.pairId}${e.goodPosition}`)).toEqual(["1A", "1B", "2A", "2B"]);
  });

  it("DPO: counts wrong, tie and unparsed as negatives and keeps only prompts that have one", () => {
    const data = [
      ...samples(20, "A", ["correct", "tie"]), // negative: a tie
      ...samples(21, "A", ["correct", "unparsed"]), // negative: unparsed
      ...samples(22, "B", ["correct", "wrong"]), // negative: wrong
      ...samples(23, "B", ["correct", "correct"]), // no negative: left out of DPO
    ];
    const result = rejectionSample(data, options({ method: "dpo" }));
    expect(result.counts).toMatchObject({ dpo: 1, candidates: 3, withoutRejected: 1, kept: 3, keptA: 2, keptB: 1, examples: 3 });
    expect([...result.statuses.entries()].filter(([, s]) => s === "no_rejected")).toHaveLength(2);
    for (const e of result.examples) {
      const chosen = data.find((j) => j.id === e.chosenJudgmentId)!;
      const rejected = data.find((j) => j.id === e.rejectedJudgmentId)!;
      expect(chosen.outcome).toBe("correct");
      expect(rejected.outcome).not.toBe("correct");
      expect(rejected.pairId).toBe(chosen.pairId);
      expect(rejected.goodPosition).toBe(chosen.goodPosition);
    }
  });

  it("DPO: balances A and B among the prompts that have a negative, before building pairs", () => {
    // Three A prompts with negatives and one without; two B prompts with negatives. The SFT order
    // (balance first, then drop prompts without a negative) could leave 1 A / 2 B; this must not.
    const data = [
      ...samples(30, "A", ["correct", "wrong"]),
      ...samples(31, "A", ["correct", "wrong"]),
      ...samples(32, "A", ["correct", "wrong"]),
      ...samples(33, "A", ["correct", "correct"]),
      ...samples(34, "B", ["correct", "wrong"]),
      ...samples(35, "B", ["correct", "tie"]),
    ];
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = rejectionSample(data, options({ method: "dpo", balance: true, random: createRandom(seed) }));
      expect(result.counts).toMatchObject({ candidates: 5, withoutRejected: 1, balancedOut: 1, kept: 4, keptA: 2, keptB: 2 });
      expect(result.examples.filter((e) => e.goodPosition === "A")).toHaveLength(2);
      expect(result.examples.filter((e) => e.goodPosition === "B")).toHaveLength(2);
    }
  });

  it("DPO: writes up to dpoPairsPerPrompt distinct correct x negative combinations per prompt", () => {
    const data = [
      ...samples(40, "A", ["correct", "correct", "wrong", "unparsed"]), // 2 x 2 = 4 combinations
      ...samples(41, "B", ["correct", "wrong"]), // 1 combination
    ];
    const result = rejectionSample(data, options({ method: "dpo", dpoPairsPerPrompt: 3 }));
    const a = result.examples.filter((e) => e.pairId === 40);
    expect(a).toHaveLength(3);
    expect(new Set(a.map((e) => `${e.chosenJudgmentId}:${e.rejectedJudgmentId}`)).size).toBe(3);
    expect(a.map((e) => e.comboIndex)).toEqual([0, 1, 2]);
    expect(result.examples.filter((e) => e.pairId === 41)).toHaveLength(1);
    expect(result.counts.examples).toBe(4);
    const all = rejectionSample(data, options({ method: "dpo", dpoPairsPerPrompt: 16 }));
    expect(all.examples.filter((e) => e.pairId === 40)).toHaveLength(4);
  });

  it("is reproducible with the same seed", () => {
    const a = rejectionSample(judgments, options({ random: createRandom(5) }));
    const b = rejectionSample(judgments, options({ random: createRandom(5) }));
    expect(a.examples).toEqual(b.examples);
  });
});
