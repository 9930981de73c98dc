/**
 * Stage 3: the iteration's judge samples N judgments for every kept pair, in both orders (or one
 * seeded order), with one n-sampling request per (pair, order). Remaining work: (pair, order)s
 * missing any of their N samples. A request that failed for good on this unit alone is stored as N
 * unparsed judgments carrying the error, so it is visible and counted.
 */
import type { IterationRow, Position } from "@/lib/db/schema";
import {
  countJudgments,
  countPairs,
  existingJudgmentKeys,
  getJudgmentTraces,
  insertJudgments,
  listOkPairsPage,
  type JudgmentInsert,
} from "@/lib/db/queries/run-work";
import { judgeConversation, judgePromptFor, judgmentOutcome } from "@/lib/pipeline/judge";
import { runRandom, unitSeed } from "@/lib/pipeline/seeds";
import { BatchWriter } from "../batch-writer";
import { guardedCall, splitUsage } from "../call";
import type { RunContext } from "../context";
import { PauseRun } from "../errors";
import { runPool } from "../pool";

const PAGE = 500;

/** The orders a pair is judged in; `itemId` is the instruction's dataset item (stable across runs). */
export function judgeOrders(bothOrders: boolean, runSeed: number, itemId: number): Position[] {
  if (bothOrders) return ["A", "B"];
  return [runRandom(runSeed, "judge-order", itemId).next() < 0.5 ? "A" : "B"];
}

/** The demonstrations an in-context judge sees before each prompt. */
export function demonstrationsFor(ctx: RunContext, iteration: IterationRow): { prompt: string; trace: string }[] {
  const ids = iteration.demonstrationJudgmentIds ?? [];
  return getJudgmentTraces(ctx.db, ids).map((d) => ({
    prompt: judgePromptFor(ctx.config.prompts.judge, d.instruction, d.goodResponse, d.worseResponse, d.goodPosition),
    trace: d.trace,
  }));
}

export async function judgeStage(ctx: RunContext, iteration: IterationRow): Promise<void> {
  const { db, run, config } = ctx;
  const n = config.judging.samples;
  const orderCount = config.judging.bothOrders ? 2 : 1;
  const total = countPairs(db, run.id).ok * orderCount * n;
  const judge = ctx.clients.get(iteration.judgeBackendId!);
  const demonstrations = demonstrationsFor(ctx, iteration);

  /** Units still missing samples, read a page of pairs at a time (never the whole run in memory). */
  function* missingUnits(): Generator<{ pairId: number; itemId: number; position: Position; prompt: string }> {
    for (let afterId = 0; ;) {
      const page = listOkPairsPage(db, run.id, afterId, PAGE);
      if (page.length === 0) return;
      afterId = page.at(-1)!.id;
      const existing = existingJudgmentKeys(
        db,
        iteration.id,
        page.map((p) => p.id),
      );
      for (const pair of page) {
        for (const position of judgeOrders(config.judging.bothOrders, run.seed, pair.itemId)) {
          let have = 0;
          for (let s = 0; s < n; s++) if (existing.has(`${pair.id}:${position}:${s}`)) have++;
          if (have < n)
            yield {
              pairId: pair.id,
              itemId: pair.itemId,
              position,
              prompt: judgePromptFor(config.prompts.judge, pair.instruction, pair.goodResponse, pair.worseResponse, position),
            };
        }
      }
    }
  }

  for (let pass = 0; pass < 3; pass++) {
    const done = countJudgments(db, iteration.id);
    ctx.progress.stage("judge", iteration.index, `Judging pairs (iteration ${iteration.index})`, total, done);
    if (done >= total) return;
    const writer = new BatchWriter<JudgmentInsert>((rows) => insertJudgments(db, rows));
    try {
      await runPool(
        missingUnits(),
        ctx.concurrency,
        async (unit) => {
          const outcome = await guardedCall(ctx, judge.name, () =>
            judge.client.chat({
              model: iteration.judgeModel,
              messages: judgeConversation(unit.prompt, demonstrations),
              n,
              temperature: config.judging.temperature,
              topP: config.judging.topP,
              maxTokens: config.judging.maxTokens,
              seed: unitSeed(run.seed, "judge", iteration.index, unit.itemId, unit.position),
              signal: ctx.signal,
            }),
          );
          if (!outcome.ok && outcome.action === "skip") return;
          const rows: JudgmentInsert[] = [];
          for (let sample = 0; sample < n; sample++) {
            if (outcome.ok) {
              const s = outcome.result.samples[sample]!;
              const { verdict, outcome: result } = judgmentOutcome(s.text, unit.position, config.judging.verdictRule);
              rows.push({
                iterationId: iteration.id,
                pairId: unit.pairId,
                goodPosition: unit.position,
                sample,
                verdict,
                outcome: result,
                trace: s.text,
                finishReason: s.finishReason,
                truncated: s.truncated,
                promptTokens: splitUsage(outcome.result.usage.promptTokens, n, sample),
                completionTokens: splitUsage(outcome.result.usage.completionTokens, n, sample),
                latencyMs: outcome.result.usage.latencyMs,
              });
            } else {
              rows.push({
                iterationId: iteration.id,
                pairId: unit.pairId,
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
          ctx.progress.advance(n);
        },
        ctx.signal,
      );
    } finally {
      // Finished work is kept even when the stage stops early (pause, lost lease, failure).
      writer.flush();
    }
    if (ctx.signal.aborted) return;
  }
  throw new PauseRun(`Some judgments of iteration ${iteration.index} could not be made (the judge kept failing); resume to try them again`);
}
