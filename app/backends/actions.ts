"use server";
/**
 * Server actions of the Backends pages. Each validates its input with zod (actions are public
 * endpoints: the form is only one possible caller), calls named queries, and returns an
 * ActionResult whose errors name the field.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { backendInputSchema, connectionInputSchema } from "@/lib/backends/backend-input";
import { getDb } from "@/lib/db/client";
import { createBackend, deleteBackend, getBackendById, updateBackend } from "@/lib/db/queries/backends";
import { AppError, toActionError, type ActionResult } from "@/lib/errors";
import { checkConnection, type ConnectionCheck } from "@/lib/inference/list-models";
import { describeIssues, fieldErrorsOf } from "@/lib/validation";

const backendIdSchema = z.number({ error: "id must be a backend id (a number)" }).int().positive();

function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const fields = Object.keys(fieldErrors);
    const detail = fields.length === 1 ? describeIssues(parsed.error) : `${fields.length} fields need attention (${fields.join(", ")})`;
    throw new AppError("bad_request:action", `${what}: ${detail}`, { fieldErrors });
  }
  return parsed.data;
}

export async function saveBackendAction(input: unknown, id?: unknown): Promise<ActionResult<{ id: number }>> {
  try {
    const values = parseOrThrow(backendInputSchema, input, "The backend was not saved");
    const db = getDb();
    const row =
      id === undefined || id === null
        ? createBackend(db, values)
        : updateBackend(db, parseOrThrow(backendIdSchema, id, "Unknown backend"), values);
    revalidatePath("/backends");
    return { ok: true, data: { id: row.id } };
  } catch (error) {
    return toActionError(error);
  }
}

export async function deleteBackendAction(id: unknown): Promise<ActionResult<null>> {
  try {
    deleteBackend(getDb(), parseOrThrow(backendIdSchema, id, "Unknown backend"));
    revalidatePath("/backends");
    return { ok: true, data: null };
  } catch (error) {
    return toActionError(error);
  }
}

/** Test values that may not be saved yet (from the form). */
export async function testConnectionAction(input: unknown): Promise<ActionResult<ConnectionCheck>> {
  try {
    const target = parseOrThrow(connectionInputSchema, input, "Cannot test the connection");
    const check = await checkConnection({
      baseUrls: target.baseUrls,
      apiKeyEnv: target.apiKeyEnv,
      timeoutMs: Math.round(target.timeoutSeconds * 1000),
    });
    return { ok: true, data: check };
  } catch (error) {
    return toActionError(error);
  }
}

/** Test a saved backend by id (from the list). */
export async function testSavedBackendAction(id: unknown): Promise<ActionResult<ConnectionCheck>> {
  try {
    const backendId = parseOrThrow(backendIdSchema, id, "Unknown backend");
    const row = getBackendById(getDb(), backendId);
    if (!row) throw new AppError("not_found:backend", `Backend #${backendId} does not exist (it may have been deleted)`);
    const check = await checkConnection({ baseUrls: row.baseUrls, apiKeyEnv: row.apiKeyEnv, timeoutMs: row.timeoutMs });
    return { ok: true, data: check };
  } catch (error) {
    return toActionError(error);
  }
}
