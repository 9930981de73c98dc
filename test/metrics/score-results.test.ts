// Scoring a results file produced elsewhere (the CLI's score command) on constructed lines.
import { describe, expect, it } from "vitest";
import { ResultsError, scoreResultLines } from "@/lib/metrics";

const line = (value: object) => JSON.stringify(value);

describe("scoreResultLines", () => {
  it("combines k lines per id by majority vote and scores subsets and sections", () => {
    const report = scoreResultLines([
      // item 1: chosen, chosen, rejected -> 1
      line({ id: 1, subset: "llmbar-natural", verdict: "chosen" }),
      line({ id: 1, subset: "llmbar-natural", verdict: "chosen" }),
      line({ id: 1, subset: "llmbar-natural", verdict: "rejected" }),
      // item 2: chosen, rejected, error -> draw -> 0.5
      line({ id: 2, subset: "llmbar-natural", verdict: "chosen" }),
      line({ id: 2, subset: "llmbar-natural", verdict: "rejected" }),
      line({ id: 2, subset: "llmbar-natural", verdict: "error" }),
      // item 3: one numeric score -> taken as is
      line({ id: 3, subset: "llmbar-natural", score: 0.25 }),
      // item 4: tie only -> 0.5
      line({ id: "4", subset: "alpacaeval-easy", verdict: "tie" }),
      "",
    ]);
    // llmbar-natural: (1 + 0.5 + 0.25) / 3 = 0.58333; alpacaeval-easy: 0.5.
    expect(report.items).toBe(4);
    expect(report.judgments).toBe(8);
    expect(report.subsets.find((s) => s.subset === "llmbar-natural")!.accuracy).toBeCloseTo(1.75 / 3, 12);
    expect(report.sections.find((s) => s.section === "Chat")!.score).toBe(0.5);
    expect(report.overall).toBeCloseTo((0.5 + 1.75 / 3) / 2, 12);
    expect(report.partialSections).toEqual(["Chat", "Chat Hard"]);
    expect(report.missingSubsets).toContain("math-prm");
  });

  it("refuses bad lines naming the line and the field, and scores nothing", () => {
    let error: unknown;
    try {
      scoreResultLines([
        line({ id: 1, subset: "a", verdict: "chosen" }),
        "{nope",
        line({ id: 2, subset: "a", verdict: "maybe" }),
        line({ id: 3, verdict: "chosen" }),
        line({ id: 4, subset: "a", score: 2 }),
        line({ id: 1, subset: "b", verdict: "chosen" }),
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ResultsError);
    const problems = (error as ResultsError).problems;
    expect(problems).toEqual([
      { line: 2, field: "(line)", message: "not valid JSON" },
      { line: 3, field: "verdict", message: 'verdict must be "chosen", "rejected", "tie" or "error"' },
      { line: 4, field: "subset", message: "subset must be a text" },
      { line: 5, field: "score", message: "score must be in [0, 1]" },
      { line: 6, field: "subset", message: 'id 1 was in subset "a" on an earlier line' },
    ]);
  });
});
