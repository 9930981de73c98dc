"use server";
/**
 * Server actions of the Runs pages: launch a run (the config is validated with zod and its
 * backends and datasets resolved), pause, resume, cancel, and enter the model a manual trainer
 * produced. The runner in this server process picks up the change at once.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { getBackendById } from "@/lib/db/queries/backends";
import { AppError, toActionError, type ActionResult } from "@/lib/errors";
import { cancelRun, pauseRun, resumeRun, submitManualModel } from "@/lib/runner/control";
import { launchRun } from "@/lib/runner/launch";
import { notifyRunChanged } from "@/lib/runner/scheduler-signal";
import { parseOrRefuse } from "@/lib/validation";

const runIdSchema = z.number({ error: "runId must be a run id (a number)" }).int().positive();

const parse = <T>(schema: z.ZodType<T>, input: unknown, what: string): T => parseOrRefuse(schema, input, what, "bad_request:run");

export async function launchRunAction(input: unknown): Promise<ActionResult<{ runId: number }>> {
  try {
    const { config, clonedFromRunId } = parse(
      z.object({ config: z.unknown(), clonedFromRunId: runIdSchema.nullable().optional() }).strict(),
      input,
      "Cannot launch",
    );
    const run = launchRun(getDb(), config, { clonedFromRunId: clonedFromRunId ?? null });
    notifyRunChanged(run.id);
    revalidatePath("/runs");
    return { ok: true, data: { runId: run.id } };
  } catch (error) {
    return toActionError(error);
  }
}

function control(action: (db: ReturnType<typeof getDb>, runId: number) => void) {
  return async (input: unknown): Promise<ActionResult<null>> => {
    try {
      const { runId } = parse(z.object({ runId: runIdSchema }).strict(), input, "Unknown run");
      action(getDb(), runId);
      revalidatePath(`/runs/${runId}`);
      revalidatePath("/runs");
      return { ok: true, data: null };
    } catch (error) {
      return toActionError(error);
    }
  };
}

export const pauseRunAction = control(pauseRun);
export const resumeRunAction = control(resumeRun);
export const cancelRunAction = control(cancelRun);

export async function submitManualModelAction(input: unknown): Promise<ActionResult<null>> {
  try {
    const request = parse(
      z
        .object({
          runId: runIdSchema,
          iterationIndex: z.number().int().min(0),
          model: z.string().trim().min(1, "Enter the trained model's name").max(300),
          backendId: z.number({ error: "Pick the backend that serves the model" }).int().positive(),
        })
        .strict(),
      input,
      "Cannot continue the run",
    );
    const db = getDb();
    if (!getBackendById(db, request.backendId))
      throw new AppError("bad_request:run", "That backend does not exist", { fieldErrors: { backendId: "That backend does not exist" } });
    submitManualModel(db, request.runId, request);
    revalidatePath(`/runs/${request.runId}`);
    return { ok: true, data: null };
  } catch (error) {
    return toActionError(error);
  }
}
