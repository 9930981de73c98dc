/**
 * What a person asks for when making an annotation set, validated: a stratified sample of a run's
 * training pairs (k per category, with each pair's kept or dropped status from one iteration), the
 * eval items a run's judges disagree on, or a pairwise judge job's items (optionally counting the
 * data set's own label column as the labels of a named external annotator). Also the rules for an
 * annotator's name and a label as submitted.
 */
import { z } from "zod";
import type { HumanChoice } from "@/lib/db/schema";

export const MAX_SET_ITEMS = 5_000;
export const MAX_ANNOTATOR_CHARS = 60;
export const MAX_NOTE_CHARS = 2_000;

const id = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int()
    .positive(`${what} must be a positive id`);
const name = z.string().trim().min(1, "Give the set a name").max(120, "A set name is at most 120 characters");
const common = {
  name,
  labelsPerItem: z.number().int().min(1, "At least 1 label per item").max(10, "At most 10 labels per item").default(1),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
};

export const annotationSetInputSchema = z.discriminatedUnion(
  "kind",
  [
    z
      .object({
        kind: z.literal("training-pairs"),
        runId: id("runId"),
        perCategory: z.number().int().min(1, "Take at least 1 pair per category").max(500, "At most 500 pairs per category"),
        iteration: z.number().int().min(0).default(0),
        ...common,
      })
      .strict(),
    z
      .object({
        kind: z.literal("eval-disagreements"),
        runId: id("runId"),
        datasetId: id("datasetId"),
        maxItems: z.number().int().min(1).max(MAX_SET_ITEMS).default(500),
        ...common,
      })
      .strict(),
    z
      .object({
        kind: z.literal("judge-job"),
        jobId: id("jobId"),
        maxItems: z.number().int().min(1).max(MAX_SET_ITEMS).default(500),
        /** When set and the data has labels: they become this external annotator's labels. */
        importLabelsAs: z.string().trim().max(MAX_ANNOTATOR_CHARS).nullable().default(null),
        ...common,
      })
      .strict(),
  ],
  { error: 'kind must be "training-pairs", "eval-disagreements" or "judge-job"' },
);
export type AnnotationSetInput = z.infer<typeof annotationSetInputSchema>;

export const annotatorSchema = z
  .string({ error: "annotator must be a name" })
  .trim()
  .min(1, "Say who is labelling (a name)")
  .max(MAX_ANNOTATOR_CHARS, `A name is at most ${MAX_ANNOTATOR_CHARS} characters`)
  .refine((value) => !/[\u0000-\u001f]/.test(value), "A name cannot contain control characters");

export const SHOWN_CHOICES = ["A", "B", "tie", "skip"] as const;
export type ShownChoice = (typeof SHOWN_CHOICES)[number];

/** A choice as shown (left A, right B) in the item's own terms: the server keeps the blind mapping. */
export function choiceFromShown(shown: ShownChoice, swapped: boolean): HumanChoice {
  if (shown === "A") return swapped ? "second" : "first";
  if (shown === "B") return swapped ? "first" : "second";
  return shown;
}

export const labelInputSchema = z
  .object({
    itemId: id("itemId"),
    annotator: annotatorSchema,
    /** What the person chose as shown: the left response (A), the right one (B), a tie, or skip. */
    shown: z.enum(SHOWN_CHOICES, { error: 'shown must be "A", "B", "tie" or "skip"' }),
    /** Milliseconds from showing the item to the answer; above a day (a tab left open) it is stored as unknown. */
    timeMs: z
      .number()
      .int()
      .min(0)
      .nullable()
      .default(null)
      .transform((ms) => (ms !== null && ms > 86_400_000 ? null : ms)),
    note: z.string().max(MAX_NOTE_CHARS, `A note is at most ${MAX_NOTE_CHARS} characters`).nullable().default(null),
  })
  .strict();
export type LabelInput = z.infer<typeof labelInputSchema>;
