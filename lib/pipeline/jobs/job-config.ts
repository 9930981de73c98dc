/**
 * A judge job's settings: which judge, which data (a dataset of responses to judge, or a labelled
 * pair set), and how to judge it. Validated by zod and stored with the job as it was launched.
 * - Both orders by default (each comparison is judged with the first response shown as A, then as
 *   B, which cancels position bias and measures position consistency), or one seeded order.
 * - N samples per comparison and order, combined by majority vote (N > 1 needs a temperature).
 * - More than two responses per prompt (best-of-n) are ranked by a seeded knockout (n - 1
 *   comparisons) or a round-robin (every pair, n(n - 1)/2 comparisons).
 * - Optional extra criteria are appended to the judge prompt; a token budget pauses the job.
 */
import { z } from "zod";
import { VERDICT_RULES } from "../parse-verdict";
import { samplingFields } from "../sampling";
import { judgeRefSchema } from "./judge-ref";

export const RANKINGS = ["knockout", "round-robin"] as const;
export type Ranking = (typeof RANKINGS)[number];

export const MAX_CRITERIA_CHARS = 5_000;

export const judgeJobConfigSchema = z
  .object({
    name: z.string().trim().min(1, "Give the job a name").max(120, "At most 120 characters"),
    judge: judgeRefSchema,
    /** The dataset judged: responses to judge (pairwise or best-of-n) or a labelled pair set. */
    dataset: z.string().trim().min(1, "Pick the data to judge"),
    bothOrders: z.boolean().default(true),
    samples: z.number({ error: "Enter the number of samples" }).int().min(1, "At least 1 sample").max(32, "At most 32 samples").default(1),
    // Greedy by default, as evaluation is; majority vote over samples needs a temperature.
    ...samplingFields({ temperature: 0, topP: 1, maxTokens: 4096 }),
    /** How a verdict is read; null: the judge's run's evaluation rule (RAM's for a model judge). */
    verdictRule: z.enum(VERDICT_RULES).nullable().default(null),
    ranking: z.enum(RANKINGS).default("knockout"),
    criteria: z
      .string()
      .trim()
      .max(MAX_CRITERIA_CHARS, `At most ${MAX_CRITERIA_CHARS.toLocaleString("en-US")} characters`)
      .default(""),
    /** Judge at most this many items (a seeded sample); null: all. */
    maxItems: z.number().int().min(1).nullable().default(null),
    budget: z
      .object({ maxTokens: z.number().int().min(1).nullable().default(null) })
      .strict()
      .default({ maxTokens: null }),
    seed: z
      .number({ error: "The seed must be a whole number" })
      .int("The seed must be a whole number")
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.samples > 1 && config.temperature === 0)
      ctx.addIssue({
        code: "custom",
        path: ["temperature"],
        message: "Majority vote needs a temperature above 0 (at 0 every sample is the same answer)",
      });
  });

export type JudgeJobConfig = z.infer<typeof judgeJobConfigSchema>;
export type JudgeJobConfigInput = z.input<typeof judgeJobConfigSchema>;

/** The judge prompt with the job's extra criteria appended (after the answers, so the layout the judge knows stays intact). */
export function withCriteria(prompt: string, criteria: string): string {
  const text = criteria.trim();
  if (!text) return prompt;
  return `${prompt}\n\n[Additional Criteria]\nAlso weigh these criteria when you decide, and give your verdict in the same format:\n${text}\n[End of Additional Criteria]`;
}
