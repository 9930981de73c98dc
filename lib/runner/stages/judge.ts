/**
 * Stage 3: the iteration's judge samples N judgments for every kept pair, in both orders (or one
 * seeded order), one n-sampling request per (pair, order), through the judging engine. Remaining
 * work: (pair, order)s missing any of their N samples. A request that failed for good on this unit
 * alone is stored as N unparsed judgments carrying the error, so it is visible and counted.
 */
import { countJudgments, countPairs, listOkPairsPage } from "@/lib/db/queries/run-work";
import { existingSampleKeys } from "@/lib/db/queries/sampled-judgments";
import type { IterationRow } from "@/lib/db/schema";
import { judgeOrders } from "@/lib/pipeline/evaluate";
import { judgePromptFor } from "@/lib/pipeline/judge";
import { judgmentsPerIteration } from "@/lib/pipeline/sampling";
import { unitSeed } from "@/lib/pipeline/seeds";
import type { RunContext } from "../context";
import { PauseRun } from "../errors";
import { judgeAndStore, judgingSetupFor, missingSamples, type JudgingUnit } from "../judging-engine";

const PAGE = 500;

export async function judgeStage(ctx: RunContext, iteration: IterationRow): Promise<void> {
  const { db, run, config } = ctx;
  const setup = judgingSetupFor(ctx, iteration, "training");
  const { sampling } = setup;
  const total = judgmentsPerIteration(countPairs(db, run.id).ok, config.judging);

  /** Units still missing samples, read a page of pairs at a time (never the whole run in memory). */
  function* missingUnits(): Generator<JudgingUnit> {
    for (let afterId = 0; ;) {
      const page = listOkPairsPage(db, run.id, afterId, PAGE);
      if (page.length === 0) return;
      afterId = page.at(-1)!.id;
      const existing = existingSampleKeys(
        db,
        "training",
        iteration.id,
        page.map((p) => p.id),
      );
      for (const pair of page) {
        for (const position of judgeOrders(config.judging.bothOrders, run.seed, pair.itemId)) {
          if (missingSamples(existing, pair.id, position, sampling.n))
            yield {
              subjectId: pair.id,
              position,
              prompt: judgePromptFor(config.prompts.judge, pair.instruction, pair.goodResponse, pair.worseResponse, position),
              seed: unitSeed(run.seed, "judge", iteration.index, pair.itemId, position),
            };
        }
      }
    }
  }

  for (let pass = 0; pass < 3; pass++) {
    const done = countJudgments(db, iteration.id);
    ctx.progress.stage("judge", iteration.index, `Judging pairs (iteration ${iteration.index})`, total, done);
    if (done >= total) return;
    await judgeAndStore(ctx, "training", iteration.id, setup, missingUnits());
    if (ctx.signal.aborted) return;
  }
  throw new PauseRun(`Some judgments of iteration ${iteration.index} could not be made (the judge kept failing); resume to try them again`);
}
