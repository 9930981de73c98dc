// A judge job's headline numbers on small tables worked out by hand: agreement with labels that
// include ties (accuracy without ties as MT-Bench counts it, 3-way agreement, Cohen's kappa over
// A / B / tie), A's win rate over B with its Wilson interval, and best-of-n accuracy.
import { describe, expect, it } from "vitest";
import { wilsonInterval } from "@/lib/metrics/accuracy";
import { bestOfNAccuracy, labelAgreement, type PairLabel, type PairVerdict } from "@/lib/metrics/label-agreement";
import { winRate } from "@/lib/metrics/win-rate";

describe("labelAgreement", () => {
  //  #  label  verdict    without ties   3-way    kappa
  //  1  A      A          agree          agree    (A, A)
  //  2  A      B          disagree       -        (A, B)
  //  3  B      B          agree          agree    (B, B)
  //  4  B      B          agree          agree    (B, B)
  //  5  A      tie        left out      -        (A, tie)
  //  6  tie    tie        left out      agree    (tie, tie)
  //  7  tie    A          left out      -        (tie, A)
  //  8  B      unparsed   left out      -        left out
  //  9  A      A          agree          agree    (A, A)
  // 10  tie    unparsed   left out      -        left out
  const table: { label: PairLabel; verdict: PairVerdict }[] = [
    { label: "A", verdict: "A" },
    { label: "A", verdict: "B" },
    { label: "B", verdict: "B" },
    { label: "B", verdict: "B" },
    { label: "A", verdict: "tie" },
    { label: "tie", verdict: "tie" },
    { label: "tie", verdict: "A" },
    { label: "B", verdict: "unparsed" },
    { label: "A", verdict: "A" },
    { label: "tie", verdict: "unparsed" },
  ];
  const result = labelAgreement(table);

  it("accuracy without ties: 4 of the 5 items where neither label nor verdict is a tie or unreadable", () => {
    expect(result.labelled).toBe(10);
    expect(result.withoutTies).toMatchObject({ agree: 4, items: 5, rate: 0.8 });
    expect(result.excludedFromWithoutTies).toBe(5);
    // Wilson 95% for 4/5: center (0.8 + 1.92/5) / (1 + 3.84/5) = 0.670, half-width 0.294.
    expect(result.withoutTies!.low).toBeCloseTo(0.3755, 3);
    expect(result.withoutTies!.high).toBeCloseTo(0.9638, 3);
    expect(result.withoutTies).toMatchObject(wilsonInterval(4, 5));
  });

  it("3-way agreement: 5 of all 10 labelled items, an unreadable verdict counted as a disagreement", () => {
    expect(result.threeWay).toMatchObject({ agree: 5, items: 10, rate: 0.5, ...wilsonInterval(5, 10) });
  });

  it("Cohen's kappa over A / B / tie on the 8 readable verdicts: 3/7", () => {
    // Observed: 5 of 8 = 0.625. Labels: A 4, B 2, tie 2; verdicts: A 3, B 3, tie 2.
    // Chance: (4*3 + 2*3 + 2*2) / 64 = 22/64 = 0.34375. kappa = (0.625 - 0.34375) / (1 - 0.34375) = 0.28125 / 0.65625 = 3/7.
    expect(result.kappaItems).toBe(8);
    expect(result.kappa).toBeCloseTo(3 / 7, 12);
  });

  it("a judge that never reads: no accuracy without ties, 3-way 0, no kappa", () => {
    const none = labelAgreement([
      { label: "A", verdict: "unparsed" },
      { label: "tie", verdict: "unparsed" },
    ]);
    expect(none).toMatchObject({
      labelled: 2,
      withoutTies: null,
      excludedFromWithoutTies: 2,
      threeWay: { agree: 0, items: 2, rate: 0 },
      kappa: null,
      kappaItems: 0,
    });
  });

  it("only tie labels: accuracy without ties has nothing to count; all-tie agreement is kappa 1", () => {
    const ties = labelAgreement([
      { label: "tie", verdict: "tie" },
      { label: "tie", verdict: "tie" },
    ]);
    expect(ties.withoutTies).toBeNull();
    expect(ties.threeWay).toMatchObject({ agree: 2, items: 2, rate: 1 });
    expect(ties.kappa).toBe(1);
  });

  it("no labelled items: nothing at all", () => {
    expect(labelAgreement([])).toEqual({
      labelled: 0,
      withoutTies: null,
      excludedFromWithoutTies: 0,
      threeWay: null,
      kappa: null,
      kappaItems: 0,
    });
  });

  it("a judge that always says the opposite: accuracy 0, kappa -1", () => {
    const opposite = labelAgreement([
      { label: "A", verdict: "B" },
      { label: "B", verdict: "A" },
      { label: "A", verdict: "B" },
      { label: "B", verdict: "A" },
    ]);
    // Observed 0; chance (2*2 + 2*2)/16 = 0.5; kappa = (0 - 0.5) / 0.5 = -1.
    expect(opposite.withoutTies).toMatchObject({ agree: 0, items: 4, rate: 0 });
    expect(opposite.kappa).toBeCloseTo(-1, 12);
  });
});

describe("winRate", () => {
  it("A's rate among the decided items with Wilson's interval; ties and unreadable apart; ties as half", () => {
    const r = winRate({ a: 6, b: 2, tie: 2, unparsed: 1 });
    expect(r.items).toBe(11);
    expect(r.counts).toEqual({ a: 6, b: 2, tie: 2, unparsed: 1 });
    // 6 of the 8 decided; Wilson 95% for 6/8 is [0.409, 0.929].
    expect(r.winRateA).toMatchObject({ rate: 0.75, decided: 8, ...wilsonInterval(6, 8) });
    expect(r.winRateA!.low).toBeCloseTo(0.4093, 3);
    expect(r.winRateA!.high).toBeCloseTo(0.9285, 3);
    // (6 + 2/2) / (6 + 2 + 2) = 0.7: the unreadable one is not counted.
    expect(r.winRateWithTiesAsHalf).toBeCloseTo(0.7, 12);
  });

  it("only ties: no win rate, half with ties as half; nothing read: neither", () => {
    expect(winRate({ a: 0, b: 0, tie: 3, unparsed: 0 })).toMatchObject({ items: 3, winRateA: null, winRateWithTiesAsHalf: 0.5 });
    expect(winRate({ a: 0, b: 0, tie: 0, unparsed: 4 })).toMatchObject({ items: 4, winRateA: null, winRateWithTiesAsHalf: null });
  });

  it("a clean sweep: rate 1 with an interval that stays below 1 at its low end", () => {
    const sweep = winRate({ a: 5, b: 0, tie: 0, unparsed: 0 });
    expect(sweep.winRateA).toMatchObject({ rate: 1, decided: 5, high: 1 });
    // Wilson 95% for 5/5: low = 5 / (5 + 3.84) = 0.566.
    expect(sweep.winRateA!.low).toBeCloseTo(0.5655, 3);
  });
});

describe("bestOfNAccuracy", () => {
  it("the share of labelled items whose labelled best the judge ranked first; no ranking counts as a miss", () => {
    const r = bestOfNAccuracy([
      { best: 2, ranked: 2 },
      { best: 0, ranked: 1 },
      { best: 1, ranked: null },
      { best: 3, ranked: 3 },
    ]);
    expect(r).toMatchObject({ agree: 2, items: 4, rate: 0.5, ...wilsonInterval(2, 4) });
  });

  it("no labelled items: null", () => {
    expect(bestOfNAccuracy([])).toBeNull();
  });
});
