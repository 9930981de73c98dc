// The strict parsers shared by the pipeline and SimJudge: verdicts, worse responses, categories.
import { describe, expect, it } from "vitest";
import { parseCategory } from "@/lib/pipeline/parse-category";
import { parseVerdict, verdictSpan } from "@/lib/pipeline/parse-verdict";
import { parseWorseResponse } from "@/lib/pipeline/parse-worse-response";

describe("parseVerdict", () => {
  it.each([
    ["Plan... Assistant A is better.\n\n[[A]]", { verdict: "A", status: "ok" }],
    ["[[B]]", { verdict: "B", status: "ok" }],
    ["final: [[ b ]]", { verdict: "B", status: "ok" }],
    ['My verdict is "[[A]]".', { verdict: "A", status: "ok" }],
    ["Output [[A]] if A is better or [[B]] if B is better. I pick [[B]].", { verdict: null, status: "both" }],
    ["It is a tie: [[C]]", { verdict: null, status: "tie" }],
    ["Final verdict: Assistant A", { verdict: null, status: "missing" }],
    ["My verdict is **A**. [A]", { verdict: null, status: "missing" }],
    ["", { verdict: null, status: "missing" }],
  ])("reads %j", (text, expected) => {
    expect(parseVerdict(text)).toEqual(expected);
  });

  it("locates the last verdict marker for highlighting", () => {
    const text = "reasoning\n\n[[A]]";
    expect(verdictSpan(text)).toEqual({ start: text.length - 5, end: text.length });
    expect(verdictSpan("nothing")).toBeNull();
  });
});

describe("parseWorseResponse", () => {
  it("reads both sections", () => {
    expect(parseWorseResponse("<modified_instruction>\nDo Y\n</modified_instruction>\n<response>\nAnswer to Y\n</response>")).toEqual({
      ok: true,
      modifiedInstruction: "Do Y",
      response: "Answer to Y",
    });
  });

  it.each([
    ["<response>r</response>", "missing_section"],
    ["<modified_instruction>x</modified_instruction>", "missing_section"],
    ["<modified_instruction>x</modified_instruction><response>cut off mid-sent", "unterminated_section"],
    ["<modified_instruction>  </modified_instruction><response>r</response>", "empty_section"],
    ["<response>r</response><modified_instruction>x</modified_instruction>", "out_of_order"],
    ["<modified_instruction>x</modified_instruction><response>r</response><response>again</response>", "repeated_section"],
  ])("refuses %j as %s", (text, reason) => {
    expect(parseWorseResponse(text)).toMatchObject({ ok: false, reason });
  });
});

describe("parseCategory", () => {
  const categories = ["Coding", "Math reasoning", "Creative writing"];
  it.each([
    ["Category: Coding", "Coding"],
    ["category: math reasoning", "Math reasoning"],
    ["**Category:** Creative Writing.", "Creative writing"],
    ["Sure!\nCategory: coding", "Coding"],
    ["Category: Cooking", null],
    ["Coding", null],
  ])("reads %j", (text, expected) => {
    expect(parseCategory(text, categories)).toBe(expected);
  });
});

describe("parser edge cases", () => {
  it("treat a verdict quoted from the instructions next to the real one as no verdict", () => {
    expect(parseVerdict('The format asks for "[[A]]" or "[[B]]". Here, [[A]].').status).toBe("both");
  });

  it("read a verdict split by whitespace inside the brackets, not one missing a bracket", () => {
    expect(parseVerdict("[[\tB ]]").verdict).toBe("B");
    expect(parseVerdict("[[A]").status).toBe("missing");
    expect(parseVerdict("[A]]").status).toBe("missing");
  });

  it("see a truncated trace (no verdict yet) as unparsed", () => {
    expect(parseVerdict("Evaluation plan: first check coverage. Assistant A covers").status).toBe("missing");
  });

  it("read worse-response sections whatever surrounds them, and refuse missing delimiters", () => {
    expect(
      parseWorseResponse("Sure! Here you go:\n<modified_instruction>\nX\n</modified_instruction>\n\n<response>\nY\n</response>\nDone."),
    ).toMatchObject({ ok: true, modifiedInstruction: "X", response: "Y" });
    expect(parseWorseResponse("Modified instruction: X\nResponse: Y")).toMatchObject({ ok: false, reason: "missing_section" });
  });
});
