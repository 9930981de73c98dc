"use server";
/**
 * Server actions of the Judge pages: estimate a job before launch (items, comparisons, judgments,
 * requests), launch one (the config validated with zod, the judge and the data resolved), and
 * pause, resume or cancel one. The runner in this server process picks up the change at once.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { getBackendById } from "@/lib/db/queries/backends";
import { toActionError, type ActionResult } from "@/lib/errors";
import { controlJudgeJob } from "@/lib/runner/jobs/control-job";
import { launchJudgeJob, parseJudgeJobConfig, planJudgeJob } from "@/lib/runner/jobs/launch-job";
import { resolveJudge } from "@/lib/runner/jobs/resolve-judge";
import { judgingOrderCount } from "@/lib/pipeline/sampling";
import { parseOrRefuse } from "@/lib/validation";

const jobIdSchema = z.number({ error: "jobId must be a judge job id (a number)" }).int().positive();

const parse = <T>(schema: z.ZodType<T>, input: unknown, what: string): T => parseOrRefuse(schema, input, what, "bad_request:job");

export type JobEstimate = {
  items: number;
  responseCounts: { responses: number; items: number }[];
  comparisons: number;
  judgments: number;
  requests: number;
  backend: string;
  supportsN: boolean;
  judge: string;
};

export async function estimateJudgeJobAction(input: unknown): Promise<ActionResult<JobEstimate>> {
  try {
    const config = parseJudgeJobConfig(parse(z.object({ config: z.unknown() }).strict(), input, "Cannot estimate").config);
    const db = getDb();
    const judge = resolveJudge(db, config.judge, config.verdictRule);
    const plan = planJudgeJob(db, config);
    const backend = getBackendById(db, judge.backendId)!;
    const perComparisonOrder = backend.supportsN ? 1 : config.samples;
    return {
      ok: true,
      data: {
        items: plan.items.length,
        responseCounts: plan.responseCounts,
        comparisons: plan.comparisons,
        judgments: plan.judgments,
        requests: plan.comparisons * judgingOrderCount(config.bothOrders) * perComparisonOrder,
        backend: backend.name,
        supportsN: backend.supportsN,
        judge: judge.label,
      },
    };
  } catch (error) {
    return toActionError(error);
  }
}

export async function launchJudgeJobAction(input: unknown): Promise<ActionResult<{ jobId: number }>> {
  try {
    const { config, parentJobId } = parse(
      z.object({ config: z.unknown(), parentJobId: jobIdSchema.nullable().optional() }).strict(),
      input,
      "Cannot launch",
    );
    const job = launchJudgeJob(getDb(), config, { parentJobId: parentJobId ?? null });
    revalidatePath("/judge");
    return { ok: true, data: { jobId: job.id } };
  } catch (error) {
    return toActionError(error);
  }
}

function control(action: "pause" | "resume" | "cancel") {
  return async (input: unknown): Promise<ActionResult<null>> => {
    try {
      const { jobId } = parse(z.object({ jobId: jobIdSchema }).strict(), input, "Unknown judge job");
      controlJudgeJob(getDb(), jobId, action);
      revalidatePath(`/judge/${jobId}`);
      revalidatePath("/judge");
      return { ok: true, data: null };
    } catch (error) {
      return toActionError(error);
    }
  };
}

export const pauseJudgeJobAction = control("pause");
export const resumeJudgeJobAction = control("resume");
export const cancelJudgeJobAction = control("cancel");
