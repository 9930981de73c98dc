/**
 * Stage 5: hand the iteration's kept examples to the configured trainer; its result is the next
 * iteration's judge. Which model is fine-tuned follows the round's base: "seed" (the paper) trains
 * the run's base model again on this iteration's data; "previous" trains this iteration's judge
 * (the first round always starts from the base model). The method (SFT or DPO) is the round's, from
 * the schedule. Every step is recorded on the training job row (base model, file id, job id,
 * status, log, result), so a restart picks up the same job. One file per trainer beside this one.
 */
import { countTrainingExamples } from "@/lib/db/queries/run-summary";
import { getIteration } from "@/lib/db/queries/run-work";
import type { IterationRow } from "@/lib/db/schema";
import type { RunContext } from "../../context";
import { FailRun } from "../../errors";
import { trainWithCommand } from "./command";
import { trainWithFineTuningApi } from "./fine-tuning-api";
import { trainInContext, trainManually } from "./in-context-and-manual";
import { openTrainingRound } from "./round";

export async function trainStage(ctx: RunContext, iteration: IterationRow): Promise<void> {
  if (getIteration(ctx.db, ctx.run.id, iteration.index + 1)) return;
  const kept = countTrainingExamples(ctx.db, iteration.id).total;
  if (kept === 0) {
    throw new FailRun(
      `Iteration ${iteration.index} kept no training examples (no correct judgment survived filtering and balancing), so there is nothing to train on`,
    );
  }
  const round = openTrainingRound(ctx, iteration, kept);
  ctx.progress.stage("train", iteration.index, `Training the judge of iteration ${iteration.index + 1}`, 1, 0);
  const kind = round.trainer.kind;
  if (kind === "in_context") return trainInContext(round);
  if (kind === "manual") return trainManually(round);
  if (kind === "fine_tuning_api") return trainWithFineTuningApi(round);
  return trainWithCommand(round);
}
