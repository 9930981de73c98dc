/**
 * The body of POST /api/v1/judge/batch and what it becomes: the items are checked with zod, all or
 * nothing (errors name the item and field: "items.3.responses.1"), written as JSON Lines to a fresh
 * staging folder and imported as a "responses" dataset named after the job (the same items sent
 * again reuse the dataset they made); the options become a judge job config on that dataset. The
 * schema, the JSON Lines, the names and the config are pure; only the import touches disk and the
 * database.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { formatProblem, ImportFailure, type ImportProblem } from "@/lib/datasets/import-dataset";
import { readLabelValue } from "@/lib/datasets/label-schemes";
import { importOrReuse } from "@/lib/datasets/import-or-reuse";
import { describeSourceFile } from "@/lib/datasets/source-file";
import { newStagingDir } from "@/lib/datasets/staging";
import { AppError } from "@/lib/errors";
import { responseLetter } from "@/lib/pipeline/jobs/item-plan";
import type { JudgeJobConfigInput } from "@/lib/pipeline/jobs/job-config";
import type { JudgeRef } from "@/lib/pipeline/jobs/judge-ref";
import { describeIssues, fieldErrorsOf } from "@/lib/validation";
import { judgeRequestSchema } from "./judge-now";

export const MAX_BATCH_ITEMS = 10_000;
export const MAX_JOB_NAME_CHARS = 100;
const MAX_TAG_CHARS = 200;

const fields = judgeRequestSchema.shape;

export const batchItemSchema = z
  .object({
    prompt: fields.prompt,
    responses: fields.responses,
    id: z
      .union([z.string().trim().min(1).max(MAX_TAG_CHARS), z.number().int()], { error: "id must be text or a whole number" })
      .optional()
      .describe("Unique in the batch, shown with the item's result; default: the item's position in the list (0, 1, …)."),
    category: z
      .string({ error: "category must be text" })
      .trim()
      .max(MAX_TAG_CHARS)
      .nullable()
      .optional()
      .describe("Results are also counted per category."),
    label: z
      .string({ error: 'label must be a response\'s letter (A, B, …) or "tie"' })
      .nullable()
      .optional()
      .describe('The best response\'s letter (A, B, C, …) or "tie" (two responses only): the job measures agreement with it.'),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.label === null || item.label === undefined) return;
    const n = item.responses.length;
    const read = readLabelValue(item.label, "auto", Math.max(2, n));
    if (read === null)
      ctx.addIssue({
        code: "custom",
        path: ["label"],
        message: `label must be a response's letter (A to ${responseLetter(n - 1)}) or "tie", got ${JSON.stringify(item.label)}`,
      });
    else if (read === "tie" && n > 2)
      ctx.addIssue({ code: "custom", path: ["label"], message: 'A "tie" label needs exactly two responses' });
  });

export type BatchItem = z.infer<typeof batchItemSchema>;

export const batchRequestSchema = z
  .object({
    judge: fields.judge,
    /** The job's name, also the dataset's (made unique); default: "API batch <date and time>". */
    name: z.string({ error: "name must be text" }).trim().min(1, "name cannot be empty").max(MAX_JOB_NAME_CHARS).optional(),
    items: z
      .array(batchItemSchema, { error: "items must be a list of {prompt, responses}" })
      .min(1, "Give at least 1 item")
      .max(MAX_BATCH_ITEMS, `At most ${MAX_BATCH_ITEMS.toLocaleString("en-US")} items per batch`),
    samples: fields.samples,
    both_orders: fields.both_orders,
    temperature: fields.temperature,
    top_p: fields.top_p,
    max_tokens: fields.max_tokens,
    ranking: fields.ranking,
    criteria: fields.criteria,
    verdict_rule: fields.verdict_rule,
    seed: fields.seed,
    /** Judge at most this many items (a seeded sample); null: all. */
    max_items: z.number().int().min(1).nullable().default(null),
    /** Pause the job once it has used this many tokens; null: no budget. */
    max_tokens_budget: z.number().int().min(1).nullable().default(null),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.samples > 1 && body.temperature === 0)
      ctx.addIssue({
        code: "custom",
        path: ["temperature"],
        message: "Majority vote needs a temperature above 0 (at 0 every sample is the same answer)",
      });
    const firstAt = new Map<string, number>();
    body.items.forEach((item, index) => {
      const id = sourceIdOf(item, index);
      const first = firstAt.get(id);
      if (first === undefined) firstAt.set(id, index);
      else
        ctx.addIssue({
          code: "custom",
          path: ["items", index, "id"],
          message: `id ${JSON.stringify(id)} is item ${first}'s too (an item without an id is numbered by its position)`,
        });
    });
  });

