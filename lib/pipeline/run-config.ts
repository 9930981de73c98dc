/**
 * The run configuration: everything a Self-Taught Evaluator run needs, validated by zod and stored
 * as an immutable snapshot with the run (prompt texts included). Defaults follow the paper where
 * it says (judge sampling: temperature 0.7, top_p 0.9, max_tokens 4096; greedy evaluation).
 * Backends and datasets are referred to by name; the launch resolves them and records the ids.
 */
import { z } from "zod";
import { VERDICT_RULES } from "./parse-verdict";
import { samplingFields } from "./sampling";
import { ANSWER_PROMPT, CATEGORY_PROMPT, JUDGE_PROMPT, WORSE_RESPONSE_PROMPT } from "./prompts";
import { promptTemplateSchema } from "./prompts/template-schema";

const modelRef = (role: string) =>
  z
    .object({
      backend: z.string().trim().min(1, `Pick the ${role}'s backend`),
      model: z.string().trim().min(1, `Enter the ${role}'s model name`).max(300),
    })
    .strict();

const categorySchema = z
  .object({
    name: z.string().trim().min(1, "A category needs a name").max(80),
    description: z.string().trim().max(300).default(""),
  })
  .strict();

export const DEFAULT_CATEGORIES = [
  { name: "Coding", description: "writing, fixing or explaining code" },
  { name: "Math", description: "calculations, proofs, quantitative problems" },
  { name: "Reasoning", description: "logic, planning, analysis, comparisons" },
  { name: "Writing", description: "stories, emails, essays, rewriting text" },
  { name: "Advice", description: "recommendations, how-to help, personal questions" },
  { name: "Knowledge", description: "facts, definitions, explanations of a topic" },
];

const trainingMethodSchema = z.enum(["sft", "dpo"]);
const trainingBaseSchema = z.enum(["seed", "previous"]);

