/**
 * Starting a judge job: validate the config (zod), resolve the judge (an iteration of a run, or a
 * model on a backend) and the data (responses to judge, or a labelled pair set), count the work
 * it plans (items, comparisons, judgments: shown before launch, fixed at launch), and write the
 * job queued for a runner. Errors name the config field.
 */
import type { Db, Queryable } from "@/lib/db/client";
import { findDatasetByName } from "@/lib/db/queries/datasets";
import { createJudgeJob, getJudgeJob, type JudgeJob } from "@/lib/db/queries/judge-jobs";
import { judgeableItems } from "@/lib/db/queries/judge-job-work";
import { AppError } from "@/lib/errors";
import { seededItemSample } from "@/lib/pipeline/evaluate";
import { judgeJobConfigSchema, type JudgeJobConfig } from "@/lib/pipeline/jobs/job-config";
import { comparisonsPerItem } from "@/lib/pipeline/jobs/tournament";
import { judgingOrderCount } from "@/lib/pipeline/sampling";
import { describeIssues, fieldErrorsOf } from "@/lib/validation";
import { notifyJobChanged } from "../scheduler-signal";
import { resolveJudge } from "./resolve-judge";

export function parseJudgeJobConfig(input: unknown): JudgeJobConfig {
  const parsed = judgeJobConfigSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError("bad_request:job", `The judge job is not valid: ${describeIssues(parsed.error)}`, {
      fieldErrors: fieldErrorsOf(parsed.error),
    });
  return parsed.data;
}

export type JobPlan = {
  datasetId: number;
  items: { id: number; responses: number }[];
  /** How many items have n responses. */
  responseCounts: { responses: number; items: number }[];
  comparisons: number;
  judgments: number;
};

/** The work a config plans on its dataset (what the New job page shows before launch). */
export function planJudgeJob(db: Queryable, config: JudgeJobConfig): JobPlan {
  const dataset = findDatasetByName(db, config.dataset);
  if (!dataset || dataset.status !== "ready")
    throw new AppError("bad_request:job", `dataset: there is no dataset named "${config.dataset}"`, {
      fieldErrors: { dataset: `No dataset named "${config.dataset}"` },
    });
  if (dataset.kind === "instructions")
    throw new AppError("bad_request:job", `dataset: "${config.dataset}" is an instruction pool, not responses to judge`, {
      fieldErrors: { dataset: `"${config.dataset}" is an instruction pool; pick responses to judge or a labelled pair set` },
    });
  const all = judgeableItems(db, dataset.id);
  const chosen = new Set(
    seededItemSample(
      all.map((i) => i.id),
      config.maxItems,
      config.seed,
      "job-items",
      dataset.id,
    ),
  );
  const items = all.filter((i) => chosen.has(i.id));
  const counts = new Map<number, number>();
  for (const item of items) counts.set(item.responses, (counts.get(item.responses) ?? 0) + 1);
  const comparisons = items.reduce((sum, item) => sum + comparisonsPerItem(item.responses, config.ranking), 0);
  return {
    datasetId: dataset.id,
    items,
    responseCounts: [...counts].sort((a, b) => a[0] - b[0]).map(([responses, n]) => ({ responses, items: n })),
    comparisons,
    judgments: comparisons * judgingOrderCount(config.bothOrders) * config.samples,
  };
}

export function launchJudgeJob(db: Db, input: unknown, options: { parentJobId?: number | null } = {}): JudgeJob {
  const config = parseJudgeJobConfig(input);
  const judge = resolveJudge(db, config.judge, config.verdictRule);
  const plan = planJudgeJob(db, config);
  if (plan.items.length === 0)
    throw new AppError("bad_request:job", `dataset: "${config.dataset}" has no items to judge`, {
      fieldErrors: { dataset: "This dataset has no items" },
    });
  if (options.parentJobId && !getJudgeJob(db, options.parentJobId))
    throw new AppError("not_found:job", `parentJobId: judge job #${options.parentJobId} does not exist`, {
      fieldErrors: { parentJobId: `Judge job #${options.parentJobId} does not exist` },
    });
  const id = createJudgeJob(db, {
    config,
    judge,
    datasetId: plan.datasetId,
    parentJobId: options.parentJobId ?? null,
    itemCount: plan.items.length,
    maxResponses: Math.max(...plan.responseCounts.map((c) => c.responses)),
    plannedComparisons: plan.comparisons,
    plannedJudgments: plan.judgments,
  });
  notifyJobChanged(id);
  return getJudgeJob(db, id)!;
}
