/**
 * Stage 2: for each selected instruction, the good response and the worse-response generation,
 * assessed and stored as one pair row (kept or dropped with its reason). Remaining work: selected
 * instructions without a pair row.
 */
import { countRunInstructions, insertPairs, listInstructionsWithoutPair, type PairInsert } from "@/lib/db/queries/run-work";
import { assessPair } from "@/lib/pipeline/build-pairs";
import { fillTemplate } from "@/lib/pipeline/prompts";
import { unitSeed } from "@/lib/pipeline/seeds";
import { BatchWriter } from "../batch-writer";
import { guardedCall } from "../call";
import type { RunContext } from "../context";
import { PauseRun } from "../errors";
import { runPool } from "../pool";

export async function pairsStage(ctx: RunContext): Promise<void> {
  const { db, run, config } = ctx;
  const total = countRunInstructions(db, run.id);
  const generator = ctx.clients.get(ctx.generatorBackendId);
  for (let pass = 0; pass < 3; pass++) {
    const remaining = listInstructionsWithoutPair(db, run.id);
    ctx.progress.stage("pairs", null, "Building pairs", total, total - remaining.length);
    if (remaining.length === 0) return;
    const writer = new BatchWriter<PairInsert>((rows) => insertPairs(db, rows));
    try {
      await runPool(
        remaining,
        ctx.concurrency,
        async ({ itemId, instruction }) => {
          const ask = (kind: "good" | "worse", prompt: string) =>
            guardedCall(ctx, generator.name, () =>
              generator.client.chat({
                model: config.generator.model,
                messages: [{ role: "user", content: prompt }],
                temperature: config.pairs.temperature,
                maxTokens: config.pairs.maxTokens,
                seed: unitSeed(run.seed, kind, itemId),
                signal: ctx.signal,
              }),
            );
          const [good, worse] = await Promise.all([
            ask("good", fillTemplate(config.prompts.answer, { instruction })),
            ask("worse", fillTemplate(config.prompts.worseResponse, { instruction })),
          ]);
          if ((!good.ok && good.action === "skip") || (!worse.ok && worse.action === "skip")) return;
          const tokens = [good, worse].reduce(
            (sum, call) =>
              call.ok
                ? { prompt: sum.prompt + call.result.usage.promptTokens, completion: sum.completion + call.result.usage.completionTokens }
                : sum,
            { prompt: 0, completion: 0 },
          );
          if (!good.ok || !worse.ok) {
            const message =
              !good.ok && good.action === "record" ? good.message : !worse.ok && worse.action === "record" ? worse.message : "";
            writer.push({
              runId: run.id,
              datasetItemId: itemId,
              status: "dropped",
              dropReason: "request_failed",
              goodResponse: good.ok ? good.result.samples[0]!.text : "",
              rawWorseOutput: `[request failed] ${message}`,
              promptTokens: tokens.prompt,
              completionTokens: tokens.completion,
            });
            ctx.progress.advance(1);
            return;
          }
          const goodSample = good.result.samples[0]!;
          const worseSample = worse.result.samples[0]!;
          const assessment = assessPair({
            instruction,
            good: goodSample.text,
            goodTruncated: goodSample.truncated,
            worseOutput: worseSample.text,
            worseTruncated: worseSample.truncated,
          });
          writer.push(
            assessment.status === "ok"
              ? {
                  runId: run.id,
                  datasetItemId: itemId,
                  status: "ok",
                  goodResponse: assessment.goodResponse,
                  modifiedInstruction: assessment.modifiedInstruction,
                  worseResponse: assessment.worseResponse,
                  promptTokens: tokens.prompt,
                  completionTokens: tokens.completion,
                }
              : {
                  runId: run.id,
                  datasetItemId: itemId,
                  status: "dropped",
                  dropReason: assessment.reason,
                  goodResponse: assessment.goodResponse,
                  rawWorseOutput: assessment.rawWorseOutput,
                  promptTokens: tokens.prompt,
                  completionTokens: tokens.completion,
                },
          );
          ctx.progress.advance(1);
        },
        ctx.signal,
      );
    } finally {
      // Finished work is kept even when the stage stops early (pause, lost lease, failure).
      writer.flush();
    }
    if (ctx.signal.aborted) return;
  }
  const left = listInstructionsWithoutPair(db, run.id).length;
  if (left > 0) throw new PauseRun(`${left} pairs could not be built (the generator kept failing); resume to try them again`);
}