export const runConfigSchema = z
  .object({
    name: z.string().trim().min(1, "Give the run a name").max(120, "At most 120 characters"),
    seed: z
      .number({ error: "The seed must be a whole number" })
      .int("The seed must be a whole number")
      .min(0)
      .max(2 ** 31 - 1),
    /** Writes the good responses and the modified instructions with their answers. */
    generator: modelRef("generator"),
    /** The seed judge (iteration 0); later judges come from training. */
    judge: modelRef("judge"),
    instructions: z
      .object({
        dataset: z.string().trim().min(1, "Pick an instruction pool"),
        /** Categories the classifier chooses from; empty: no classification, a seeded sample of the pool. */
        categories: z.array(categorySchema).max(30, "At most 30 categories").default([]),
        /** Categories kept after classification (names from `categories`); empty: all of them. */
        keep: z.array(z.string().trim().min(1)).default([]),
        /** How many instructions the run uses. */
        count: z.number({ error: "Enter how many instructions to use" }).int().min(1, "Use at least 1 instruction").max(1_000_000),
        /** At most this many per category, for balance; null: no cap. */
        perCategoryCap: z.number().int().min(1).nullable().default(null),
        /** How many instructions are classified to choose from (a seeded sample of the pool); null: count x 3. */
        candidates: z.number().int().min(1).max(10_000_000).nullable().default(null),
      })
      .strict(),
    pairs: z
      .object({
        ...samplingFields({ temperature: 0.7, topP: 1, maxTokens: 2048 }),
        /** pool: the pool's own baseline response is y_w when it has one (as RAM starts from); generate: always ask the generator. */
        goodResponse: z.enum(["pool", "generate"]).default("pool"),
      })
      .strict()
      .prefault({}),
    judging: z
      .object({
        /** N sampled judgments per pair and order. */
        samples: z.number({ error: "Enter the number of samples" }).int().min(1, "At least 1 sample").max(64, "At most 64 samples"),
        bothOrders: z.boolean().default(true),
        // The paper's judge sampling (RAM README): temperature 0.7, top_p 0.9, 4,096 tokens.
        ...samplingFields({ temperature: 0.7, topP: 0.9, maxTokens: 4096 }),
        /** How a training judgment's verdict is read (see parse-verdict.ts). */
        verdictRule: z.enum(VERDICT_RULES).default("ram"),
      })
      .strict(),
    filter: z
      .object({
        /** one-correct: keep one correct trace per pair and order; majority: keep only where the share of correct samples reaches the threshold. */
        mode: z.enum(["one-correct", "majority"]).default("one-correct"),
        majorityThreshold: z.number().gt(0).max(1).default(0.5),
        /** Equal numbers of "A is better" and "B is better" examples. */
        balance: z.boolean().default(true),
        /** "wrong" keeps the wrong traces instead: an ablation that shows the filter matters. */
        keep: z.enum(["correct", "wrong"]).default("correct"),
      })
      .strict()
      .default({ mode: "one-correct", majorityThreshold: 0.5, balance: true, keep: "correct" }),
    training: z
      .object({
        /** The method of every training round, unless the schedule says otherwise. */
        method: trainingMethodSchema.default("sft"),
        /**
         * Which model each round fine-tunes: "seed" (the paper: the same base model every time, on
         * the data the current judge annotated) or "previous" (the last round's result, as RAM's
         * released SFT -> DPO recipe did). The first round always starts from the base model.
         */
        base: trainingBaseSchema.default("seed"),
        /** The model that is fine-tuned; null: the seed judge (iteration 0's model). */
        baseModel: modelRef("base model").nullable().default(null),
        /** Per round (the first entry trains judge 1): method and base, overriding the two above. */
        schedule: z
          .array(z.object({ method: trainingMethodSchema.optional(), base: trainingBaseSchema.optional() }).strict())
          .max(20)
          .default([]),
        /** DPO: at most this many (correct, incorrect) trace pairs per pair and order (RAM's num_pairs). */
        dpoPairsPerPrompt: z.number().int().min(1, "At least 1 pair per prompt").max(16, "At most 16 pairs per prompt").default(1),
        trainer: z.discriminatedUnion("kind", [
          z
            .object({
              kind: z.literal("fine_tuning_api"),
              suffix: z
                .string()
                .max(40)
                .regex(/^[A-Za-z0-9._-]*$/)
                .default("judge-lab"),
            })
            .strict(),
          /** A command named in the server's configuration file (never a command line typed here). */
          z
            .object({ kind: z.literal("command"), command: z.string().trim().min(1, "Name a command from the server configuration") })
            .strict(),
          z.object({ kind: z.literal("manual") }).strict(),
          z.object({ kind: z.literal("in_context"), demonstrations: z.number().int().min(1).max(64).default(8) }).strict(),
        ]),
      })
      .strict(),
    /** Number of training rounds: judges 1..iterations are trained; iteration 0 is the seed judge. */
    iterations: z
      .number({ error: "Enter the number of iterations" })
      .int("Iterations must be a whole number")
      .min(0, "At least 0 iterations (0 scores the seed judge only)")
      .max(20, "At most 20 iterations"),
    evaluation: z
      .object({
        /** Labelled pair sets scored for every iteration's judge. */
        datasets: z.array(z.string().trim().min(1)).max(20).default([]),
        /** random-order: one seeded random order per item (RewardBench); both-orders: each item twice. */
        protocol: z.enum(["random-order", "both-orders"]).default("random-order"),
        /** k samples per item and order, combined by majority vote (needs a temperature above 0). */
        samples: z.number().int().min(1).max(32).default(1),
        // Greedy by default, as RewardBench's generative script scores.
        ...samplingFields({ temperature: 0, topP: 1, maxTokens: 4096 }),
        /** How an eval judgment's verdict is read (see parse-verdict.ts). */
        verdictRule: z.enum(VERDICT_RULES).default("ram"),
        /** Score at most this many items per eval set (a seeded sample); null: all. */
        maxItems: z.number().int().min(1).nullable().default(null),
      })
      .strict()
      .prefault({}),
    budget: z
      .object({ maxTokens: z.number().int().min(1).nullable().default(null) })
      .strict()
      .default({ maxTokens: null }),
    prompts: z
      .object({
        category: promptTemplateSchema("category", ["categories", "instruction"]).default(CATEGORY_PROMPT),
        answer: promptTemplateSchema("answer", ["instruction"]).default(ANSWER_PROMPT),
        // {response} (the good response y_w, shown as RAM's template does) is optional so that runs
        // stored before it existed keep working with their own prompt.
        worseResponse: promptTemplateSchema("worse-response", ["instruction"], ["response"]).default(WORSE_RESPONSE_PROMPT),
        judge: promptTemplateSchema("judge", ["instruction", "response_a", "response_b"]).default(JUDGE_PROMPT),
      })
      .strict()
      .default({ category: CATEGORY_PROMPT, answer: ANSWER_PROMPT, worseResponse: WORSE_RESPONSE_PROMPT, judge: JUDGE_PROMPT }),
  })
  .strict()
  .superRefine((config, ctx) => {
    const names = config.instructions.categories.map((c) => c.name);
    for (const [index, kept] of config.instructions.keep.entries()) {
      if (!names.includes(kept))
        ctx.addIssue({ code: "custom", path: ["instructions", "keep", index], message: `"${kept}" is not one of the categories` });
    }
    if (new Set(names).size !== names.length)
      ctx.addIssue({ code: "custom", path: ["instructions", "categories"], message: "Category names must be unique" });
    if (config.training.trainer.kind === "in_context") {
      if (config.training.method === "dpo")
        ctx.addIssue({
          code: "custom",
          path: ["training", "method"],
          message: "The in-context trainer uses demonstrations, not DPO; choose SFT",
        });
      for (const [index, round] of config.training.schedule.entries())
        if (round.method === "dpo")
          ctx.addIssue({
            code: "custom",
            path: ["training", "schedule", index, "method"],
            message: "The in-context trainer uses demonstrations, not DPO; choose SFT",
          });
    }
    if (config.training.schedule.length > config.iterations)
      ctx.addIssue({
        code: "custom",
        path: ["training", "schedule"],
        message: `The schedule has ${config.training.schedule.length} rounds but the run trains ${config.iterations} judge${config.iterations === 1 ? "" : "s"}`,
      });
    if (config.evaluation.samples > 1 && config.evaluation.temperature === 0)
      ctx.addIssue({
        code: "custom",
        path: ["evaluation", "temperature"],
        message: "Majority vote needs a temperature above 0 (at 0 every sample is the same answer)",
      });
  });

export type TrainingRound = { method: "sft" | "dpo"; base: "seed" | "previous" };

/** The method and base of the round that trains judge `index + 1` from iteration `index`'s data. */
export function trainingRound(config: RunConfig, index: number): TrainingRound {
  const entry = config.training.schedule[index] ?? {};
  return { method: entry.method ?? config.training.method, base: entry.base ?? config.training.base };
}

export type RunConfig = z.infer<typeof runConfigSchema>;
export type RunConfigInput = z.input<typeof runConfigSchema>;

/** How many candidates the classifier sees. */
export function candidateCount(config: RunConfig): number {
  return config.instructions.candidates ?? config.instructions.count * 3;
}
