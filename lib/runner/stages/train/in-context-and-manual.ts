/**
 * The two trainers that change no weights here: in-context (the next judge is the base model shown
 * k kept traces, balanced A/B and seeded, as demonstrations) and manual (the run waits for a model
 * name entered on the run page, then goes on).
 */
import { getTrainingJob, listTrainingChoices, updateTrainingJob } from "@/lib/db/queries/run-work";
import { runRandom } from "@/lib/pipeline/seeds";
import { PauseRun } from "../../errors";
import type { TrainingRoundContext } from "./round";

export function trainInContext({ ctx, iteration, trainer, base, job, next }: TrainingRoundContext): void {
  if (trainer.kind !== "in_context") return;
  const examples = listTrainingChoices(ctx.db, iteration.id);
  const random = runRandom(ctx.run.seed, "demonstrations", iteration.index);
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
  updateTrainingJob(ctx.db, job.id, {
    status: "succeeded",
    resultModel: base.model,
    resultBackendId: base.backendId,
    exampleCount: ids.length,
    finishedAt: Date.now(),
  });
  next(base.model, base.backendId, ids);
}

export function trainManually({ ctx, iteration, job, next }: TrainingRoundContext): void {
  const current = getTrainingJob(ctx.db, iteration.id)!;
  if (current.status === "succeeded" && current.resultModel) {
    next(current.resultModel, current.resultBackendId);
    return;
  }
  updateTrainingJob(ctx.db, job.id, { status: "awaiting_model" });
  throw new PauseRun(
    `Waiting for a trained model for iteration ${iteration.index + 1}: download the training set from the run page, train it anywhere, then enter the new model's name`,
  );
}
