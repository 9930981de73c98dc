// The run config schema: paper defaults, presets valid, prompts validated by placeholders, errors by field.
import { describe, expect, it } from "vitest";
import { JUDGE_PROMPT } from "@/lib/pipeline/prompts";
import { runConfigSchema, trainingRound } from "@/lib/pipeline/run-config";
import { demoPreset, paperMajorityVotePreset, paperPreset, presetConfig, PRESETS, ramRecipePreset } from "@/lib/pipeline/run-presets";
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

  it("refuses majority vote at temperature 0: every vote would be the same", () => {
    const demo = demoPreset();
    const errors = errorsOf({ ...demo, evaluation: { ...demo.evaluation, samples: 5, temperature: 0 } });
    expect(errors["evaluation.temperature"]).toBe("Majority vote needs a temperature above 0 (at 0 every sample is the same answer)");
    expect(errorsOf({ ...demo, evaluation: { ...demo.evaluation, samples: 5, temperature: 0.7 } })).toEqual({});
    expect(errorsOf({ ...demo, evaluation: { ...demo.evaluation, samples: 1, temperature: 0 } })).toEqual({});
  });

  it("records the verdict rules, the paper's by default (RAM's rule for training and evaluation)", () => {
    const demo = runConfigSchema.parse({ ...demoPreset(), judging: { samples: 4 }, evaluation: { datasets: [] } });
    expect(demo.judging.verdictRule).toBe("ram");
    expect(demo.evaluation.verdictRule).toBe("ram");
    expect(errorsOf({ ...demoPreset(), judging: { samples: 4, verdictRule: "regex" } })["judging.verdictRule"]).toBeTruthy();
  });

  it("gives each round its method and base: the schedule first, then training.method and training.base", () => {
    const config = runConfigSchema.parse({ ...demoPreset(), training: { method: "sft", trainer: { kind: "manual" } } });
    expect(config.training.base).toBe("seed"); // the paper: the base model again every round
    expect(config.training.baseModel).toBeNull();
    expect(trainingRound(config, 0)).toEqual({ method: "sft", base: "seed" });
    const ram = runConfigSchema.parse({ ...ramRecipePreset({ pool: "pool" }) });
    expect(trainingRound(ram, 0)).toEqual({ method: "sft", base: "seed" });
    expect(trainingRound(ram, 1)).toEqual({ method: "dpo", base: "previous" });
    const partial = runConfigSchema.parse({
      ...demoPreset(),
      training: { method: "dpo", base: "previous", schedule: [{ method: "sft" }], trainer: { kind: "manual" } },
    });
    expect(trainingRound(partial, 0)).toEqual({ method: "sft", base: "previous" });
    expect(trainingRound(partial, 2)).toEqual({ method: "dpo", base: "previous" });
  });

  it("refuses a schedule longer than the run, and DPO rounds with the in-context trainer", () => {
    const demo = demoPreset();
    expect(
      errorsOf({ ...demo, iterations: 1, training: { ...demo.training, schedule: [{ method: "sft" }, { method: "dpo" }] } })[
        "training.schedule"
      ],
    ).toBe("The schedule has 2 rounds but the run trains 1 judge");
    expect(
      errorsOf({ ...demo, training: { method: "sft", schedule: [{ method: "dpo" }], trainer: { kind: "in_context", demonstrations: 4 } } })[
        "training.schedule.0.method"
      ],
    ).toMatch(/SFT/);
  });

  it("has the paper's presets as the paper and RAM describe them", () => {
    for (const name of PRESETS) expect(runConfigSchema.safeParse(presetConfig(name, { pool: "pool" })).success, name).toBe(true);
    const paper = runConfigSchema.parse(paperPreset({ pool: "pool" }));
    expect(paper.generator.model).toBe("mistralai/Mixtral-8x22B-Instruct-v0.1");
    expect(paper.judge.model).toBe(paper.generator.model); // Mixtral makes the first judgments
    expect(paper.training.baseModel?.model).toBe("meta-llama/Meta-Llama-3-70B-Instruct"); // the model trained
    expect(paper.training.base).toBe("seed");
    expect(paper.instructions).toMatchObject({ keep: ["Reasoning"], count: 20_582 });
    expect(paper.iterations).toBe(5);
    expect(paper.judging).toMatchObject({ temperature: 0.7, topP: 0.9, maxTokens: 4096, bothOrders: true });
    const vote = runConfigSchema.parse(paperMajorityVotePreset({ pool: "pool" }));
    expect(vote.evaluation).toMatchObject({ samples: 32, temperature: 0.7, topP: 0.9 });
    const ram = runConfigSchema.parse(ramRecipePreset({ pool: "pool" }));
    expect(ram.iterations).toBe(2);
    expect(ram.training.schedule).toEqual([
      { method: "sft", base: "seed" },
      { method: "dpo", base: "previous" },
    ]);
    expect(ram.evaluation.verdictRule).toBe("rewardbench");
  });
});
