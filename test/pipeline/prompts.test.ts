// The judge and worse-response prompts say what the reference's prompts say (RAM's eval_plan.prompt
// and worse_response.prompt, restated in our words): checked step by step, with the placeholders
// each must fill, and SimJudge still recognizes both.
import { describe, expect, it } from "vitest";
import { fillTemplate, JUDGE_PROMPT, placeholdersOf, WORSE_RESPONSE_PROMPT } from "@/lib/pipeline/prompts";
import { detectTask } from "@/lib/simulator/tasks";

describe("the judge prompt", () => {
  const prompt = JUDGE_PROMPT;
  const position = (pattern: RegExp) => prompt.search(pattern);

  it("asks, in this order, for errors in each answer, a rubric of 1-5 criteria, a check against it, then a decision", () => {
    const steps = [/mistakes it makes, whether obvious or subtle/, /one to five criteria/, /against every criterion/, /better overall/];
    const at = steps.map(position);
    for (const index of at) expect(index).toBeGreaterThan(-1);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("tells the judge to ignore order, length and names, and to end with [[A]] or [[B]]", () => {
    expect(prompt).toMatch(/order in which the answers are shown must not affect/);
    expect(prompt).toMatch(/nor may\s+their length, nor the names of the assistants/);
    expect(prompt).toMatch(/"\[\[A\]\]" if\s+assistant A is better, "\[\[B\]\]" if assistant B is better/);
    expect(placeholdersOf(prompt)).toEqual(["instruction", "response_a", "response_b"]);
  });

  it("is read by SimJudge as a judge request", () => {
    const filled = fillTemplate(prompt, { instruction: "What is 2+2?", response_a: "4", response_b: "5" });
    expect(detectTask([{ role: "user", content: filled }])).toMatchObject({
      kind: "judge",
      question: "What is 2+2?",
      responseA: "4",
      responseB: "5",
    });
  });
});

describe("the worse-response prompt", () => {
  it("shows the instruction and the good response, then asks for a close but different instruction and an answer to it", () => {
    expect(placeholdersOf(WORSE_RESPONSE_PROMPT)).toEqual(["instruction", "response"]);
    expect(WORSE_RESPONSE_PROMPT.indexOf("{instruction}")).toBeLessThan(WORSE_RESPONSE_PROMPT.indexOf("{response}"));
    expect(WORSE_RESPONSE_PROMPT).toMatch(/highly relevant to the original one/);
    expect(WORSE_RESPONSE_PROMPT).toMatch(/not mean the same thing/);
    expect(WORSE_RESPONSE_PROMPT).toMatch(/not a good answer to the original one/);
  });

  it("is read by SimJudge as a worse-response request, with the instruction (not the answer) as its subject", () => {
    const filled = fillTemplate(WORSE_RESPONSE_PROMPT, {
      instruction: "Explain recursion in Python.",
      response: "Recursion is when a function calls itself.",
    });
    expect(detectTask([{ role: "user", content: filled }])).toEqual({
      kind: "worse_response",
      instruction: "Explain recursion in Python.",
    });
  });
});
