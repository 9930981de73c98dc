/**
 * The work of a judge job, round after round, with the rows as the queue: advance every item (decide
 * the comparisons whose samples are all in, create the next comparisons, write the results of the
 * items that are finished), then judge every undecided comparison's missing samples through the
 * judging engine, and again until no comparison is left undecided. A pass that adds no judgment
 * (the judge keeps failing) counts towards a pause; a token budget pauses the job when spent.
 */
import { existingSampleKeys } from "@/lib/db/queries/sampled-judgments";
import {
  decideComparisons,
  getItemLabels,
  getJobItemTexts,
  insertComparisons,
  insertItemResults,
  itemComparisons,
  itemsWithResults,
  jobJudgmentTotals,
  type ItemResultToWrite,
} from "@/lib/db/queries/judge-job-work";
import type { JudgeJob } from "@/lib/db/queries/judge-jobs";
import { unitOrders } from "@/lib/pipeline/evaluate";
import { judgePromptFor } from "@/lib/pipeline/judge";
import { agreesWithLabel, decideComparison, planItem, type JobRules } from "@/lib/pipeline/jobs/item-plan";
import { withCriteria } from "@/lib/pipeline/jobs/job-config";
import { judgingOrderCount } from "@/lib/pipeline/sampling";
import { unitSeed } from "@/lib/pipeline/seeds";
import { PauseRun } from "../errors";
import { judgeAndStore, missingSamples, type JudgingContext, type JudgingSetup, type JudgingUnit } from "../judging-engine";

const PAGE = 500;
const MAX_IDLE_PASSES = 3;

type Item = { id: number; responses: number };

export async function judgeJobRounds(ctx: JudgingContext, job: JudgeJob, setup: JudgingSetup, items: readonly Item[]): Promise<void> {
  const rules: JobRules = { ranking: job.config.ranking, seed: job.config.seed, bothOrders: job.config.bothOrders };
  let idlePasses = 0;
  for (;;) {
    const pending = advanceItems(ctx, job, rules, items);
    if (pending === 0) return;
    const before = jobJudgmentTotals(ctx.db, job.id).judgments;
    ctx.progress.stage("judge", null, `Judging ${items.length.toLocaleString("en-US")} items`, job.plannedJudgments, before);
    checkBudget(ctx, job);
    await judgeAndStore(ctx, "job", job.id, setup, missingUnits(ctx, job, rules, items));
    if (ctx.signal.aborted) return;
    const after = jobJudgmentTotals(ctx.db, job.id).judgments;
    idlePasses = after > before ? 0 : idlePasses + 1;
    if (idlePasses >= MAX_IDLE_PASSES)
      throw new PauseRun("Some comparisons could not be judged (the judge kept failing); resume to try them again");
  }
}

function checkBudget(ctx: JudgingContext, job: JudgeJob): void {
  const limit = job.config.budget.maxTokens;
  if (limit === null) return;
  const used = jobJudgmentTotals(ctx.db, job.id).tokens;
  if (used >= limit)
    throw new PauseRun(
      `The token budget is spent (${used.toLocaleString("en-US")} of ${limit.toLocaleString("en-US")} tokens); re-judge with a larger budget to go on`,
    );
}

function* pages(items: readonly Item[]): Generator<Item[]> {
  for (let start = 0; start < items.length; start += PAGE) yield items.slice(start, start + PAGE);
}

/** Decides what can be decided and plans what comes next; returns how many comparisons still wait for judgments. */
function advanceItems(ctx: JudgingContext, job: JudgeJob, rules: JobRules, items: readonly Item[]): number {
  const { db } = ctx;
  const samplesPerComparison = judgingOrderCount(job.config.bothOrders) * job.config.samples;
  let pending = 0;
  for (const page of pages(items)) {
    const done = itemsWithResults(
      db,
      job.id,
      page.map((i) => i.id),
    );
    const open = page.filter((i) => !done.has(i.id));
    if (open.length === 0) continue;
    const comparisons = itemComparisons(
      db,
      job.id,
      open.map((i) => i.id),
    );
    const finished: { item: Item; result: ItemResultToWrite }[] = [];
    db.$client.transaction(() => {
      for (const item of open) {
        const stored = comparisons.get(item.id) ?? [];
        const decisions = [];
        for (const c of stored) {
          const sampled = [c.votes.asGiven, c.votes.swapped].reduce((n, v) => n + v.first + v.second + v.tie + v.unparsed, 0);
          if (c.decidedBy !== null || sampled < samplesPerComparison) continue;
          Object.assign(c, decideComparison(c, item.responses, rules, item.id));
          decisions.push({ id: c.id, winner: c.winner, decidedBy: c.decidedBy! });
        }
        decideComparisons(db, decisions);
        const plan = planItem(item, stored, rules);
        if (plan.kind === "create") {
          insertComparisons(db, job.id, item.id, plan.comparisons);
          pending += plan.comparisons.length;
        } else if (plan.kind === "wait") pending += stored.filter((c) => c.decidedBy === null).length;
        else finished.push({ item, result: { ...plan.result, itemId: item.id, label: null, category: null, agrees: null } });
      }
      if (finished.length > 0) {
        const labels = new Map(
          getItemLabels(
            db,
            finished.map((f) => f.item.id),
          ).map((t) => [t.id, t]),
        );
        for (const f of finished) {
          const { label, category } = labels.get(f.item.id)!;
          f.result.label = label;
          f.result.category = category;
          f.result.agrees = agreesWithLabel(f.result, label, f.item.responses);
        }
        insertItemResults(
          db,
          job.id,
          finished.map((f) => f.result),
        );
      }
    })();
  }
  return pending;
}

/** Every undecided comparison's missing samples, a page of items at a time. */
function* missingUnits(ctx: JudgingContext, job: JudgeJob, rules: JobRules, items: readonly Item[]): Generator<JudgingUnit> {
  const { db } = ctx;
  const { config, judge } = job;
  for (const page of pages(items)) {
    checkBudget(ctx, job);
    const open = [
      ...itemComparisons(
        db,
        job.id,
        page.map((i) => i.id),
      ),
    ]
      .map(([itemId, list]) => ({ itemId, comparisons: list.filter((c) => c.decidedBy === null) }))
      .filter((entry) => entry.comparisons.length > 0);
    if (open.length === 0) continue;
    const existing = existingSampleKeys(
      db,
      "job",
      job.id,
      open.flatMap((entry) => entry.comparisons.map((c) => c.id)),
    );
    const texts = new Map(
      getJobItemTexts(
        db,
        open.map((entry) => entry.itemId),
      ).map((t) => [t.id, t]),
    );
    for (const { itemId, comparisons } of open) {
      const text = texts.get(itemId)!;
      for (const c of comparisons) {
        for (const position of unitOrders(rules.bothOrders, rules.seed, "job-order", itemId, c.round, c.slot)) {
          if (!missingSamples(existing, c.id, position, config.samples)) continue;
          const prompt = judgePromptFor(judge.template, text.prompt, text.responses[c.first]!, text.responses[c.second]!, position);
          yield {
            subjectId: c.id,
            position,
            prompt: withCriteria(prompt, config.criteria),
            seed: unitSeed(rules.seed, "job", itemId, c.first, c.second, position),
          };
        }
      }
    }
  }
}
