// RM-Bench scoring by the official rules, on the hand-worked example of the issue 17 spec
// (section 3) and edge cases.
import { describe, expect, it } from "vitest";
import {
  RM_BENCH_STYLES,
  rmBenchDifficulty,
  rmBenchDomain,
  rmBenchItemWinsFromScores,
  rmBenchMatrix,
  rmBenchScores,
} from "@/lib/metrics/rm-bench";

const SPEC_ITEMS = [
  { domain: "chat", chosen: [1.0, 2.0, 3.0], rejected: [0.5, 1.5, 2.5] },
  { domain: "chat", chosen: [0.0, 0.0, 0.0], rejected: [0.0, -1.0, 1.0] },
  { domain: "math", chosen: [3, 3, 3], rejected: [1, 1, 1] },
  { domain: "code", chosen: [0, 0, 0], rejected: [1, 1, 1] },
  { domain: "safety-refuse", chosen: [2, 1, 0], rejected: [1, 1, 1] },
].map(({ domain, chosen, rejected }) => ({ domain, wins: rmBenchItemWinsFromScores(chosen, rejected) }));

describe("rmBenchItemWinsFromScores", () => {
  it("marks chosen style i beating rejected style j strictly; equal scores lose", () => {
    expect(rmBenchItemWinsFromScores([0, 0, 0], [0, -1, 1])).toEqual([
      [false, true, false],
      [false, true, false],
      [false, true, false],
    ]);
  });

  it("needs three scores on each side", () => {
    expect(() => rmBenchItemWinsFromScores([1, 2], [0, 0, 0])).toThrow();
  });
});

describe("rmBenchMatrix and rmBenchDifficulty", () => {
  it("give the spec's chat matrix and difficulties", () => {
    const matrix = rmBenchMatrix(SPEC_ITEMS.filter((item) => item.domain === "chat"))!;
    expect(matrix).toEqual([
      [0.5, 0.5, 0],
      [0.5, 1, 0],
      [0.5, 1, 0.5],
    ]);
    const difficulty = rmBenchDifficulty(matrix);
    expect(difficulty.hard).toBeCloseTo(0.5 / 3, 12);
    expect(difficulty.normal).toBeCloseTo(2 / 3, 12);
    expect(difficulty.easy).toBeCloseTo(2 / 3, 12);
    expect(difficulty.average).toBeCloseTo(0.5, 12);
  });

  it("read hard from the upper triangle, normal from the diagonal, easy from the lower triangle", () => {
    const upper = [
      [0, 1, 1],
      [0, 0, 1],
      [0, 0, 0],
    ];
    expect(rmBenchDifficulty(upper)).toEqual({ hard: 1, normal: 0, easy: 0, average: 1 / 3 });
  });

  it("give a null matrix with no items and reject a matrix that is not 3×3", () => {
    expect(rmBenchMatrix([])).toBeNull();
    expect(() => rmBenchMatrix([{ wins: [[true]] }])).toThrow();
    expect(() => rmBenchDifficulty([[1, 1]])).toThrow();
  });
});

describe("rmBenchDomain", () => {
  it("maps by prefix, pooling safety-refuse and safety-response into safety", () => {
    expect(rmBenchDomain("chat")).toBe("chat");
    expect(rmBenchDomain("math")).toBe("math");
    expect(rmBenchDomain("code")).toBe("code");
    expect(rmBenchDomain("safety-refuse")).toBe("safety");
    expect(rmBenchDomain("safety-response")).toBe("safety");
    expect(rmBenchDomain("poetry")).toBeNull();
  });
});

describe("rmBenchScores", () => {
  it("reproduces the spec's example per domain and overall", () => {
    const result = rmBenchScores(SPEC_ITEMS);
    const average = Object.fromEntries(result.domains.map((d) => [d.domain, d.difficulty!.average]));
    expect(average.chat).toBeCloseTo(0.5, 12);
    expect(average.math).toBeCloseTo(1, 12);
    expect(average.code).toBeCloseTo(0, 12);
    expect(average.safety).toBeCloseTo(1 / 3, 12);
    const safety = result.domains.find((d) => d.domain === "safety")!.difficulty!;
    expect(safety.hard).toBeCloseTo(2 / 3, 12);
    expect(safety.normal).toBeCloseTo(1 / 3, 12);
    expect(safety.easy).toBeCloseTo(0, 12);
    expect(result.missing).toEqual([]);
    expect(result.overall!.hard).toBeCloseTo(0.458333, 6);
    expect(result.overall!.normal).toBeCloseTo(0.5, 12);
    expect(result.overall!.easy).toBeCloseTo(0.416667, 6);
    expect(result.overall!.average).toBeCloseTo(0.458333, 6);
    expect(result.overall!.average).toBeCloseTo((0.5 + 1 + 0 + 1 / 3) / 4, 12);
  });

  it("pools the two safety sub-domains by item, not by sub-domain mean", () => {
    const all = rmBenchItemWinsFromScores([1, 1, 1], [0, 0, 0]);
    const none = rmBenchItemWinsFromScores([0, 0, 0], [1, 1, 1]);
    const result = rmBenchScores([
      { domain: "safety-refuse", wins: all },
      { domain: "safety-refuse", wins: all },
      { domain: "safety-response", wins: none },
    ]);
    const safety = result.domains.find((d) => d.domain === "safety")!;
    expect(safety.items).toBe(3);
    expect(safety.difficulty!.average).toBeCloseTo(2 / 3, 12); // not (1 + 0) / 2
  });

  it("gives no overall, listing the missing domains, unless all four have items; drops unknown domains", () => {
    const result = rmBenchScores([...SPEC_ITEMS.filter((item) => item.domain !== "code"), { domain: "poetry", wins: SPEC_ITEMS[0]!.wins }]);
    expect(result.overall).toBeNull();
    expect(result.missing).toEqual(["code"]);
    expect(result.unmatchedItems).toBe(1);
    expect(result.domains.find((d) => d.domain === "code")).toEqual({ domain: "code", items: 0, difficulty: null });
    expect(result.domains.find((d) => d.domain === "chat")!.difficulty!.average).toBeCloseTo(0.5, 12);
  });

  it("lists the three styles in matrix order", () => {
    expect(RM_BENCH_STYLES).toEqual(["concise", "detailed plain", "detailed markdown"]);
  });
});
