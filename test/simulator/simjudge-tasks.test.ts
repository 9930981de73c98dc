// SimJudge over HTTP: answers each of the pipeline's prompts in a format the pipeline's parsers
// accept, recognizes tasks by structure (edited prompts still work), and is deterministic by seed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCategory } from "@/lib/pipeline/parse-category";
import { parseVerdict } from "@/lib/pipeline/parse-verdict";
import { parseWorseResponse } from "@/lib/pipeline/parse-worse-response";
import { ANSWER_PROMPT, CATEGORY_PROMPT, fillTemplate, JUDGE_PROMPT, WORSE_RESPONSE_PROMPT } from "@/lib/pipeline/prompts";
import { keyTerms } from "@/lib/simulator/text-features";
import { clientFor, startSimJudge, type TestSimJudge } from "../helpers/simjudge";

let sim: TestSimJudge;
beforeAll(async () => {
  sim = await startSimJudge();
});
afterAll(async () => {
  await sim.close();
});

const instruction = "Explain how database indexing speeds up queries on large customer tables.";
const user = (content: string) => [{ role: "user" as const, content }];

describe("SimJudge answers the pipeline's prompts", () => {
  it("lists its base model", async () => {
    const models = await (await fetch(`${sim.url}/models`)).json();
    expect(models.data.map((m: { id: string }) => m.id)).toContain("simjudge-base");
  });

  it("answers an instruction with text that reuses its key terms", async () => {
    const result = await clientFor(sim.url).chat({
      model: "simjudge-base",
      messages: user(fillTemplate(ANSWER_PROMPT, { instruction })),
      seed: 1,
    });
    const answer = result.samples[0]!.text;
    const covered = [...keyTerms(instruction)].filter((term) => keyTerms(answer).has(term));
    expect(covered.length / keyTerms(instruction).size).toBeGreaterThanOrEqual(0.6);
    expect(result.usage.promptTokens).toBeGreaterThan(0);
    expect(result.usage.completionTokens).toBeGreaterThan(0);
  });

  it("writes a modified instruction and an answer to it that parse, mostly", async () => {
    const client = clientFor(sim.url);
    const prompt = fillTemplate(WORSE_RESPONSE_PROMPT, { instruction, response: "A first answer to the question." });
    const result = await client.chat({ model: "simjudge-base", messages: user(prompt), n: 50, seed: 3, temperature: 1 });
    const parsed = result.samples.map((sample) => parseWorseResponse(sample.text));
    const ok = parsed.filter((p) => p.ok);
    expect(ok.length).toBeGreaterThanOrEqual(44); // a few malformed on purpose, like real models
    for (const p of ok) {
      if (!p.ok) continue;
      expect(p.modifiedInstruction).not.toBe(instruction);
      // Similar but different: it keeps some of the original's key terms and swaps others.
      const kept = [...keyTerms(instruction)].filter((term) => keyTerms(p.modifiedInstruction).has(term));
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(keyTerms(instruction).size);
    }
  });

  it("answers the category prompt with one of the listed categories", async () => {
    const categories = ["Coding", "Math", "Advice", "Knowledge"];
    const prompt = fillTemplate(CATEGORY_PROMPT, {
      categories: categories.map((c) => `- ${c}: questions about ${c.toLowerCase()}`).join("\n"),
      instruction: "Write a Python function that reverses a string.",
    });
    const result = await clientFor(sim.url).chat({ model: "simjudge-base", messages: user(prompt), seed: 1 });
    expect(parseCategory(result.samples[0]!.text, categories)).toBe("Coding");
  });

  it("judges with a trace that ends in a parseable verdict", async () => {
    const prompt = fillTemplate(JUDGE_PROMPT, {
      instruction,
      response_a: "Indexes speed up queries on customer tables.",
      response_b: "Volcanoes erupt when pressure builds.",
    });
    const result = await clientFor(sim.url).chat({
      model: "simjudge-base",
      messages: user(prompt),
      n: 20,
      seed: 5,
      temperature: 0.7,
      topP: 0.9,
    });
    const verdicts = result.samples.map((sample) => parseVerdict(sample.text, "ram"));
    expect(verdicts.filter((v) => v.status === "ok").length).toBeGreaterThanOrEqual(16);
    expect(result.samples[0]!.text).toMatch(/Evaluation plan/);
    expect(result.samples[0]!.text).toMatch(/key points/);
  });

  it("recognizes an edited judge prompt by its delimiters, not its wording", async () => {
    const edited = JUDGE_PROMPT.replace(
      /Act as a fair[\s\S]*?\[User Question\]/,
      "Which reply is better? Say [[A]] or [[B]].\n\n[User Question]",
    );
    const prompt = fillTemplate(edited, { instruction, response_a: "a", response_b: "b" });
    const result = await clientFor(sim.url).chat({ model: "simjudge-base", messages: user(prompt), seed: 2, temperature: 0 });
    expect(["A", "B"]).toContain(parseVerdict(result.samples[0]!.text, "ram").verdict);
  });
});

describe("SimJudge sampling", () => {
  const prompt = fillTemplate(JUDGE_PROMPT, {
    instruction,
    response_a: "Indexes help queries.",
    response_b: "Tables hold customers and indexing speeds large queries.",
  });

  it("gives the same output for the same request, seed and sample index", async () => {
    const client = clientFor(sim.url);
    const first = await client.chat({ model: "simjudge-base", messages: user(prompt), n: 4, seed: 42, temperature: 1 });
    const second = await client.chat({ model: "simjudge-base", messages: user(prompt), n: 4, seed: 42, temperature: 1 });
    expect(second.samples.map((s) => s.text)).toEqual(first.samples.map((s) => s.text));
    const other = await client.chat({ model: "simjudge-base", messages: user(prompt), n: 4, seed: 43, temperature: 1 });
    expect(other.samples.map((s) => s.text)).not.toEqual(first.samples.map((s) => s.text));
  });

  it("returns N distinct samples for n = N", async () => {
    const result = await clientFor(sim.url).chat({ model: "simjudge-base", messages: user(prompt), n: 8, seed: 9, temperature: 1 });
    expect(result.samples).toHaveLength(8);
    expect(new Set(result.samples.map((s) => s.text)).size).toBeGreaterThan(1);
  });

  it("cuts output at max_tokens and says so", async () => {
    const result = await clientFor(sim.url).chat({ model: "simjudge-base", messages: user(prompt), maxTokens: 10, seed: 1 });
    expect(result.samples[0]!.truncated).toBe(true);
    expect(result.samples[0]!.finishReason).toBe("length");
    expect(result.samples[0]!.text.length).toBeLessThanOrEqual(40);
  });

  it("refuses unknown models and bad requests in OpenAI's error format", async () => {
    const missing = await fetch(`${sim.url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-9", messages: user("hi") }),
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("model_not_found");
    const bad = await fetch(`${sim.url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "simjudge-base", messages: [], n: 0 }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/messages|n/);
  });
});
