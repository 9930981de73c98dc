// Rejection sampling and label balancing: exact counts on constructed judgments.
import { describe, expect, it } from "vitest";
import { rejectionSample, type FilterJudgment } from "@/lib/pipeline/filter";
import { createRandom } from "@/lib/simulator/random";
import type { Outcome, Position } from "@/lib/db/schema";

let nextId = 1;
function samples(pairId: number, goodPosition: Position, outcomes: Outcome[]): FilterJudgment[] {
  return outcomes.map((outcome, sample) => ({ id: nextId++, pairId, goodPosition, sample, outcome }));
}

const options = (overrides = {}) => ({
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

  it("pairs each kept trace with a wrong one of the same pair and order, for DPO", () => {
    const result = rejectionSample(judgments, options());
    const byKey = Object.fromEntries(result.examples.map((e) => [`${e.pairId}${e.goodPosition}`, e.rejectedJudgmentId]));
    expect(judgments.find((j) => j.id === byKey["1A"])!.outcome).toBe("wrong");
    expect(byKey["3B"]).toBeNull(); // only unparsed besides the correct one
    expect(result.counts.withRejected).toBe(3);
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

  it("is reproducible with the same seed", () => {
    const a = rejectionSample(judgments, options({ random: createRandom(5) }));
    const b = rejectionSample(judgments, options({ random: createRandom(5) }));
    expect(a.examples).toEqual(b.examples);
  });
});
