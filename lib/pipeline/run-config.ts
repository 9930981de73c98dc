/**
 * The run configuration: everything a Self-Taught Evaluator run needs, validated by zod and stored
 * as an immutable snapshot with the run (prompt texts included). Defaults follow the paper where
 * it says (judge sampling: temperature 0.7, top_p 0.9, max_tokens 4096; greedy evaluation).
 * Backends and datasets are referred to by name; the launch resolves them and records the ids.
 */
import { z } from "zod";
import { ANSWER_PROMPT, CATEGORY_PROMPT, JUDGE_PROMPT, placeholdersOf, WORSE_RESPONSE_PROMPT } from "./prompts";

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

/** A prompt template must use exactly its placeholders: a missing one would drop data, an unknown one cannot be filled. */
function promptSchema(name: string, required: readonly string[], optional: readonly string[] = []) {
  return z
    .string()
    .min(1, `The ${name} prompt cannot be empty`)
    .max(50_000)
    .superRefine((template, ctx) => {
      const used = placeholdersOf(template);
      const missing = required.filter((p) => !used.includes(p));
      const unknown = used.filter((p) => !required.includes(p) && !optional.includes(p));
      if (missing.length > 0)
        ctx.addIssue({ code: "custom", message: `The ${name} prompt must use ${missing.map((p) => `{${p}}`).join(", ")}` });
      if (unknown.length > 0)
        ctx.addIssue({
          code: "custom",
          message: `The ${name} prompt uses unknown ${unknown.map((p) => `{${p}}`).join(", ")} (allowed: ${[...required, ...optional].map((p) => `{${p}}`).join(", ")})`,
        });
    });
}

export const DEFAULT_CATEGORIES = [
  { name: "Coding", description: "writing, fixing or explaining code" },
  { name: "Math", description: "calculations, proofs, quantitative problems" },
  { name: "Reasoning", description: "logic, planning, analysis, comparisons" },
  { name: "Writing", description: "stories, emails, essays, rewriting text" },
  { name: "Advice", description: "recommendations, how-to help, personal questions" },
  { name: "Knowledge", description: "facts, definitions, explanations of a topic" },
];

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
        maxTokens: z.number().int().min(16).max(131_072).default(2048),
        temperature: z.number().min(0).max(2).default(0.7),
      })
      .strict()
      .default({ maxTokens: 2048, temperature: 0.7 }),
    judging: z
      .object({
        /** N sampled judgments per pair and order. */
        samples: z.number({ error: "Enter the number of samples" }).int().min(1, "At least 1 sample").max(64, "At most 64 samples"),
        bothOrders: z.boolean().default(true),
        temperature: z.number().min(0).max(2).default(0.7),
        topP: z.number().gt(0).max(1).default(0.9),
        maxTokens: z.number().int().min(16).max(131_072).default(4096),
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
        method: z.enum(["sft", "dpo"]).default("sft"),
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
        /** k samples per item and order, combined by majority vote. */
        samples: z.number().int().min(1).max(32).default(1),
        temperature: z.number().min(0).max(2).default(0),
        maxTokens: z.number().int().min(16).max(131_072).default(4096),
        /** Score at most this many items per eval set (a seeded sample); null: all. */
        maxItems: z.number().int().min(1).nullable().default(null),
      })
      .strict()
      .default({ datasets: [], protocol: "random-order", samples: 1, temperature: 0, maxTokens: 4096, maxItems: null }),
    budget: z
      .object({ maxTokens: z.number().int().min(1).nullable().default(null) })
      .strict()
      .default({ maxTokens: null }),
    prompts: z
      .object({
        category: promptSchema("category", ["categories", "instruction"]).default(CATEGORY_PROMPT),
        answer: promptSchema("answer", ["instruction"]).default(ANSWER_PROMPT),
        worseResponse: promptSchema("worse-response", ["instruction"]).default(WORSE_RESPONSE_PROMPT),
        judge: promptSchema("judge", ["instruction", "response_a", "response_b"]).default(JUDGE_PROMPT),
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
    if (config.training.method === "dpo" && config.training.trainer.kind === "in_context") {
      ctx.addIssue({
        code: "custom",
        path: ["training", "method"],
        message: "The in-context trainer uses demonstrations, not DPO; choose SFT",
      });
    }
  });

export type RunConfig = z.infer<typeof runConfigSchema>;
export type RunConfigInput = z.input<typeof runConfigSchema>;

/** How many candidates the classifier sees. */
export function candidateCount(config: RunConfig): number {
  return config.instructions.candidates ?? config.instructions.count * 3;
}
