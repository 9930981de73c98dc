/**
 * SQL for judge jobs themselves: creating one, reading it (its config validated in this one
 * place), listing with each job's results in one aggregate query, status changes, the progress
 * snapshot, and the lease that keeps two processes from driving one job.
 */
import "../server-only";
import { and, count, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { judgeJobConfigSchema, type JudgeJobConfig } from "@/lib/pipeline/jobs/job-config";
import { describeIssues } from "@/lib/validation";
import type { Queryable } from "../client";
import { datasets, judgeJobs, type JudgeJobRow, type ResolvedJudge, type RunStatus } from "../schema";

export type JudgeJob = Omit<JudgeJobRow, "config"> & { config: JudgeJobConfig };

/** A job with its config validated (defaults added later are filled in); undefined when there is no such job. */
export function getJudgeJob(db: Queryable, id: number): JudgeJob | undefined {
  const row = db.select().from(judgeJobs).where(eq(judgeJobs.id, id)).get();
  if (!row) return undefined;
  const parsed = judgeJobConfigSchema.safeParse(row.config);
  if (!parsed.success) throw new AppError("internal:job", `Judge job #${id}'s stored config is not valid: ${describeIssues(parsed.error)}`);
  return { ...row, config: parsed.data };
}

export function createJudgeJob(
  db: Queryable,
  values: {
    config: JudgeJobConfig;
    judge: ResolvedJudge;
    datasetId: number;
    parentJobId: number | null;
    itemCount: number;
    maxResponses: number;
    plannedComparisons: number;
    plannedJudgments: number;
  },
): number {
  return db
    .insert(judgeJobs)
    .values({
      name: values.config.name,
      config: values.config,
      judge: values.judge,
      datasetId: values.datasetId,
      judgeBackendId: values.judge.backendId,
      parentJobId: values.parentJobId,
      itemCount: values.itemCount,
      maxResponses: values.maxResponses,
      plannedComparisons: values.plannedComparisons,
      plannedJudgments: values.plannedJudgments,
    })
    .returning({ id: judgeJobs.id })
    .get().id;
}

export type JudgeJobListItem = Pick<
  JudgeJobRow,
  | "id"
  | "name"
  | "status"
  | "statusReason"
  | "itemCount"
  | "maxResponses"
  | "plannedJudgments"
  | "createdAt"
  | "finishedAt"
  | "progress"
  | "parentJobId"
> & {
  judgeLabel: string;
  dataset: string;
  done: number;
  a: number;
  b: number;
  tie: number;
  unparsed: number;
  labelled: number;
  agree: number;
};

/** A page of jobs, newest first, each with its results counted in SQL. */
export function listJudgeJobs(db: Queryable, page: { limit: number; offset: number }): JudgeJobListItem[] {
  return db
    .all<JudgeJobListItem>(
      sql`
    select j.id, j.name, j.status, j.status_reason as statusReason, j.item_count as itemCount, j.max_responses as maxResponses, j.planned_judgments as plannedJudgments,
      j.created_at as createdAt, j.finished_at as finishedAt, j.progress as progress, j.parent_job_id as parentJobId,
      json_extract(j.judge, '$.label') as judgeLabel, d.name as dataset,
      coalesce(r.done, 0) as done, coalesce(r.a, 0) as a, coalesce(r.b, 0) as b, coalesce(r.tie, 0) as tie,
      coalesce(r.unparsed, 0) as unparsed, coalesce(r.labelled, 0) as labelled, coalesce(r.agree, 0) as agree
    from judge_jobs j join datasets d on d.id = j.dataset_id
    left join (
      select job_id, count(*) as done, sum(verdict = 'A') as a, sum(verdict = 'B') as b, sum(verdict = 'tie') as tie,
        sum(verdict = 'unparsed') as unparsed, sum(agrees is not null) as labelled, sum(agrees = 1) as agree
      from judge_item_results group by job_id
    ) r on r.job_id = j.id
    order by j.created_at desc, j.id desc limit ${page.limit} offset ${page.offset}`,
    )
    .map((row) => ({
      ...row,
      progress: typeof row.progress === "string" ? (JSON.parse(row.progress) as Record<string, unknown>) : row.progress,
    }));
}

export function countJudgeJobs(db: Queryable): number {
  return db.select({ n: count() }).from(judgeJobs).get()?.n ?? 0;
}

/** Move a job between statuses only from the expected ones; false when it was not in one of them. */
export function transitionJobStatus(db: Queryable, id: number, from: RunStatus[], to: RunStatus, reason: string | null = null): boolean {
  const now = Date.now();
  const changes = db
    .update(judgeJobs)
    .set({
      status: to,
      statusReason: reason,
      ...(to === "running" ? { startedAt: sql`coalesce(${judgeJobs.startedAt}, ${now})` } : {}),
      ...(to === "completed" || to === "canceled" || to === "failed" ? { finishedAt: now } : {}),
    })
    .where(and(eq(judgeJobs.id, id), inArray(judgeJobs.status, from)))
    .run().changes;
  return changes > 0;
}

export function setJobProgress(db: Queryable, id: number, progress: object): void {
  db.update(judgeJobs)
    .set({ progress: progress as Record<string, unknown> })
    .where(eq(judgeJobs.id, id))
    .run();
}

/** Jobs some process should be driving: queued, or running (a crashed owner's lease expires). */
export function listRunnableJobs(db: Queryable): { id: number; status: RunStatus }[] {
  return db
    .select({ id: judgeJobs.id, status: judgeJobs.status })
    .from(judgeJobs)
    .where(inArray(judgeJobs.status, ["queued", "running"]))
    .orderBy(judgeJobs.id)
    .all();
}

/** Take the job's lease if nobody holds a live one (or we already do); one statement, so a race has one winner. */
export function acquireJobLease(db: Queryable, id: number, owner: string, ttlMs: number): boolean {
  const now = Date.now();
  return (
    db
      .update(judgeJobs)
      .set({ leaseOwner: owner, leaseExpiresAt: now + ttlMs })
      .where(
        and(eq(judgeJobs.id, id), or(isNull(judgeJobs.leaseOwner), eq(judgeJobs.leaseOwner, owner), lt(judgeJobs.leaseExpiresAt, now))),
      )
      .run().changes > 0
  );
}

export function renewJobLease(db: Queryable, id: number, owner: string, ttlMs: number): boolean {
  return (
    db
      .update(judgeJobs)
      .set({ leaseExpiresAt: Date.now() + ttlMs })
      .where(and(eq(judgeJobs.id, id), eq(judgeJobs.leaseOwner, owner)))
      .run().changes > 0
  );
}

export function releaseJobLease(db: Queryable, id: number, owner: string): void {
  db.update(judgeJobs)
    .set({ leaseOwner: null, leaseExpiresAt: null })
    .where(and(eq(judgeJobs.id, id), eq(judgeJobs.leaseOwner, owner)))
    .run();
}

/** Datasets a judge job can judge: responses to judge and labelled pair sets. */
export function listJudgeableDatasets(db: Queryable): { id: number; name: string; kind: "responses" | "pairs"; rowCount: number }[] {
  return db.all(sql`
    select id, name, kind, row_count as rowCount from ${datasets}
    where status = 'ready' and kind in ('responses', 'pairs') order by kind = 'pairs', name`);
}

export type JudgeChoice = { runId: number; runName: string; runStatus: string; iteration: number; model: string; inContext: boolean };

/** The judges the newest runs have (iteration 0 is each run's seed judge), newest run first. */
export function listJudgeChoices(db: Queryable, runs = 50): JudgeChoice[] {
  return db
    .all<Omit<JudgeChoice, "inContext"> & { inContext: number }>(
      sql`
    select r.id as runId, r.name as runName, r.status as runStatus, i."index" as iteration, i.judge_model as model,
      i.demonstration_judgment_ids is not null as inContext
    from iterations i join runs r on r.id = i.run_id
    where i.judge_backend_id is not null and r.id in (select id from runs order by id desc limit ${runs})
    order by r.id desc, i."index"`,
    )
    .map((c) => ({ ...c, inContext: Boolean(c.inContext) }));
}
