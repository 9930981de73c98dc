/**
 * Stage 6: the iteration's judge on every eval set, each item in one seeded random order (or both),
 * k samples each, through the judging engine; once every judgment of a set exists, its per-subset
 * scores are written. Request seeds do not depend on the iteration, so every iteration's judge
 * answers the same requests (common random numbers: differences between iterations come from the
 * judges, not the draws).
 */
import { getItemTexts, hasEvalResults, listDatasetItemIds, writeEvalResults } from "@/lib/db/queries/run-work";
import { existingSampleKeys } from "@/lib/db/queries/sampled-judgments";
import type { IterationRow } from "@/lib/db/schema";
import { evalItemSample, evalOrders } from "@/lib/pipeline/evaluate";
import { judgePromptFor } from "@/lib/pipeline/judge";
import { evalJudgmentsPerJudge } from "@/lib/pipeline/sampling";
import { unitSeed } from "@/lib/pipeline/seeds";
import type { RunContext } from "../context";
import { PauseRun } from "../errors";
import { judgeAndStore, judgingSetupFor, missingSamples, type JudgingUnit } from "../judging-engine";

const PAGE = 500;

export async function evaluateStage(ctx: RunContext, iteration: IterationRow): Promise<void> {
  const { db, run, config } = ctx;
  const setup = judgingSetupFor(ctx, iteration, "evaluation");
  const { sampling } = setup;

  for (const datasetId of ctx.evalDatasetIds) {
    if (hasEvalResults(db, iteration.id, datasetId)) continue;
    const itemIds = evalItemSample(listDatasetItemIds(db, datasetId), config.evaluation.maxItems, run.seed, datasetId);
    const total = evalJudgmentsPerJudge(itemIds.length, config.evaluation);

    const missingUnits = function* (): Generator<JudgingUnit> {
      for (let start = 0; start < itemIds.length; start += PAGE) {
        const ids = itemIds.slice(start, start + PAGE);
        const existing = existingSampleKeys(db, "eval", iteration.id, ids);
        const texts = new Map(getItemTexts(db, ids).map((t) => [t.id, t]));
        for (const itemId of ids) {
          const item = texts.get(itemId)!;
          for (const position of evalOrders(config.evaluation.protocol, run.seed, itemId)) {
            if (missingSamples(existing, itemId, position, sampling.n))
              yield {
                subjectId: itemId,
                position,
                prompt: judgePromptFor(config.prompts.judge, item.prompt, item.chosen ?? "", item.rejected ?? "", position),
                seed: unitSeed(run.seed, "eval", itemId, position),
              };
          }
        }
      }
    };

    let complete = false;
    for (let pass = 0; pass < 3 && !complete; pass++) {
      const existingCount = countExisting(ctx, iteration.id, itemIds);
      ctx.progress.stage("evaluate", iteration.index, `Evaluating iteration ${iteration.index}`, total, existingCount);
      if (existingCount >= total) {
        complete = true;
        break;
      }
      await judgeAndStore(ctx, "eval", iteration.id, setup, missingUnits());
      if (ctx.signal.aborted) return;
    }
    if (!complete && countExisting(ctx, iteration.id, itemIds) < total) {
      throw new PauseRun(
        `Some evaluations of iteration ${iteration.index} could not be made (the judge kept failing); resume to try them again`,
      );
    }
    writeEvalResults(db, iteration.id, datasetId);
  }
}

function countExisting(ctx: RunContext, iterationId: number, itemIds: number[]): number {
  let count = 0;
  for (let start = 0; start < itemIds.length; start += PAGE)
    count += existingSampleKeys(ctx.db, "eval", iterationId, itemIds.slice(start, start + PAGE)).size;
  return count;
}
