// JudgeBench scoring by the official rules, on the hand-worked example of the issue 17 spec
// (section 2) and the decision cases of the two-game rule.
import { describe, expect, it } from "vitest";
import { JUDGEBENCH_CATEGORIES, judgeBenchPairOutcome, judgeBenchScores, type JudgeBenchDecision } from "@/lib/metrics/judgebench";

const SPEC_PAIRS: { id: string; source: string; label: "A>B" | "B>A"; game1: JudgeBenchDecision; game2Raw: JudgeBenchDecision }[] = [
  { id: "p1", source: "mmlu-pro-math", label: "A>B", game1: "A>B", game2Raw: "B>A" },
  { id: "p2", source: "livebench-reasoning", label: "B>A", game1: "A>B", game2Raw: "A>B" },
  { id: "p3", source: "livebench-math", label: "A>B", game1: "A=B", game2Raw: "B>A" },
  { id: "p4", source: "livecodebench", label: "B>A", game1: null, game2Raw: "B>A" },
  { id: "p5", source: "mmlu-pro-law", label: "A>B", game1: "A>B", game2Raw: "A=B" },
];

describe("judgeBenchPairOutcome", () => {
  it("gives the spec's outcomes for p1..p5 in two-game mode", () => {
    expect(SPEC_PAIRS.map((p) => judgeBenchPairOutcome(p.label, p.game1, p.game2Raw))).toEqual([
      "correct",
      "tie",
      "correct",
      "incorrect",
      "correct",
    ]);
  });

  it("flips game 2 back: the same raw decision in both games is inconsistent, a tie", () => {
    expect(judgeBenchPairOutcome("A>B", "A>B", "A>B")).toBe("tie");
    expect(judgeBenchPairOutcome("B>A", "B>A", "A>B")).toBe("correct");
    expect(judgeBenchPairOutcome("B>A", "A>B", "B>A")).toBe("incorrect");
  });

  it("counts A=B and null as neither for nor against the label", () => {
    expect(judgeBenchPairOutcome("A>B", "A=B", "A=B")).toBe("tie");
    expect(judgeBenchPairOutcome("A>B", null, null)).toBe("tie");
    expect(judgeBenchPairOutcome("A>B", null, "A=B")).toBe("tie");
    expect(judgeBenchPairOutcome("A>B", null, "B>A")).toBe("correct");
    expect(judgeBenchPairOutcome("A>B", "B>A", null)).toBe("incorrect");
    expect(judgeBenchPairOutcome("B>A", "A=B", "B>A")).toBe("incorrect");
  });

  it("in single-game mode is correct iff game 1 equals the label", () => {
    expect(judgeBenchPairOutcome("A>B", "A>B", undefined)).toBe("correct");
    expect(judgeBenchPairOutcome("A>B", "B>A", undefined)).toBe("incorrect");
    expect(judgeBenchPairOutcome("A>B", "A=B", undefined)).toBe("incorrect");
    expect(judgeBenchPairOutcome("B>A", null, undefined)).toBe("incorrect");
  });
});

describe("judgeBenchScores", () => {
  it("reproduces the spec's example: overall 0.6 as a micro average, mmlu-pro-math in Knowledge", () => {
    const result = judgeBenchScores(
      SPEC_PAIRS.map((p) => ({ source: p.source, outcome: judgeBenchPairOutcome(p.label, p.game1, p.game2Raw) })),
    );
    expect(result.overall).toBe(0.6);
    expect(result.categories).toEqual([
      { name: "Knowledge", prefix: "mmlu-pro", pairs: 2, correct: 2, accuracy: 1 },
      { name: "Reasoning", prefix: "livebench-reasoning", pairs: 1, correct: 0, accuracy: 0 },
      { name: "Math", prefix: "livebench-math", pairs: 1, correct: 1, accuracy: 1 },
      { name: "Coding", prefix: "livecodebench", pairs: 1, correct: 0, accuracy: 0 },
    ]);
  });

  it("reproduces the spec's single-game score of 0.4", () => {
    const result = judgeBenchScores(
      SPEC_PAIRS.map((p) => ({ source: p.source, outcome: judgeBenchPairOutcome(p.label, p.game1, undefined) })),
    );
    expect(result.overall).toBe(0.4);
  });

  it("gives null accuracy for an empty category and a null overall with no pairs", () => {
    const result = judgeBenchScores([{ source: "livecodebench", outcome: "correct" }]);
    expect(result.overall).toBe(1);
    expect(result.categories.find((c) => c.name === "Knowledge")).toEqual({
      name: "Knowledge",
      prefix: "mmlu-pro",
      pairs: 0,
      correct: 0,
      accuracy: null,
    });
    expect(judgeBenchScores([]).overall).toBeNull();
  });

  it("counts a pair with an unknown source in overall only", () => {
    const result = judgeBenchScores([
      { source: "other", outcome: "correct" },
      { source: "livebench-math", outcome: "tie" },
    ]);
    expect(result.overall).toBe(0.5);
    expect(result.categories.reduce((sum, c) => sum + c.pairs, 0)).toBe(1);
  });

  it("maps the four display names to their source prefixes", () => {
    expect(JUDGEBENCH_CATEGORIES).toEqual({
      Knowledge: "mmlu-pro",
      Reasoning: "livebench-reasoning",
      Math: "livebench-math",
      Coding: "livecodebench",
    });
  });
});
