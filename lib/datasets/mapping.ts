/**
 * Which source column feeds which item field. A mapping is detected from a file's columns and
 * first rows for the layouts people have (RewardBench, Anthropic HH, LLMBar, OpenAI/TRL preference
 * messages, instruction pools; and, for responses to judge, two response columns, a list of
 * responses, Auto-J, PandaLM and MT-Bench human judgments) and can be set by hand (the Datasets
 * page, the CLI's --map). A label column may hold several columns joined by "+" (annotators'
 * votes, combined by majority); how its values read is the label scheme (see label-schemes.ts).
 * A prompt may too ("instruction+input"): the non-empty parts are joined with a blank line.
 */
import { z } from "zod";
import type { DatasetKind } from "@/lib/db/schema";
import { LABEL_SCHEMES } from "./label-schemes";

export const MAPPING_FIELDS = [
  "prompt",
  "chosen",
  "rejected",
  "responseA",
  "responseB",
  "responses",
  "label",
  "subset",
  "id",
  "category",
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];

export const columnMappingSchema = z
  .object({
    kind: z.enum(["pairs", "instructions", "responses"]),
    /** Pairs: the prompt; instruction pools: the instruction (text or a list of messages). */
    prompt: z.string().min(1).optional(),
    /** Pairs: the better response; instruction pools: an optional baseline response (the good response y_w). */
    chosen: z.string().min(1).optional(),
    rejected: z.string().min(1).optional(),
    /** Two response columns and a label saying which is better (LLMBar, arena-style tables). */
    responseA: z.string().min(1).optional(),
    responseB: z.string().min(1).optional(),
    /** Responses to judge: a column holding a list of two or more responses (best-of-n). */
    responses: z.string().min(1).optional(),
    label: z.string().min(1).optional(),
    /** How the label's values read (responses to judge). */
    labelScheme: z.enum(LABEL_SCHEMES).optional(),
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
    if (mapping.kind === "responses") {
      if (mapping.responses) {
        if (!mapping.prompt) ctx.addIssue({ code: "custom", path: ["prompt"], message: "Pick the column that holds the prompt" });
        if (mapping.responseA || mapping.responseB)
          ctx.addIssue({
            code: "custom",
            path: ["responses"],
            message: "Map either a list of responses or two response columns, not both",
          });
        return;
      }
      for (const field of ["responseA", "responseB"] as const)
        if (!mapping[field])
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: `Pick the ${fieldLabels[field]} column (or a column with a list of responses)`,
          });
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
  responses: "list of responses",
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

  if (kind === "responses") return detectResponses(columns, sample, { id, subset, category });
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
    // Two responses and no label, or a list of responses: data to judge.
    const responses = detectResponses(columns, sample, { id, subset, category });
    if (responses) return responses;
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

type Extras = { id?: string; subset?: string; category?: string };

/** Responses to judge: two response columns (optionally labelled) or a list of responses, in the layouts people publish. */
function detectResponses(columns: readonly string[], sample: readonly Record<string, unknown>[], extras: Extras): DetectedLayout {
  const first = sample[0] ?? {};
  const prompt = pick(columns, "prompt", "input", "question", "instruction", "query");
  const category = extras.category ?? pick(columns, "scenario", "motivation_app");
  const base = { kind: "responses" as const, id: extras.id ?? pick(columns, "pair_id", "idx"), subset: extras.subset, category };
  const list = pick(columns, "responses", "completions", "outputs", "candidates");
  if (list && prompt && Array.isArray(first[list])) {
    const label = pick(columns, "best", "label", "best_index");
    // An index column counts from 0, as code writes it; "best" and "label" read as letters or from 1.
    const labelScheme = label === "best_index" ? ("zero-based" as const) : undefined;
    return { mapping: { ...base, prompt, responses: list, label, labelScheme }, layout: "best-of-n (prompt, responses)" };
  }
  if (columns.includes("response 1") && columns.includes("response 2") && prompt) {
    const label = pick(columns, "label");
    return {
      mapping: { ...base, prompt, responseA: "response 1", responseB: "response 2", label, labelScheme: label ? "auto-j" : undefined },
      layout: "Auto-J pairwise (prompt, response 1, response 2, label 0/1/2)",
    };
  }
  if (columns.includes("response1") && columns.includes("response2") && prompt) {
    const votes = ["annotator1", "annotator2", "annotator3"].filter((c) => columns.includes(c));
    // PandaLM's task is its instruction followed by its input (often empty).
    const task = columns.includes("instruction") && columns.includes("input") ? "instruction+input" : prompt;
    return {
      mapping: {
        ...base,
        prompt: task,
        responseA: "response1",
        responseB: "response2",
        label: votes.length > 0 ? votes.join("+") : undefined,
        labelScheme: votes.length > 0 ? "pandalm" : undefined,
      },
      layout: "PandaLM (instruction, response1, response2, annotators' votes 0/1/2)",
    };
  }
  if (columns.includes("conversation_a") && columns.includes("conversation_b")) {
    // question_id is not an item id here: each question has many rows (model pairs, judges, turns);
    // it stays in the metadata and the items are numbered by row.
    return {
      mapping: {
        ...base,
        id: base.id === "question_id" ? undefined : base.id,
        responseA: "conversation_a",
        responseB: "conversation_b",
        label: pick(columns, "winner"),
      },
      layout: "MT-Bench human judgments (conversation_a, conversation_b, winner)",
    };
  }
  const a = pick(columns, "response_a", "response_A", "output_1", "response_1", "answer_a", "completion_a", "output_a");
  const b = pick(columns, "response_b", "response_B", "output_2", "response_2", "answer_b", "completion_b", "output_b");
  if (a && b && prompt) {
    const label = pick(columns, "label", "winner", "preference", "better");
    return {
      mapping: { ...base, prompt, responseA: a, responseB: b, label },
      layout: label ? "two responses and a label" : "two responses to compare",
    };
  }
  return null;
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
