/**
 * The labelling loop on the server: the next item for an annotator with their progress, a label
 * written the moment it is given (the choice as shown, A or B, turned into the item's own terms
 * here, so the page never holds the blind mapping), the reveal that follows an answer (what the
 * construction or reference says and each judge's verdict, in the order the person saw), and undo.
 * Labels for items that do not exist, or of another set, are refused; answering twice replaces.
 * Undo gives the item back, but its hidden labels have been seen: a new answer is stored as not
 * blind and left out of the numbers. Each person gets the items in an order of their own.
 */
import { setJudgeVerdicts } from "./set-verdicts";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Queryable } from "@/lib/db/client";
import type { AnnotationSetRow } from "@/lib/db/schema";
import {
  answeredCount,
  getAnnotationItem,
  getAnnotationSet,
  medianAnswerMs,
  nextQueueItem,
  queueItemById,
  queueLength,
  undoLatestLabel,
  saveLabel,
  isImportedAnnotator,
  type QueueItem,
} from "@/lib/db/queries/annotations";
import { annotatorSchema, choiceFromShown, labelInputSchema, type ShownChoice } from "./set-input";
import { hashSeed } from "@/lib/pipeline/random";
import { parseOrRefuse } from "@/lib/validation";

export type ShownItem = Omit<QueueItem, "swapped">;

export type QueueState = {
  item: ShownItem | null;
  /** Items this annotator has answered in the set (skips included), those still waiting for them, and the set's size. */
  answered: number;
  remaining: number;
  total: number;
  /** The middle of this annotator's answer times so far (ms), for the ETA; null before any. */
  medianMs: number | null;
};

type Side = "A" | "B" | "tie" | "unparsed" | null;

export type Reveal = {
  itemId: number;
  position: number;
  yours: Exclude<ShownChoice, "skip">;
  /** False when this person had seen the item's reveal before answering (an undo, then a new answer). */
  blind: boolean;
  /** The synthetic or reference label as shown ("A" is the left response); null when there is none. */
  reference: Side;
  judges: { label: string; verdict: Side }[];
};

const parse = <T>(schema: z.ZodType<T>, input: unknown, what: string): T => parseOrRefuse(schema, input, what, "bad_request:labels");

function requireSet(db: Queryable, setId: number): AnnotationSetRow {
  const set = getAnnotationSet(db, setId);
  if (!set) throw new AppError("not_found:labels", `There is no annotation set #${setId} (it may have been deleted)`);
  return set;
}

function requirePerson(db: Queryable, set: AnnotationSetRow, annotator: string): void {
  if (isImportedAnnotator(db, set.id, annotator))
    throw new AppError("bad_request:labels", `"${annotator}" is the name of this set's imported labels: label under your own name`, {
      fieldErrors: { annotator: "This name holds the set's imported labels: choose your own" },
    });
}

/** Each person's own seeded order over the items, so two people labelling at once rarely get the same item. */
const personalPick = (set: AnnotationSetRow, annotator: string) => (ids: readonly number[]) => {
  let best: number | undefined;
  let bestRank = Infinity;
  for (const id of ids) {
    const rank = hashSeed(set.seed, "annotation-queue", annotator, id);
    if (rank < bestRank) [best, bestRank] = [id, rank];
  }
  return best;
};

const hideOrder = (item: QueueItem | null): ShownItem | null => {
  if (!item) return null;
  const { swapped: _hidden, ...shown } = item;
  return shown;
};

/** The item to show (the next in the queue unless one is given) and the annotator's progress. */
function stateOf(db: Queryable, set: AnnotationSetRow, annotator: string, item?: QueueItem | null): QueueState {
  return {
    item: hideOrder(item === undefined ? nextQueueItem(db, set, annotator, personalPick(set, annotator)) : item),
    answered: answeredCount(db, set.id, annotator),
    remaining: queueLength(db, set, annotator),
    total: set.itemCount,
    medianMs: medianAnswerMs(db, set.id, annotator),
  };
}

export function queueState(db: Queryable, setId: number, rawAnnotator: unknown): QueueState {
  const annotator = parse(annotatorSchema, rawAnnotator, "Cannot label");
  const set = requireSet(db, setId);
  requirePerson(db, set, annotator);
  return stateOf(db, set, annotator);
}

/** In the order shown: "first" is on the left unless the item is swapped. */
function asShown(choice: "first" | "second" | "tie" | "unparsed" | null, swapped: boolean): Side {
  if (choice === "first") return swapped ? "B" : "A";
  if (choice === "second") return swapped ? "A" : "B";
  return choice;
}

/**
 * Stores one label and answers the next item, with the reveal for the item just answered (none
 * for a skip: skipping must not show the hidden labels).
 */
export function submitLabel(db: Queryable, setId: number, input: unknown): { reveal: Reveal | null; state: QueueState } {
  const label = parse(labelInputSchema, input, "Cannot save the label");
  const set = requireSet(db, setId);
  requirePerson(db, set, label.annotator);
  const item = getAnnotationItem(db, label.itemId);
  if (!item || item.setId !== set.id)
    throw new AppError("not_found:labels", `Item ${label.itemId} is not in annotation set #${set.id}`, {
      fieldErrors: { itemId: "No such item in this set" },
    });
  const { blind } = saveLabel(db, {
    setId: set.id,
    itemId: item.id,
    annotator: label.annotator,
    choice: choiceFromShown(label.shown, item.swapped),
    swapped: item.swapped,
    note: label.note?.trim() ? label.note.trim() : null,
    timeMs: label.timeMs,
  });
  const reveal: Reveal | null =
    label.shown === "skip"
      ? null
      : {
          itemId: item.id,
          position: item.position,
          yours: label.shown,
          blind,
          reference: asShown(item.reference, item.swapped),
          judges: setJudgeVerdicts(db, set, item.id).map((v) => ({ label: v.judgeLabel, verdict: asShown(v.verdict, item.swapped) })),
        };
  return { reveal, state: stateOf(db, set, label.annotator) };
}

/** Takes back the annotator's latest label and shows that item again. */
export function undoLabel(db: Queryable, setId: number, rawAnnotator: unknown): QueueState & { undone: boolean } {
  const annotator = parse(annotatorSchema, rawAnnotator, "Cannot undo");
  const set = requireSet(db, setId);
  requirePerson(db, set, annotator);
  const itemId = undoLatestLabel(db, set.id, annotator);
  if (itemId === null) return { ...stateOf(db, set, annotator), undone: false };
  return { ...stateOf(db, set, annotator, queueItemById(db, set.id, itemId)), undone: true };
}
