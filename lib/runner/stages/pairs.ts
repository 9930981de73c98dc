/**
 * Stage 2: for each selected instruction, the good response y_w (the pool's own baseline response
 * when it has one and the run uses it, else the generator's answer), then the worse-response
 * generation, which is shown y_w (as the reference's template does), assessed and stored as one
 * pair row (kept or dropped with its reason). The two requests of one instruction run in turn;
 * instructions run in parallel. Remaining work: selected instructions without a pair row.
 */
import { countRunInstructions, insertPairs, listInstructionsWithoutPair, type PairInsert } from "@/lib/db/queries/run-work";
import type { ChatResult } from "@/lib/inference/chat-client";
import { assessPair } from "@/lib/pipeline/build-pairs";
import { fillTemplate } from "@/lib/pipeline/prompts";
import { unitSeed } from "@/lib/pipeline/seeds";
import { BatchWriter } from "../batch-writer";
import { guardedCall } from "../call";
import type { RunContext } from "../context";
import { PauseRun } from "../errors";
import { runPool } from "../pool";

type Tokens = { prompt: number; completion: number };
const usageOf = (result: ChatResult | null): Tokens =>
  result ? { prompt: result.usage.promptTokens, completion: result.usage.completionTokens } : { prompt: 0, completion: 0 };
const plus = (a: Tokens, b: Tokens): Tokens => ({ prompt: a.prompt + b.prompt, completion: a.completion + b.completion });

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
        async ({ itemId, instruction, baseline }) => {
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
          const dropFailed = (message: string, good: string, goodSource: "generated" | "pool", tokens: Tokens) => {
            writer.push({
              runId: run.id,
              datasetItemId: itemId,
              status: "dropped",
              dropReason: "request_failed",
              goodResponse: good,
              goodSource,
              rawWorseOutput: `[request failed] ${message}`,
              promptTokens: tokens.prompt,
              completionTokens: tokens.completion,
            });
            ctx.progress.advance(1);
          };

          // y_w: the pool's baseline, or the generator's answer to x.
          const fromPool = config.pairs.goodResponse === "pool" && baseline !== null && baseline.trim() !== "";
          let good: { text: string; truncated: boolean };
          let tokens: Tokens = { prompt: 0, completion: 0 };
          if (fromPool) {
            good = { text: baseline!, truncated: false };
          } else {
            const answer = await ask("good", fillTemplate(config.prompts.answer, { instruction }));
            if (!answer.ok && answer.action === "skip") return;
            if (!answer.ok) return dropFailed(answer.message, "", "generated", tokens);
            tokens = usageOf(answer.result);
            good = answer.result.samples[0]!;
          }
          const goodSource = fromPool ? "pool" : "generated";

          // x' and y_l, with y_w in the prompt. A good response that is already unusable needs no worse one.
          const unusable = good.text.trim() === "" || good.truncated;
          const worse = unusable
            ? null
            : await ask("worse", fillTemplate(config.prompts.worseResponse, { instruction, response: good.text }));
          if (worse && !worse.ok && worse.action === "skip") return;
          if (worse && !worse.ok) return dropFailed(worse.message, good.text, goodSource, tokens);
          tokens = plus(tokens, usageOf(worse?.ok ? worse.result : null));
          const worseSample = worse?.ok ? worse.result.samples[0]! : { text: "", truncated: false };
          const assessment = assessPair({
            instruction,
            good: good.text,
            goodTruncated: good.truncated,
            worseOutput: worseSample.text,
            worseTruncated: worseSample.truncated,
          });
          const common = {
            runId: run.id,
            datasetItemId: itemId,
            goodResponse: assessment.goodResponse,
            goodSource,
            promptTokens: tokens.prompt,
            completionTokens: tokens.completion,
          } as const;
          writer.push(
            assessment.status === "ok"
              ? { ...common, status: "ok", modifiedInstruction: assessment.modifiedInstruction, worseResponse: assessment.worseResponse }
              : { ...common, status: "dropped", dropReason: assessment.reason, rawWorseOutput: assessment.rawWorseOutput },
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
