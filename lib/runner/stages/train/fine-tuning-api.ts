/**
 * The fine-tuning API trainer (the OpenAI protocol) on the base model's backend: upload the
 * training file, create the job, poll it; each step is saved on the training job row, so a
 * restart polls the same job instead of starting another.
 */
import { getTrainingJob, updateTrainingJob } from "@/lib/db/queries/run-work";
import { InferenceError } from "@/lib/inference/errors";
import { createFineTuningJob, uploadTrainingFile, waitForFineTuningJob } from "@/lib/trainers/fine-tuning-api";
import { buildTrainingFile } from "@/lib/trainers/training-file";
import { FailRun, PauseRun } from "../../errors";
import type { TrainingRoundContext } from "./round";

export async function trainWithFineTuningApi({ ctx, iteration, trainer, method, base, job, next }: TrainingRoundContext): Promise<void> {
  if (trainer.kind !== "fine_tuning_api") return;
  const { db, run, config } = ctx;
  const server = ctx.clients.get(base.backendId);
  const target = { baseUrl: server.baseUrl, apiKeyEnv: server.apiKeyEnv };
  try {
    let current = getTrainingJob(db, iteration.id)!;
    if (!current.externalFileId) {
      const file = buildTrainingFile(db, iteration.id, { judgeTemplate: config.prompts.judge, method, format: "openai" });
      if (file.lines === 0)
        throw new FailRun(
          `Iteration ${iteration.index} has no ${method.toUpperCase()} examples to train on (DPO needs an incorrect trace beside each kept one)`,
        );
      const fileId = await uploadTrainingFile(
        target,
        file.content,
        `run-${run.id}-iteration-${iteration.index}-${method}.jsonl`,
        ctx.signal,
      );
      updateTrainingJob(db, job.id, { externalFileId: fileId, exampleCount: file.lines });
      current = getTrainingJob(db, iteration.id)!;
    }
    if (!current.externalJobId) {
      const jobId = await createFineTuningJob(
        target,
        {
          model: base.model,
          trainingFileId: current.externalFileId!,
          method: method === "sft" ? "supervised" : "dpo",
          suffix: trainer.suffix,
          seed: run.seed,
        },
        ctx.signal,
      );
      updateTrainingJob(db, job.id, { externalJobId: jobId, status: "running" });
      current = getTrainingJob(db, iteration.id)!;
    }
    const model = await waitForFineTuningJob(target, current.externalJobId!, {
      signal: ctx.signal,
      pollMs: 500,
      onStatus: (status) => updateTrainingJob(db, job.id, { log: `${new Date().toISOString()} ${status}` }),
    });
    updateTrainingJob(db, job.id, { status: "succeeded", resultModel: model, resultBackendId: base.backendId, finishedAt: Date.now() });
    next(model, base.backendId);
  } catch (error) {
    if (error instanceof FailRun || ctx.signal.aborted) throw error;
    if (error instanceof InferenceError && error.kind !== "bad_request")
      throw new PauseRun(`Fine-tuning on ${server.name} could not continue: ${error.message}`);
    const message = error instanceof Error ? error.message : String(error);
    updateTrainingJob(db, job.id, { status: "failed", error: message, finishedAt: Date.now() });
    throw new FailRun(`Training iteration ${iteration.index + 1}'s judge failed: ${message}`);
  }
}
