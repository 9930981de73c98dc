/**
 * Which source column feeds which item field. A mapping is detected from a file's columns and
 * first rows for the layouts people have (RewardBench, Anthropic HH, LLMBar, OpenAI/TRL preference
 * messages, instruction pools) and can be set by hand (the Datasets page, the CLI's --map).
 */
import { z } from "zod";
import type { DatasetKind } from "@/lib/db/schema";

export const MAPPING_FIELDS = ["prompt", "chosen", "rejected", "responseA", "responseB", "label", "subset", "id", "category"] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];

export const columnMappingSchema = z
  .object({
    kind: z.enum(["pairs", "instructions"]),
    /** Pairs: the prompt; instruction pools: the instruction (text or a list of messages). */
    prompt: z.string().min(1).optional(),
    /** Pairs: the better response; instruction pools: an optional baseline response (the good response y_w). */
    chosen: z.string().min(1).optional(),
    rejected: z.string().min(1).optional(),
    /** Two response columns and a label saying which is better (LLMBar, arena-style tables). */
    responseA: z.string().min(1).optional(),
    responseB: z.string().min(1).optional(),
    label: z.string().min(1).optional(),
    subset: z.string().min(1).optional(),
    id: z.string().min(1).optional(),
    category: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    if (mapping.kind === "instructions") {
      if (!mapping.prompt) ctx.addIssue({ code: "custom", path: ["prompt"], message: "Pick the column that holds the instruction" });
      return;
    }
    const byLabel = mapping.responseA || mapping.responseB || mapping.label;
    if (byLabel) {
      for (const field of ["responseA", "responseB", "label", "prompt"] as const) {
        if (!mapping[field])
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: `Pick the ${fieldLabels[field]} column (a label picks the better of two response columns)`,
          });
      }
      return;
    }
    if (!mapping.chosen) ctx.addIssue({ code: "custom", path: ["chosen"], message: "Pick the column with the chosen (better) response" });
    if (!mapping.rejected)
      ctx.addIssue({ code: "custom", path: ["rejected"], message: "Pick the column with the rejected (worse) response" });
  });

export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const fieldLabels: Record<MappingField, string> = {
  prompt: "prompt",
  chosen: "chosen",
  rejected: "rejected",
  responseA: "first response",
  responseB: "second response",
  label: "label",
  subset: "subset",
  id: "id",
  category: "category",
};

export type DetectedLayout = { mapping: ColumnMapping; layout: string } | null;

const pick = (columns: readonly string[], ...candidates: string[]) => candidates.find((c) => columns.includes(c));

const isHhDialogue = (value: unknown) => typeof value === "string" && /(^|\n)\s*Human:/.test(value) && /\n\s*Assistant:/.test(value);

/**
 * Guess the layout from the columns and the first rows. `kind` restricts the guess when the user
 * already said what the file is.
 */
export function detectMapping(columns: readonly string[], sample: readonly Record<string, unknown>[], kind?: DatasetKind): DetectedLayout {
  const first = sample[0] ?? {};
  const id = pick(columns, "id", "_id", "uid", "question_id", "prompt_id", "idx");
  const subset = pick(columns, "subset");
  const category = pick(columns, "category", "cluster", "subcategory", "type", "task");

  if (kind !== "instructions") {
    const chosen = pick(columns, "chosen", "preferred_output");
    const rejected = pick(columns, "rejected", "non_preferred_output");
    const prompt = pick(columns, "prompt", "input", "question", "instruction", "messages");
    if (chosen || rejected) {
      // A chosen column without a rejected one (or the reverse) is a pair set missing a column,
      // not an instruction pool: the mapping check then names the missing field.
      if (!prompt && chosen && isHhDialogue(first[chosen])) {
        return {
          mapping: { kind: "pairs", chosen, rejected, id, subset, category },
          layout: "Anthropic HH (whole dialogues, split into prompt and final answers)",
        };
      }
      const messages = Array.isArray(first[chosen ?? ""]) || Array.isArray(first[prompt ?? ""]);
      return {
        mapping: { kind: "pairs", prompt, chosen, rejected, id, subset, category },
        layout: messages
          ? "OpenAI/TRL preference (message lists)"
          : subset
            ? "RewardBench (prompt, chosen, rejected, subset)"
            : "preference pairs (prompt, chosen, rejected)",
      };
    }
    const a = pick(columns, "output_1", "response_a", "response_1", "answer_a", "completion_a");
    const b = pick(columns, "output_2", "response_b", "response_2", "answer_b", "completion_b");
    const label = pick(columns, "label", "winner", "preference", "better");
    if (a && b && label && prompt) {
      return {
        mapping: { kind: "pairs", prompt, responseA: a, responseB: b, label, id, subset, category },
        layout: a === "output_1" ? "LLMBar (input, output_1, output_2, label)" : "two responses and a label",
      };
    }
    if (kind === "pairs") return null;
  }
  const instruction = pick(
    columns,
    "instruction",
    "prompt",
    "question",
    "input",
    "query",
    "text",
    "messages",
    "conversation",
    "conversations",
    "turns",
  );
  if (!instruction) return null;
  const baseline = pick(columns, "response", "output", "baseline", "baseline_response");
  return baseline
    ? {
        mapping: { kind: "instructions", prompt: instruction, chosen: baseline, id, category },
        layout: "instruction pool with baseline responses",
      }
    : { mapping: { kind: "instructions", prompt: instruction, id, category }, layout: "instruction pool" };
}

/** Parse "prompt=col,chosen=col" (the CLI's --map) into mapping fields, naming a bad entry. */
export function parseMapArgument(text: string): Partial<Record<MappingField, string>> {
  const fields: Partial<Record<MappingField, string>> = {};
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [field, column] = part.split("=").map((p) => p.trim());
    if (!field || !column) throw new Error(`--map: "${part}" is not field=column`);
    if (!(MAPPING_FIELDS as readonly string[]).includes(field))
      throw new Error(`--map: unknown field "${field}" (fields: ${MAPPING_FIELDS.join(", ")})`);
    fields[field as MappingField] = column;
  }
  return fields;
}
