/**
 * Stage 5: hand the iteration's kept examples to the configured trainer; its result is the next
 * iteration's judge. Which model is fine-tuned follows the round's base: "seed" (the paper) trains
 * the run's base model again on this iteration's data; "previous" trains this iteration's judge
 * (the first round always starts from the base model). The method (SFT or DPO) is the round's, from
 * the schedule. Every step is recorded on the training job row (base model, file id, job id,
 * status, log, result), so a restart picks up the same job. Trainers: the OpenAI fine-tuning API,
 * a configured command, manual (the run waits for a model name), in-context (demonstrations).
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { findBackendByName } from "@/lib/db/queries/backends";
import { createTrainingJob, ensureIteration, getIteration, getTrainingJob, updateTrainingJob } from "@/lib/db/queries/run-work";
import { trainingExamples, type IterationRow } from "@/lib/db/schema";
import { databaseFile } from "@/lib/env";
import { InferenceError } from "@/lib/inference/errors";
import { trainingRound } from "@/lib/pipeline/run-config";
import { runRandom } from "@/lib/pipeline/seeds";
import { readServerConfig } from "@/lib/server-config";
import { runTrainingCommand } from "@/lib/trainers/command";
import { createFineTuningJob, uploadTrainingFile, waitForFineTuningJob } from "@/lib/trainers/fine-tuning-api";
import { buildTrainingFile } from "@/lib/trainers/training-file";
import type { RunContext } from "../context";
import { FailRun, PauseRun } from "../errors";

export async function trainStage(ctx: RunContext, iteration: IterationRow): Promise<void> {
  const { db, run, config } = ctx;
  if (getIteration(db, run.id, iteration.index + 1)) return;
  const trainer = config.training.trainer;
  const round = trainingRound(config, iteration.index);
  const method = round.method;
  // The model this round fine-tunes, and the backend that serves it (and runs the fine-tuning API).
  const base =
    round.base === "previous" && iteration.index > 0
      ? { model: iteration.judgeModel, backendId: iteration.judgeBackendId! }
      : { model: ctx.baseModel.model, backendId: ctx.baseModel.backendId };
  const kept = db
    .select({ id: trainingExamples.id })
    .from(trainingExamples)
    .where(eq(trainingExamples.iterationId, iteration.id))
    .all().length;
  if (kept === 0) {
    throw new FailRun(
      `Iteration ${iteration.index} kept no training examples (no correct judgment survived filtering and balancing), so there is nothing to train on`,
    );
  }
  const job =
    getTrainingJob(db, iteration.id) ??
    createTrainingJob(db, {
      iterationId: iteration.id,
      trainer: trainer.kind,
      method,
      status: "pending",
      baseModel: base.model,
      exampleCount: kept,
    });
  ctx.progress.stage("train", iteration.index, `Training the judge of iteration ${iteration.index + 1}`, 1, 0);
  const nextIteration = (model: string, backendId: number | null, demonstrationJudgmentIds: number[] | null = null) => {
    ensureIteration(db, {
      runId: run.id,
      index: iteration.index + 1,
      judgeBackendId: backendId,
      judgeModel: model,
      demonstrationJudgmentIds,
    });
    ctx.progress.advance(1);
    ctx.log(
      "info",
      `Iteration ${iteration.index + 1}'s judge: ${model}${demonstrationJudgmentIds ? ` with ${demonstrationJudgmentIds.length} demonstrations` : ""}`,
      { stage: "train", iteration: iteration.index },
    );
  };

  if (trainer.kind === "in_context") {
    const examples = db
      .select({ chosen: trainingExamples.chosenJudgmentId, position: trainingExamples.goodPosition })
      .from(trainingExamples)
      .where(eq(trainingExamples.iterationId, iteration.id))
      .all();
    const random = runRandom(run.seed, "demonstrations", iteration.index);
    const half = Math.ceil(trainer.demonstrations / 2);
    const a = random.sample(
      examples.filter((e) => e.position === "A"),
      half,
    );
    const b = random.sample(
      examples.filter((e) => e.position === "B"),
      trainer.demonstrations - a.length,
    );
    const ids = random.sample([...a, ...b], trainer.demonstrations).map((e) => e.chosen);
    updateTrainingJob(db, job.id, {
      status: "succeeded",
      resultModel: base.model,
      resultBackendId: base.backendId,
      exampleCount: ids.length,
      finishedAt: Date.now(),
    });
    nextIteration(base.model, base.backendId, ids);
    return;
  }

  if (trainer.kind === "manual") {
    const current = getTrainingJob(db, iteration.id)!;
    if (current.status === "succeeded" && current.resultModel) {
      nextIteration(current.resultModel, current.resultBackendId);
      return;
    }
    updateTrainingJob(db, job.id, { status: "awaiting_model" });
    throw new PauseRun(
      `Waiting for a trained model for iteration ${iteration.index + 1}: download the training set from the run page, train it anywhere, then enter the new model's name`,
    );
  }

  if (trainer.kind === "fine_tuning_api") {
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
      updateTrainingJob(db, job.id, {
        status: "succeeded",
        resultModel: model,
        resultBackendId: base.backendId,
        finishedAt: Date.now(),
      });
      nextIteration(model, base.backendId);
    } catch (error) {
      if (error instanceof FailRun || ctx.signal.aborted) throw error;
      if (error instanceof InferenceError && error.kind !== "bad_request")
        throw new PauseRun(`Fine-tuning on ${server.name} could not continue: ${error.message}`);
      const message = error instanceof Error ? error.message : String(error);
      updateTrainingJob(db, job.id, { status: "failed", error: message, finishedAt: Date.now() });
      throw new FailRun(`Training iteration ${iteration.index + 1}'s judge failed: ${message}`);
    }
    return;
  }

  // A command from the server's configuration file.
  const commands = readServerConfig().trainers;
  const configured = commands[trainer.command];
  if (!configured) {
    throw new FailRun(
      `No trainer command named "${trainer.command}" in the server configuration (${Object.keys(commands).join(", ") || "none configured"})`,
    );
  }
  const backend = findBackendByName(db, configured.backend);
  if (!backend) throw new FailRun(`The trainer "${trainer.command}" names backend "${configured.backend}", which does not exist`);
  const file = buildTrainingFile(db, iteration.id, { judgeTemplate: config.prompts.judge, method, format: "trl" });
  const dir = path.join(path.dirname(databaseFile()), "training");
  fs.mkdirSync(dir, { recursive: true });
  const filePath = path.join(dir, `run-${run.id}-iteration-${iteration.index}-${method}.jsonl`);
  fs.writeFileSync(filePath, file.content);
  updateTrainingJob(db, job.id, { status: "running", exampleCount: file.lines });
  try {
    const result = await runTrainingCommand(configured, { trainingFile: filePath, method, baseModel: base.model }, ctx.signal);
    updateTrainingJob(db, job.id, {
      status: "succeeded",
      resultModel: result.model,
      resultBackendId: backend.id,
      log: result.log,
      finishedAt: Date.now(),
    });
    nextIteration(result.model, backend.id);
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    updateTrainingJob(db, job.id, {
      status: "failed",
      error: message,
      log: (error as { log?: string }).log ?? null,
      finishedAt: Date.now(),
    });
    throw new FailRun(message);
  }
}
