// The run config schema: paper defaults, presets valid, prompts validated by placeholders, errors by field.
import { describe, expect, it } from "vitest";
import { JUDGE_PROMPT } from "@/lib/pipeline/prompts";
import { runConfigSchema } from "@/lib/pipeline/run-config";
import { demoPreset, paperPreset } from "@/lib/pipeline/run-presets";
import { fieldErrorsOf } from "@/lib/validation";

const errorsOf = (input: unknown) => {
  const result = runConfigSchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
};

describe("run config", () => {
  it("accepts both presets and fills the paper's defaults", () => {
    const demo = runConfigSchema.parse(demoPreset());
    expect(demo.judging).toMatchObject({ temperature: 0.7, topP: 0.9, maxTokens: 4096 });
    expect(demo.evaluation).toMatchObject({ protocol: "random-order", samples: 1, temperature: 0 });
    expect(demo.prompts.judge).toBe(JUDGE_PROMPT);
    expect(runConfigSchema.safeParse({ ...paperPreset(), instructions: { ...paperPreset().instructions, dataset: "pool" } }).success).toBe(
      true,
    );
  });

  it("names the field of each problem", () => {
    const demo = demoPreset();
    const errors = errorsOf({
      ...demo,
      iterations: -1,
      judging: { ...demo.judging, samples: 0 },
      instructions: { ...demo.instructions, keep: ["Cooking"] },
      extra: 1,
    });
    expect(errors.iterations).toBe("At least 0 iterations (0 scores the seed judge only)");
    expect(errors["judging.samples"]).toMatch(/At least 1/);
    expect(errors["instructions.keep.0"]).toMatch(/"Cooking" is not one of the categories/);
    expect(errors["(input)"]).toMatch(/extra/);
  });

  it("refuses prompts that drop or invent placeholders", () => {
    const demo = demoPreset();
    const missing = errorsOf({ ...demo, prompts: { judge: "Judge {instruction} and {response_a}." } });
    expect(missing["prompts.judge"]).toMatch(/must use \{response_b\}/);
    const unknown = errorsOf({ ...demo, prompts: { answer: "{instruction} {persona}" } });
    expect(unknown["prompts.answer"]).toMatch(/unknown \{persona\}/);
  });

  it("refuses DPO with the in-context trainer", () => {
    const demo = demoPreset();
    expect(
      errorsOf({ ...demo, training: { method: "dpo", trainer: { kind: "in_context", demonstrations: 4 } } })["training.method"],
    ).toMatch(/SFT/);
  });
});
