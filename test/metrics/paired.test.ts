// Paired comparisons: the bootstrap interval (seeded, weighted) and McNemar's test, against values
// worked out by hand or from the binomial and chi-square distributions.
import { describe, expect, it } from "vitest";
import { mcnemar, pairedBootstrap, pairedReading, pairedRewardBench } from "@/lib/metrics";

describe("pairedBootstrap", () => {
  it("gives the mean difference and an interval that contains it, the same for the same seed", () => {
    const before = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const after = before.map((v, i) => (i % 5 === 0 ? 1 : v));
    const result = pairedBootstrap(before, after, { seed: 3 })!;
    expect(result.items).toBe(200);
    expect(result.before).toBeCloseTo(0.5, 10);
    expect(result.delta).toBeCloseTo(0.1, 10);
    expect(result.low).toBeGreaterThan(0);
    expect(result.low).toBeLessThan(0.1);
    expect(result.high).toBeGreaterThan(0.1);
    expect(pairedBootstrap(before, after, { seed: 3 })).toEqual(result);
  });

  it("has a zero-width interval when every item moved by the same amount, and is null without items", () => {
    expect(pairedBootstrap([0, 0, 0], [1, 1, 1])).toMatchObject({ delta: 1, low: 1, high: 1 });
    expect(pairedBootstrap([], [])).toBeNull();
  });

  it("weights items, so a weighted score compares item by item", () => {
    const result = pairedBootstrap([0, 0], [1, 0], { weights: [3, 1] })!;
    expect(result.after).toBeCloseTo(0.75, 10);
    expect(result.delta).toBeCloseTo(0.75, 10);
  });
});

describe("mcnemar", () => {
  it("counts right→wrong (b) and wrong→right (c), leaving out undecided items", () => {
    expect(mcnemar([1, 1, 0, 0, 0.5, 1], [0, 1, 1, 1, 1, 0.5])).toMatchObject({ b: 1, c: 2 });
  });

  it("uses the exact binomial test below 25 flips", () => {
    const result = mcnemar([...Array(2).fill(1), ...Array(8).fill(0)], [...Array(2).fill(0), ...Array(8).fill(1)]);
    expect(result).toMatchObject({ b: 2, c: 8, exact: true });
    expect(result.pValue).toBeCloseTo(0.109375, 6);
    expect(mcnemar([1], [1]).pValue).toBeNull();
  });

  it("uses the chi-square test with continuity correction from 25 flips", () => {
    const result = mcnemar([...Array(10).fill(1), ...Array(30).fill(0)], [...Array(10).fill(0), ...Array(30).fill(1)]);
    expect(result.statistic).toBeCloseTo(9.025, 6);
    expect(result.pValue).toBeCloseTo(0.002663, 5);
    expect(result.exact).toBe(false);
  });
});

describe("pairedRewardBench and its reading", () => {
  it("reads a clear gain as better, a small one as noise", () => {
    const big = pairedRewardBench(
      Array.from({ length: 100 }, (_, i) => ({ subset: "llmbar-natural", before: i < 40 ? 1 : 0, after: i < 80 ? 1 : 0 })),
    );
    const chatHard = big.find((m) => m.metric === "Chat Hard")!;
    expect(chatHard.delta.delta).toBeCloseTo(0.4, 10);
    expect(pairedReading(chatHard).text).toBe("better");
    const small = pairedRewardBench([
      { subset: "llmbar-natural", before: 0, after: 1 },
      { subset: "llmbar-natural", before: 1, after: 1 },
    ]);
    expect(pairedReading(small.find((m) => m.metric === "Chat Hard")!).text).toBe("could be noise");
    expect(small.map((m) => m.metric)).toEqual(["Accuracy", "RewardBench", "Chat Hard"]);
  });
});
