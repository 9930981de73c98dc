// Agreement and bias metrics on constructed inputs with hand-computed answers.
import { describe, expect, it } from "vitest";
import {
  accuracyWithInterval,
  aPositionRate,
  cohensKappa,
  judgmentRates,
  lengthBias,
  positionBias,
  rejectionSamplingYield,
  wilsonInterval,
} from "@/lib/metrics";

describe("accuracy with a 95% interval", () => {
  it("matches Wilson's interval", () => {
    // 8 of 10: p=0.8, z=1.96: center=(0.8+0.19207)/1.38415=0.71674, half=1.96*sqrt(0.016+0.00096)/1.38415=0.18442
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 3);
    expect(high).toBeCloseTo(0.9433, 3);
    expect(accuracyWithInterval(8, 10)).toMatchObject({ accuracy: 0.8, items: 10 });
  });

  it("stays in [0, 1] at the edges and is null on nothing", () => {
    expect(wilsonInterval(0, 5).low).toBe(0);
    expect(wilsonInterval(5, 5).high).toBe(1);
    expect(accuracyWithInterval(0, 0)).toBeNull();
  });
});

describe("position bias", () => {
  it("counts consistency and first-position wins over items judged in both orders", () => {
    const result = positionBias([
      // item 1: chosen in both orders -> consistent
      { itemId: 1, chosenPosition: "A", preference: "chosen" },
      { itemId: 1, chosenPosition: "B", preference: "chosen" },
      // item 2: chosen when first, rejected when chosen is second -> position A won twice
      { itemId: 2, chosenPosition: "A", preference: "chosen" },
      { itemId: 2, chosenPosition: "B", preference: "rejected" },
      // item 3: rejected when chosen first, chosen when second -> position B won twice
      { itemId: 3, chosenPosition: "A", preference: "rejected" },
      { itemId: 3, chosenPosition: "B", preference: "chosen" },
      // item 4: position A won twice again
      { itemId: 4, chosenPosition: "A", preference: "chosen" },
      { itemId: 4, chosenPosition: "B", preference: "rejected" },
      // item 5: no preference in one order -> left out; item 6: one order only -> left out
      { itemId: 5, chosenPosition: "A", preference: null },
      { itemId: 5, chosenPosition: "B", preference: "chosen" },
      { itemId: 6, chosenPosition: "A", preference: "chosen" },
    ]);
    expect(result).toEqual({
      itemsBothOrders: 4,
      consistentItems: 1,
      positionConsistency: 0.25,
      inconsistentItems: 3,
      firstPositionWins: 2 / 3,
    });
  });

  it("computes the A-position rate over parsed verdicts only", () => {
    expect(aPositionRate(["A", "A", "B", null, "tie", "A"])).toBe(0.75);
    expect(aPositionRate([null, null])).toBeNull();
  });
});

describe("length bias", () => {
  it("splits accuracy by whether chosen is longer or shorter, leaving out equal lengths", () => {
    const result = lengthBias([
      { score: 1, chosenLength: 100, rejectedLength: 50 },
      { score: 1, chosenLength: 80, rejectedLength: 20 },
      { score: 0, chosenLength: 10, rejectedLength: 90 },
      { score: 0.5, chosenLength: 10, rejectedLength: 20 },
      { score: 1, chosenLength: 30, rejectedLength: 30 },
    ]);
    expect(result).toEqual({ chosenLonger: { items: 2, accuracy: 1 }, chosenShorter: { items: 2, accuracy: 0.25 }, gap: 0.75 });
  });
});

describe("Cohen's kappa", () => {
  it("matches a worked example", () => {
    // 10 items: both say chosen 4, both rejected 3, (chosen, rejected) 2, (rejected, chosen) 1.
    // p_o = 7/10. Rater 1: chosen 6, rejected 4; rater 2: chosen 5, rejected 5.
    // p_e = 0.6*0.5 + 0.4*0.5 = 0.5. kappa = (0.7-0.5)/(1-0.5) = 0.4.
    const pairs = [
      ...Array(4).fill(["chosen", "chosen"]),
      ...Array(3).fill(["rejected", "rejected"]),
      ...Array(2).fill(["chosen", "rejected"]),
      ["rejected", "chosen"],
    ] as [string, string][];
    expect(cohensKappa(pairs)).toEqual({ kappa: expect.closeTo(0.4, 12), items: 10, observedAgreement: 0.7 });
  });

  it("is 1 for identical constant labels, and null on no items", () => {
    expect(cohensKappa([["chosen", "chosen"]]).kappa).toBe(1);
    expect(cohensKappa([]).kappa).toBeNull();
  });
});

describe("rates", () => {
  it("counts ties, unparsed and truncated judgments", () => {
    expect(
      judgmentRates([
        { outcome: "correct", truncated: false },
        { outcome: "tie", truncated: false },
        { outcome: "unparsed", truncated: true },
        { outcome: "unparsed", truncated: false },
      ]),
    ).toEqual({ judgments: 4, tieRate: 0.25, unparsedRate: 0.5, truncatedRate: 0.25 });
  });

  it("computes the rejection-sampling yield", () => {
    expect(rejectionSamplingYield({ pairOrders: 200, judgments: 1600, correct: 1000, kept: 180 })).toEqual({
      keptPerPairOrder: 0.9,
      correctRate: 0.625,
    });
    expect(rejectionSamplingYield({ pairOrders: 0, judgments: 0, correct: 0, kept: 0 })).toEqual({
      keptPerPairOrder: null,
      correctRate: null,
    });
  });
});
