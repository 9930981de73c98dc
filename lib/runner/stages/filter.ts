/** Stage 4: rejection sampling and balancing over the iteration's judgments, written once. */
import type { IterationRow } from "@/lib/db/schema";
import { listJudgmentsForFilter, saveFilterResult } from "@/lib/db/queries/run-work";
import { rejectionSample } from "@/lib/pipeline/filter";
import { trainingRound } from "@/lib/pipeline/run-config";
import { runRandom } from "@/lib/pipeline/seeds";
import type { RunContext } from "../context";

export function filterStage(ctx: RunContext, iteration: IterationRow): void {
  if (iteration.stats?.filtered) return;
  ctx.progress.stage("filter", iteration.index, `Filtering judgments (iteration ${iteration.index})`, 1, 0);
  const rows = listJudgmentsForFilter(ctx.db, iteration.id);
  // The examples are made for the method this iteration's data trains with (SFT or DPO).
  const { method } = trainingRound(ctx.config, iteration.index);
  const result = rejectionSample(rows, {
    ...ctx.config.filter,
    method,
    dpoPairsPerPrompt: ctx.config.training.dpoPairsPerPrompt,
    random: runRandom(ctx.run.seed, "filter", iteration.index),
  });
  saveFilterResult(ctx.db, iteration.id, { statuses: result.statuses, examples: result.examples, stats: result.counts });
  ctx.progress.advance(1);
  const c = result.counts;
  ctx.log(
    "info",
    `Iteration ${iteration.index}: ${c.judgments} judgments (${c.correct} correct, ${c.wrong} wrong, ${c.tie} ties, ${c.unparsed} unparsed); ` +
      (method === "dpo"
        ? `${c.candidates} pair-orders with a correct and an incorrect trace (${c.withoutRejected} had no incorrect one), ` +
          `${c.balancedOut} removed by balancing, ${c.kept} kept (${c.keptA} A, ${c.keptB} B), ${c.examples} DPO pairs`
        : `${c.candidates} pair-orders with a usable trace, ${c.balancedOut} removed by balancing, ${c.kept} kept (${c.keptA} A, ${c.keptB} B)`),
    { stage: "filter", iteration: iteration.index },
  );
}
