/**
 * What one training round works with: the trainer, the round's method and base model (and the
 * backend that serves it), the training job row, and how the round hands over the next judge.
 */
import { createTrainingJob, ensureIteration, getTrainingJob } from "@/lib/db/queries/run-work";
import type { IterationRow, TrainingJobRow } from "@/lib/db/schema";
import { trainingRound, type RunConfig } from "@/lib/pipeline/run-config";
import type { RunContext } from "../../context";

export type TrainingRoundContext = {
  ctx: RunContext;
  iteration: IterationRow;
  trainer: RunConfig["training"]["trainer"];
  method: "sft" | "dpo";
  /** The model this round fine-tunes, and the backend that serves it (and runs the fine-tuning API). */
  base: { model: string; backendId: number };
  job: TrainingJobRow;
  /** Makes the next iteration with its judge: a model on a backend, with demonstrations for in-context judges. */
  next: (model: string, backendId: number | null, demonstrationJudgmentIds?: number[] | null) => void;
};

/** "seed" (the paper) trains the base model again; "previous" this iteration's judge; the first round always the base. */
export function roundBase(ctx: RunContext, iteration: IterationRow): { model: string; backendId: number } {
  const round = trainingRound(ctx.config, iteration.index);
  return round.base === "previous" && iteration.index > 0
    ? { model: iteration.judgeModel, backendId: iteration.judgeBackendId! }
    : { model: ctx.baseModel.model, backendId: ctx.baseModel.backendId };
}

export function openTrainingRound(ctx: RunContext, iteration: IterationRow, examples: number): TrainingRoundContext {
  const { db, run, config } = ctx;
  const trainer = config.training.trainer;
  const method = trainingRound(config, iteration.index).method;
  const base = roundBase(ctx, iteration);
  const job =
    getTrainingJob(db, iteration.id) ??
    createTrainingJob(db, {
      iterationId: iteration.id,
      trainer: trainer.kind,
      method,
      status: "pending",
      baseModel: base.model,
      exampleCount: examples,
    });
  const next = (model: string, backendId: number | null, demonstrationJudgmentIds: number[] | null = null) => {
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
  return { ctx, iteration, trainer, method, base, job, next };
}
