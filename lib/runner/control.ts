/**
 * What people do to a run: pause (stops new requests at once, keeps everything written), resume
 * (it continues from the rows that exist), cancel (final). These only change the run's status; the
 * process driving it notices at once when it is this one, or within a second otherwise.
 */
import type { Db } from "@/lib/db/client";
import { addRunEvent, getRunById, transitionRunStatus } from "@/lib/db/queries/runs";
import { getIteration, getTrainingJob, ensureIteration, updateTrainingJob } from "@/lib/db/queries/run-work";
import { AppError } from "@/lib/errors";
import { notifyRunChanged } from "./scheduler-signal";

export function pauseRun(db: Db, runId: number): void {
  const run = getRunById(db, runId);
  if (!run) throw new AppError("not_found:run", `Run #${runId} does not exist`);
  if (!transitionRunStatus(db, runId, ["queued", "running"], "paused", "Paused by the user")) {
    throw new AppError("conflict:run", `Run #${runId} is ${run.status}; only a queued or running run can be paused`);
  }
  addRunEvent(db, { runId, iterationIndex: run.currentIteration, stage: run.currentStage, level: "info", message: "Paused by the user" });
  notifyRunChanged(runId);
}

export function resumeRun(db: Db, runId: number): void {
  const run = getRunById(db, runId);
  if (!run) throw new AppError("not_found:run", `Run #${runId} does not exist`);
  if (!transitionRunStatus(db, runId, ["paused", "failed"], "queued")) {
    throw new AppError("conflict:run", `Run #${runId} is ${run.status}; only a paused or failed run can be resumed`);
  }
  addRunEvent(db, { runId, iterationIndex: run.currentIteration, stage: run.currentStage, level: "info", message: "Resumed" });
  notifyRunChanged(runId);
}

export function cancelRun(db: Db, runId: number): void {
  const run = getRunById(db, runId);
  if (!run) throw new AppError("not_found:run", `Run #${runId} does not exist`);
  if (
    !transitionRunStatus(
      db,
      runId,
      ["queued", "running", "paused", "failed"],
      "canceled",
      "Canceled by the user; a canceled run cannot be resumed (clone it to run again)",
    )
  ) {
    throw new AppError("conflict:run", `Run #${runId} is ${run.status} and cannot be canceled`);
  }
  addRunEvent(db, { runId, iterationIndex: run.currentIteration, stage: run.currentStage, level: "info", message: "Canceled by the user" });
  notifyRunChanged(runId);
}

/** The manual trainer's second half: the model someone trained, then the run goes on. */
export function submitManualModel(db: Db, runId: number, input: { iterationIndex: number; model: string; backendId: number }): void {
  const run = getRunById(db, runId);
  if (!run) throw new AppError("not_found:run", `Run #${runId} does not exist`);
  const iteration = getIteration(db, runId, input.iterationIndex);
  const job = iteration ? getTrainingJob(db, iteration.id) : undefined;
  if (!iteration || !job || job.trainer !== "manual" || job.status !== "awaiting_model") {
    throw new AppError("conflict:run", `Run #${runId} is not waiting for a model for iteration ${input.iterationIndex + 1}`);
  }
  updateTrainingJob(db, job.id, {
    status: "succeeded",
    resultModel: input.model,
    resultBackendId: input.backendId,
    finishedAt: Date.now(),
  });
  ensureIteration(db, { runId, index: input.iterationIndex + 1, judgeBackendId: input.backendId, judgeModel: input.model });
  addRunEvent(db, {
    runId,
    iterationIndex: input.iterationIndex,
    stage: "train",
    level: "info",
    message: `Trained model entered: ${input.model}`,
  });
  if (run.status === "paused") transitionRunStatus(db, runId, ["paused"], "queued");
  notifyRunChanged(runId);
}