export type BatchRequest = z.infer<typeof batchRequestSchema>;

export function parseBatchRequest(input: unknown): BatchRequest {
  const parsed = batchRequestSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError("bad_request:job", `The batch is not valid: ${describeIssues(parsed.error)}`, {
      fieldErrors: fieldErrorsOf(parsed.error),
    });
  return parsed.data;
}

/** An item's id in the dataset: its own, else its position. */
export const sourceIdOf = (item: Pick<BatchItem, "id">, index: number): string => (item.id === undefined ? String(index) : String(item.id));

/** The items as JSON Lines, every key on every line (the import maps them by name). */
export function batchJsonLines(items: readonly BatchItem[]): string {
  return items
    .map((item, index) =>
      JSON.stringify({
        id: sourceIdOf(item, index),
        prompt: item.prompt,
        responses: item.responses,
        category: item.category ?? null,
        label: item.label ?? null,
      }),
    )
    .join("\n")
    .concat("\n");
}

/** How the import reads those lines. */
export const BATCH_MAPPING = {
  prompt: "prompt",
  responses: "responses",
  id: "id",
  category: "category",
  label: "label",
  labelScheme: "auto",
} as const;

export function defaultJobName(now: Date): string {
  return `API batch ${now.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** The judge job a batch launches on its dataset. */
export function batchJobConfig(body: BatchRequest, judge: JudgeRef, name: string, dataset: string): JudgeJobConfigInput {
  return {
    name,
    judge,
    dataset,
    bothOrders: body.both_orders,
    samples: body.samples,
    temperature: body.temperature,
    topP: body.top_p,
    maxTokens: body.max_tokens,
    verdictRule: body.verdict_rule,
    ranking: body.ranking,
    criteria: body.criteria,
    maxItems: body.max_items,
    budget: { maxTokens: body.max_tokens_budget },
    seed: body.seed,
  };
}

const CONFIG_TO_API: Record<string, string> = {
  bothOrders: "both_orders",
  topP: "top_p",
  maxTokens: "max_tokens",
  verdictRule: "verdict_rule",
  maxItems: "max_items",
  "budget.maxTokens": "max_tokens_budget",
};

/** A job config's field errors under the API's field names. */
export function apiFieldErrors(fieldErrors: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, message]) => [CONFIG_TO_API[field] ?? field, message]));
}

/** An import problem ("line 4", field "responses[1]") under the item's field name ("items.3.responses.1"). */
export function itemFieldOf(problem: ImportProblem): string {
  const line = /^line (\d+)$/.exec(problem.location);
  const field = (problem.field ?? "").replace(/\[(\d+)\]/g, ".$1");
  return line ? `items.${Number(line[1]) - 1}${field ? `.${field}` : ""}` : "items";
}

export type ImportedBatch = { datasetId: number; datasetName: string; created: boolean };

/** An import's refusal of rows (not expected after the zod check) with the items' field names. */
function itemErrors(failure: ImportFailure): AppError {
  if (failure.problems.length === 0) return failure;
  const fieldErrors: Record<string, string> = {};
  for (const problem of failure.problems) fieldErrors[itemFieldOf(problem)] ??= problem.message;
  return new AppError("bad_request:job", `The items could not be imported: ${failure.problems.map(formatProblem).join("; ")}`, {
    fieldErrors,
  });
}

/**
 * Stage the items as JSON Lines and import them as a "responses" dataset named `name` (made
 * unique). The same items imported before (by any name) are not stored twice: that dataset is used.
 */
export async function importBatchItems(db: Db, items: readonly BatchItem[], name: string): Promise<ImportedBatch> {
  const { dir } = newStagingDir();
  try {
    const file = path.join(dir, "items.jsonl");
    fs.writeFileSync(file, batchJsonLines(items));
    const { dataset, reused } = await importOrReuse(
      db,
      {
        files: [await describeSourceFile(file, "items.jsonl")],
        kind: "responses",
        mapping: BATCH_MAPPING,
        source: "api:/api/v1/judge/batch",
        description: `${items.length} item${items.length === 1 ? "" : "s"} sent to the judging API for the job "${name}"`,
      },
      name,
    );
    return { datasetId: dataset.id, datasetName: dataset.name, created: !reused };
  } catch (error) {
    throw error instanceof ImportFailure ? itemErrors(error) : error;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
