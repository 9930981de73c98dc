/**
 * Stage 6: the iteration's judge on every eval set, each item in one seeded random order (or both),
 * k samples each; once every judgment of a set exists, its per-subset scores are written. Request
 * seeds do not depend on the iteration, so every iteration's judge answers the same requests
 * (common random numbers: differences between iterations come from the judges, not the draws).
 */
import type { IterationRow, Position } from "@/lib/db/schema";
import {
  existingEvalKeys,
  getItemTexts,
  hasEvalResults,
  insertEvalJudgments,
  listDatasetItemIds,
  writeEvalResults,
  type EvalJudgmentInsert,
} from "@/lib/db/queries/run-work";
import { evalItemSample, evalOrders } from "@/lib/pipeline/evaluate";
import { judgeConversation, judgePromptFor, judgmentOutcome } from "@/lib/pipeline/judge";
import { unitSeed } from "@/lib/pipeline/seeds";
import { BatchWriter } from "../batch-writer";
import { guardedCall, splitUsage } from "../call";
import type { RunContext } from "../context";
import { PauseRun } from "../errors";
import { runPool } from "../pool";
import { demonstrationsFor } from "./judge";

const PAGE = 500;

export async function evaluateStage(ctx: RunContext, iteration: IterationRow): Promise<void> {
  const { db, run, config } = ctx;
  const k = config.evaluation.samples;
  const judge = ctx.clients.get(iteration.judgeBackendId!);
  const demonstrations = demonstrationsFor(ctx, iteration);

  for (const datasetId of ctx.evalDatasetIds) {
    if (hasEvalResults(db, iteration.id, datasetId)) continue;
    const itemIds = evalItemSample(listDatasetItemIds(db, datasetId), config.evaluation.maxItems, run.seed, datasetId);
    const total = itemIds.reduce((sum, id) => sum + evalOrders(config.evaluation.protocol, run.seed, id).length * k, 0);

    const missingUnits = function* (): Generator<{ itemId: number; position: Position; prompt: string }> {
      for (let start = 0; start < itemIds.length; start += PAGE) {
        const ids = itemIds.slice(start, start + PAGE);
        const existing = existingEvalKeys(db, iteration.id, ids);
        const texts = new Map(getItemTexts(db, ids).map((t) => [t.id, t]));
        for (const itemId of ids) {
          const item = texts.get(itemId)!;
          for (const position of evalOrders(config.evaluation.protocol, run.seed, itemId)) {
            let have = 0;
            for (let s = 0; s < k; s++) if (existing.has(`${itemId}:${position}:${s}`)) have++;
            if (have < k)
              yield {
                itemId,
                position,
                prompt: judgePromptFor(config.prompts.judge, item.prompt, item.chosen ?? "", item.rejected ?? "", position),
              };
          }
        }
      }
    };

    let complete = false;
    for (let pass = 0; pass < 3 && !complete; pass++) {
      const existingCount = itemIds.length === 0 ? 0 : countExisting(ctx, iteration.id, itemIds);
      ctx.progress.stage("evaluate", iteration.index, `Evaluating iteration ${iteration.index}`, total, existingCount);
      if (existingCount >= total) {
        complete = true;
        break;
      }
      const writer = new BatchWriter<EvalJudgmentInsert>((rows) => insertEvalJudgments(db, rows));
      try {
        await runPool(
          missingUnits(),
          ctx.concurrency,
          async (unit) => {
            const outcome = await guardedCall(ctx, judge.name, () =>
              judge.client.chat({
                model: iteration.judgeModel,
                messages: judgeConversation(unit.prompt, demonstrations),
                n: k,
                temperature: config.evaluation.temperature,
                topP: config.evaluation.topP,
                maxTokens: config.evaluation.maxTokens,
                seed: unitSeed(run.seed, "eval", unit.itemId, unit.position),
                signal: ctx.signal,
              }),
            );
            if (!outcome.ok && outcome.action === "skip") return;
            const rows: EvalJudgmentInsert[] = [];
            for (let sample = 0; sample < k; sample++) {
              if (outcome.ok) {
                const s = outcome.result.samples[sample]!;
                const { verdict, outcome: result } = judgmentOutcome(s.text, unit.position, config.evaluation.verdictRule);
                rows.push({
                  iterationId: iteration.id,
                  datasetItemId: unit.itemId,
                  goodPosition: unit.position,
                  sample,
                  verdict,
                  outcome: result,
                  trace: s.text,
                  finishReason: s.finishReason,
                  truncated: s.truncated,
                  promptTokens: splitUsage(outcome.result.usage.promptTokens, k, sample),
                  completionTokens: splitUsage(outcome.result.usage.completionTokens, k, sample),
                  latencyMs: outcome.result.usage.latencyMs,
                });
              } else {
                rows.push({
                  iterationId: iteration.id,
                  datasetItemId: unit.itemId,
                  goodPosition: unit.position,
                  sample,
                  verdict: null,
                  outcome: "unparsed",
                  trace: `[request failed] ${outcome.message}`,
                  finishReason: "error",
                });
              }
            }
            writer.push(...rows);
            ctx.progress.advance(k);
          },
          ctx.signal,
        );
      } finally {
        // Finished work is kept even when the stage stops early (pause, lost lease, failure).
        writer.flush();
      }
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
    count += existingEvalKeys(ctx.db, iterationId, itemIds.slice(start, start + PAGE)).size;
  return count;
}
