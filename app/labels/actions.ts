"use server";
/**
 * Server actions of the Labels pages: make an annotation set, delete one, and the labelling loop
 * (the next item, a label written at once, undo). Every input is validated (lib/annotation); a
 * refusal names the field and stores nothing.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAnnotationSet } from "@/lib/annotation/create-set";
import { queueState, submitLabel, undoLabel, type QueueState, type Reveal } from "@/lib/annotation/labelling";
import { getDb } from "@/lib/db/client";
import { deleteAnnotationSet } from "@/lib/db/queries/annotations";
import { AppError, toActionError, type ActionResult } from "@/lib/errors";
import { parseOrRefuse } from "@/lib/validation";

const setIdSchema = z.number({ error: "setId must be an annotation set id (a number)" }).int().positive();

function parseSetId(input: unknown): { setId: number; rest: Record<string, unknown> } {
  const { setId, ...rest } = parseOrRefuse(z.object({ setId: setIdSchema }).passthrough(), input, "Cannot label", "bad_request:labels");
  return { setId, rest };
}

export async function createAnnotationSetAction(input: unknown): Promise<ActionResult<{ setId: number; items: number }>> {
  try {
    const created = createAnnotationSet(getDb(), input);
    revalidatePath("/labels");
    return { ok: true, data: { setId: created.setId, items: created.items } };
  } catch (error) {
    return toActionError(error);
  }
}

export async function deleteAnnotationSetAction(input: unknown): Promise<ActionResult<null>> {
  try {
    const { setId } = parseSetId(input);
    if (!deleteAnnotationSet(getDb(), setId)) throw new AppError("not_found:labels", `There is no annotation set #${setId}`);
    revalidatePath("/labels");
    return { ok: true, data: null };
  } catch (error) {
    return toActionError(error);
  }
}

export async function nextItemAction(input: unknown): Promise<ActionResult<QueueState>> {
  try {
    const { setId, rest } = parseSetId(input);
    return { ok: true, data: queueState(getDb(), setId, rest.annotator) };
  } catch (error) {
    return toActionError(error);
  }
}

export async function submitLabelAction(input: unknown): Promise<ActionResult<{ reveal: Reveal | null; state: QueueState }>> {
  try {
    const { setId, rest } = parseSetId(input);
    return { ok: true, data: submitLabel(getDb(), setId, rest) };
  } catch (error) {
    return toActionError(error);
  }
}

export async function undoLabelAction(input: unknown): Promise<ActionResult<QueueState & { undone: boolean }>> {
  try {
    const { setId, rest } = parseSetId(input);
    return { ok: true, data: undoLabel(getDb(), setId, rest.annotator) };
  } catch (error) {
    return toActionError(error);
  }
}
