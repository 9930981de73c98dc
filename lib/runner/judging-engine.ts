/**
 * The one loop that makes judgments: for every judging unit (a judge prompt in one order, with its
 * request seed), one call for n samples to the judge (with its demonstrations), through the
 * failure guard, the samples turned into rows by the pure interpretSamples, and the rows written
 * in batches to the kind's table (kept even when the stage stops early). The judge stage, the
 * evaluation stage and judge jobs all run through it.
 */
import type { Queryable } from "@/lib/db/client";
import { getJudgmentTraces } from "@/lib/db/queries/run-work";
import type { IterationRow } from "@/lib/db/schema";
import { judgeConversation, judgePromptFor } from "@/lib/pipeline/judge";
import { interpretSamples, type JudgedSample } from "@/lib/pipeline/judging";
import type { VerdictRule } from "@/lib/pipeline/parse-verdict";
import { samplingOf, type Sampling } from "@/lib/pipeline/sampling";
import type { Position } from "@/lib/pipeline/vocabulary";
import { insertSampledJudgments, type JudgmentKind, type SampledJudgmentRow } from "@/lib/db/queries/sampled-judgments";
import { BatchWriter } from "./batch-writer";
import { guardedCall } from "./call";
import type { CallContext } from "./call";
import type { RunContext } from "./context";
import { runPool } from "./pool";

/** What the loop needs from the run or the judge job it works for. */
export type JudgingContext = CallContext & Pick<RunContext, "db" | "concurrency">;

/** One prompt in one order, with its request seed and the pair or eval item it judges. */
export type JudgingUnit = { subjectId: number; position: Position; prompt: string; seed: number };

export type JudgingSetup = {
  judge: { client: Pick<ReturnType<RunContext["clients"]["get"]>["client"], "chat">; name: string };
  model: string;
  demonstrations: readonly { prompt: string; trace: string }[];
  sampling: Sampling;
  rule: VerdictRule;
};

/** The judge of an iteration (with its demonstrations), sampled and read as the run's config says for training or evaluation. */
export function judgingSetupFor(ctx: RunContext, iteration: IterationRow, purpose: "training" | "evaluation"): JudgingSetup {
  const group = purpose === "training" ? ctx.config.judging : ctx.config.evaluation;
  return {
    judge: ctx.clients.get(iteration.judgeBackendId!),
    model: iteration.judgeModel,
    demonstrations: demonstrationsFor(ctx, iteration),
    sampling: samplingOf(group, group.samples),
    rule: group.verdictRule,
  };
}

/** The demonstrations an in-context judge sees before each prompt. */
export function demonstrationsFor(ctx: RunContext, iteration: IterationRow): { prompt: string; trace: string }[] {
  return iterationDemonstrations(ctx.db, ctx.config.prompts.judge, iteration);
}

/** An iteration's demonstrations (none unless its judge is in-context), with the run's judge prompt. */
export function iterationDemonstrations(
  db: Queryable,
  judgeTemplate: string,
  iteration: Pick<IterationRow, "demonstrationJudgmentIds">,
): { prompt: string; trace: string }[] {
  const ids = iteration.demonstrationJudgmentIds ?? [];
  return getJudgmentTraces(db, ids).map((d) => ({
    prompt: judgePromptFor(judgeTemplate, d.instruction, d.goodResponse, d.worseResponse, d.goodPosition),
    trace: d.trace,
  }));
}

/** Judges every unit and stores its samples in the kind's table for `scopeId` (the iteration, or the job). */
export async function judgeAndStore(
  ctx: JudgingContext,
  kind: JudgmentKind,
  scopeId: number,
  setup: JudgingSetup,
  units: Iterable<JudgingUnit>,
): Promise<void> {
  const writer = new BatchWriter<SampledJudgmentRow>((rows) => insertSampledJudgments(ctx.db, kind, rows));
  try {
    await judgeUnits(ctx, setup, units, (unit, samples) =>
      writer.push(...samples.map((s) => ({ ...s, iterationId: scopeId, subjectId: unit.subjectId, goodPosition: unit.position }))),
    );
  } finally {
    writer.flush();
  }
}

async function judgeUnits(
  ctx: JudgingContext,
  setup: JudgingSetup,
  units: Iterable<JudgingUnit>,
  onJudged: (unit: JudgingUnit, samples: JudgedSample[]) => void,
): Promise<void> {
  const { judge, sampling } = setup;
  await runPool(
    units,
    ctx.concurrency,
    async (unit) => {
      const call = await guardedCall(ctx, judge.name, () =>
        judge.client.chat({
          model: setup.model,
          messages: judgeConversation(unit.prompt, setup.demonstrations),
          ...sampling,
          seed: unit.seed,
          signal: ctx.signal,
        }),
      );
      if (!call.ok && call.action === "skip") return;
      const samples = interpretSamples(
        { position: unit.position, n: sampling.n, rule: setup.rule },
        call.ok ? { ok: true, samples: call.result.samples, usage: call.result.usage } : { ok: false, message: call.message },
      );
      onJudged(unit, samples);
      ctx.progress.advance(sampling.n);
    },
    ctx.signal,
  );
}

/** True when a (subject, order) lacks any of its n samples ("subject:order:sample" keys, as existingSampleKeys reads them). */
export function missingSamples(existing: Set<string>, subjectId: number, position: Position, n: number): boolean {
  for (let s = 0; s < n; s++) if (!existing.has(`${subjectId}:${position}:${s}`)) return true;
  return false;
}
