// The strict parsers shared by the pipeline and SimJudge: verdicts, worse responses, categories.
import { describe, expect, it } from "vitest";
import { parseCategory } from "@/lib/pipeline/parse-category";
import { parseVerdict, VERDICT_RULES, verdictMarkerSpan } from "@/lib/pipeline/parse-verdict";
import { parseWorseResponse } from "@/lib/pipeline/parse-worse-response";

// One table of edge cases, each with what every rule reads, written from the rules themselves:
// RAM's parse_judgement (exact tags, both = none, [[C]] = tie), RewardBench's process_judgement
// ([[A]] anywhere wins, then [[B]], else error), and the lenient rule (case and spaces, [[TIE]]).
type Read = "A" | "B" | "tie" | "both" | "none";
const VERDICT_CASES: { name: string; text: string; ram: Read; rewardbench: Read; lenient: Read }[] = [
  { name: "a plain A", text: "Plan... Assistant A is better.\n\n[[A]]", ram: "A", rewardbench: "A", lenient: "A" },
  { name: "a plain B", text: "[[B]]", ram: "B", rewardbench: "B", lenient: "B" },
  { name: "both tags", text: "[[A]] and [[B]]", ram: "both", rewardbench: "A", lenient: "both" },
  { name: "no tag", text: "Final verdict: Assistant A", ram: "none", rewardbench: "none", lenient: "none" },
  { name: "empty text", text: "", ram: "none", rewardbench: "none", lenient: "none" },
  { name: "lower case", text: "final: [[b]]", ram: "none", rewardbench: "none", lenient: "B" },
  { name: "inner spaces", text: "final: [[ B ]]", ram: "none", rewardbench: "none", lenient: "B" },
  { name: "a tab inside", text: "[[\tA ]]", ram: "none", rewardbench: "none", lenient: "A" },
  { name: "[[C]]", text: "It is a tie: [[C]]", ram: "tie", rewardbench: "none", lenient: "tie" },
  { name: "[[TIE]]", text: "Equally good. [[TIE]]", ram: "none", rewardbench: "none", lenient: "tie" },
  {
    name: "the format quoted before a B verdict",
    text: 'I must output "[[A]]" if A is better, "[[B]]" if B is better. B covers more. [[B]]',
    ram: "both",
    rewardbench: "A",
    lenient: "both",
  },
  { name: "trailing text after the verdict", text: "[[B]]\n\nI hope this helps!", ram: "B", rewardbench: "B", lenient: "B" },
  { name: "A with a tie tag", text: "[[C]] at first, but [[A]]", ram: "A", rewardbench: "A", lenient: "A" },
  { name: "other brackets", text: "My verdict is **A**. [A]", ram: "none", rewardbench: "none", lenient: "none" },
  { name: "a bracket missing", text: "[[A] or [B]]", ram: "none", rewardbench: "none", lenient: "none" },
];

const readAs = (parsed: ReturnType<typeof parseVerdict>): Read =>
  parsed.status === "ok" ? parsed.verdict : parsed.status === "missing" ? "none" : parsed.status;

describe("parseVerdict", () => {
  for (const rule of VERDICT_RULES) {
    it.each(VERDICT_CASES)(`${rule}: $name`, (testCase) => {
      expect(readAs(parseVerdict(testCase.text, rule))).toBe(testCase[rule]);
    });
  }

  it("locates the marker of a verdict for highlighting", () => {
    const text = "reasoning [[A]]\n\n[[A]]";
    expect(verdictMarkerSpan(text, "A")).toEqual({ start: text.length - 5, end: text.length });
    expect(verdictMarkerSpan("[[ a ]]", "A")).toEqual({ start: 0, end: 7 });
    expect(verdictMarkerSpan("[[A]] [[B]]", "A")).toEqual({ start: 0, end: 5 });
    expect(verdictMarkerSpan("[[A]]", "B")).toBeNull();
    expect(verdictMarkerSpan("nothing", "A")).toBeNull();
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
  it("see a truncated trace (no verdict yet) as unparsed, by every rule", () => {
    for (const rule of VERDICT_RULES)
      expect(parseVerdict("Evaluation plan: first check coverage. Assistant A covers", rule).status).toBe("missing");
  });

  it("read worse-response sections whatever surrounds them, and refuse missing delimiters", () => {
    expect(
      parseWorseResponse("Sure! Here you go:\n<modified_instruction>\nX\n</modified_instruction>\n\n<response>\nY\n</response>\nDone."),
    ).toMatchObject({ ok: true, modifiedInstruction: "X", response: "Y" });
    expect(parseWorseResponse("Modified instruction: X\nResponse: Y")).toMatchObject({ ok: false, reason: "missing_section" });
  });
});
