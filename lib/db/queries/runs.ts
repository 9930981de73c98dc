/**
 * SQL for runs themselves: creating one (with the backends and datasets it uses), reading and
 * listing them, status changes, the live progress snapshot, events, and the lease that keeps two
 * processes from driving one run.
 */
import "../server-only";
import { and, count, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { runConfigSchema, type RunConfig } from "@/lib/pipeline/run-config";
import { describeIssues } from "@/lib/validation";
import type { Db, Queryable } from "../client";
import { evalResults, iterations, runBackends, runDatasets, runEvents, runLeases, runs, type RunRow, type RunStatus } from "../schema";

export type RunListItem = Pick<
  RunRow,
  "id" | "name" | "status" | "currentIteration" | "currentStage" | "statusReason" | "createdAt" | "startedAt" | "finishedAt" | "progress"
> & { iterations: number };

export function listRuns(db: Queryable, page: { limit: number; offset: number }): RunListItem[] {
  return db
    .select({
      id: runs.id,
      name: runs.name,
      status: runs.status,
      currentIteration: runs.currentIteration,
      currentStage: runs.currentStage,
      statusReason: runs.statusReason,
      createdAt: runs.createdAt,
      startedAt: runs.startedAt,
      finishedAt: runs.finishedAt,
      progress: runs.progress,
      iterations: sql<number>`json_extract(${runs.config}, '$.iterations')`,
    })
    .from(runs)
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
}

export function countRuns(db: Queryable): number {
  return db.select({ n: count() }).from(runs).get()?.n ?? 0;
}

export function getRunById(db: Queryable, id: number): RunRow | undefined {
  return db.select().from(runs).where(eq(runs.id, id)).get();
}

/** A stored config that no longer validates (edited by hand, or from a future version). */
export class StoredConfigError extends AppError {
  constructor(runId: number, detail: string) {
    super("internal:run", `Run #${runId}'s stored config is not valid: ${detail}`);
  }
}

/**
 * A run's config, the one place it is read back: validated by the run config schema, which also
 * fills in settings added after the run was stored (their defaults). Throws StoredConfigError.
 */
export function getRunConfig(db: Queryable, runId: number): RunConfig {
  const row = db.select({ config: runs.config }).from(runs).where(eq(runs.id, runId)).get();
  if (!row) throw new AppError("not_found:run", `Run #${runId} does not exist`);
  const parsed = runConfigSchema.safeParse(row.config);
  if (!parsed.success) throw new StoredConfigError(runId, describeIssues(parsed.error));
  return parsed.data;
}

/** Like getRunConfig, but null when the stored config no longer validates (views still show the rows). */
export function findRunConfig(db: Queryable, runId: number): RunConfig | null {
  try {
    return getRunConfig(db, runId);
  } catch (error) {
    if (error instanceof StoredConfigError) return null;
    throw error;
  }
}

export function createRun(
  db: Db,
  values: {
    name: string;
    config: RunConfig;
    seed: number;
    clonedFromRunId: number | null;
    backends: { backendId: number; role: "generator" | "judge" | "trainer" }[];
    datasets: { datasetId: number; role: "instructions" | "eval" }[];
    judge: { backendId: number; model: string };
    status?: RunStatus;
  },
): RunRow {
  return db.transaction((tx) => {
    const run = tx
      .insert(runs)
      .values({
        name: values.name,
        config: values.config,
        seed: values.seed,
        clonedFromRunId: values.clonedFromRunId,
        status: values.status ?? "queued",
      })
      .returning()
      .get();
    const backendRows = uniqueBy(values.backends, (b) => `${b.backendId}:${b.role}`);
    if (backendRows.length > 0)
      tx.insert(runBackends)
        .values(backendRows.map((b) => ({ runId: run.id, ...b })))
        .run();
    const datasetRows = uniqueBy(values.datasets, (d) => `${d.datasetId}:${d.role}`);
    if (datasetRows.length > 0)
      tx.insert(runDatasets)
        .values(datasetRows.map((d) => ({ runId: run.id, ...d })))
        .run();
    tx.insert(iterations).values({ runId: run.id, index: 0, judgeBackendId: values.judge.backendId, judgeModel: values.judge.model }).run();
    return run;
  });
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}

export function runBackendIds(db: Queryable, runId: number): { backendId: number; role: string }[] {
  return db
    .select({ backendId: runBackends.backendId, role: runBackends.role })
    .from(runBackends)
    .where(eq(runBackends.runId, runId))
    .all();
}

export function runDatasetIds(db: Queryable, runId: number): { datasetId: number; role: string }[] {
  return db
    .select({ datasetId: runDatasets.datasetId, role: runDatasets.role })
    .from(runDatasets)
    .where(eq(runDatasets.runId, runId))
    .all();
}

export function setRunStatus(db: Queryable, id: number, status: RunStatus, reason: string | null = null): void {
  const now = Date.now();
  db.update(runs)
    .set({
      status,
      statusReason: reason,
      updatedAt: now,
      ...(status === "running" ? { startedAt: sql`coalesce(${runs.startedAt}, ${now})` } : {}),
      ...(status === "completed" || status === "failed" || status === "canceled" ? { finishedAt: now } : { finishedAt: null }),
    })
    .where(eq(runs.id, id))
    .run();
}

/** Change the status only from one of `from` (returns false when the run was in another state). */
export function transitionRunStatus(db: Queryable, id: number, from: RunStatus[], to: RunStatus, reason: string | null = null): boolean {
  const now = Date.now();
  return (
    db
      .update(runs)
      .set({
        status: to,
        statusReason: reason,
        updatedAt: now,
        ...(to === "running" ? { startedAt: sql`coalesce(${runs.startedAt}, ${now})` } : {}),
        ...(to === "completed" || to === "failed" || to === "canceled" ? { finishedAt: now } : { finishedAt: null }),
      })
      .where(and(eq(runs.id, id), inArray(runs.status, from)))
      .run().changes > 0
  );
}

export function setRunPosition(db: Queryable, id: number, position: { iteration: number | null; stage: string | null }): void {
  db.update(runs)
    .set({ currentIteration: position.iteration, currentStage: position.stage, updatedAt: Date.now() })
    .where(eq(runs.id, id))
    .run();
}

export function setRunProgress(db: Queryable, id: number, progress: object): void {
  db.update(runs)
    .set({ progress: progress as Record<string, unknown> })
    .where(eq(runs.id, id))
    .run();
}

export function addRunEvent(
  db: Queryable,
  event: {
    runId: number;
    iterationIndex: number | null;
    stage: string | null;
    level: "info" | "warn" | "error";
    kind?: string | null;
    message: string;
  },
): void {
  db.insert(runEvents)
    .values({ ...event, kind: event.kind ?? null, message: event.message.slice(0, 4000) })
    .run();
}

export function listRunEvents(db: Queryable, runId: number, limit = 50) {
  return db.select().from(runEvents).where(eq(runEvents.runId, runId)).orderBy(desc(runEvents.id)).limit(limit).all();
}

/** Runs some process should be driving: queued, or running (a crashed owner's lease expires). */
export function listRunnableRuns(db: Queryable): { id: number; status: RunStatus }[] {
  return db
    .select({ id: runs.id, status: runs.status })
    .from(runs)
    .where(inArray(runs.status, ["queued", "running"]))
    .orderBy(runs.id)
    .all();
}

// ------------------------------------------------------------------------------------- leases

/**
 * Take the run's lease if nobody holds a live one (or we already do). Atomic: one statement, so two
 * processes racing for it cannot both win.
 */
export function acquireRunLease(db: Queryable, runId: number, owner: string, ttlMs: number): boolean {
  const now = Date.now();
  const result = db
    .insert(runLeases)
    .values({ runId, owner, acquiredAt: now, heartbeatAt: now, expiresAt: now + ttlMs })
    .onConflictDoUpdate({
      target: runLeases.runId,
      set: { owner, acquiredAt: now, heartbeatAt: now, expiresAt: now + ttlMs },
      setWhere: or(eq(runLeases.owner, owner), lt(runLeases.expiresAt, now)),
    })
    .run();
  return result.changes > 0;
}

/** Extend our lease; false when it was lost (expired and taken by another process). */
export function renewRunLease(db: Queryable, runId: number, owner: string, ttlMs: number): boolean {
  const now = Date.now();
  return (
    db
      .update(runLeases)
      .set({ heartbeatAt: now, expiresAt: now + ttlMs })
      .where(and(eq(runLeases.runId, runId), eq(runLeases.owner, owner)))
      .run().changes > 0
  );
}

export function releaseRunLease(db: Queryable, runId: number, owner: string): void {
  db.delete(runLeases)
    .where(and(eq(runLeases.runId, runId), eq(runLeases.owner, owner)))
    .run();
}

export function getRunLease(db: Queryable, runId: number) {
  return db.select().from(runLeases).where(eq(runLeases.runId, runId)).get();
}

/** The newest iteration's RewardBench inputs per run, for the runs list (one query for a page). */
export function latestEvalResultsByRun(
  db: Queryable,
  runIds: number[],
): Map<number, { iteration: number; subset: string; items: number; scoreSum: number }[]> {
  if (runIds.length === 0) return new Map();
  const rows = db
    .select({
      runId: iterations.runId,
      iteration: iterations.index,
      subset: evalResults.subset,
      items: evalResults.itemCount,
      scoreSum: evalResults.scoreSum,
    })
    .from(evalResults)
    .innerJoin(iterations, eq(iterations.id, evalResults.iterationId))
    .where(
      and(
        inArray(iterations.runId, runIds),
        sql`${iterations.index} = (select max(i2."index") from iterations i2 join eval_results e2 on e2.iteration_id = i2.id where i2.run_id = ${iterations.runId})`,
      ),
    )
    .all();
  const byRun = new Map<number, { iteration: number; subset: string; items: number; scoreSum: number }[]>();
  for (const row of rows) {
    const list = byRun.get(row.runId) ?? [];
    list.push(row);
    byRun.set(row.runId, list);
  }
  return byRun;
}

/** For each run, the indexes of its iterations that have eval results (the judges Compare can pair). */
export function scoredIterationsByRun(db: Queryable, runIds: readonly number[]): Map<number, number[]> {
  if (runIds.length === 0) return new Map();
  const rows = db.all<{ runId: number; iteration: number }>(sql`
    select i.run_id as runId, i."index" as iteration from iterations i
    where i.run_id in (${sql.join(
      runIds.map((id) => sql`${id}`),
      sql`, `,
    )}) and exists (select 1 from eval_results r where r.iteration_id = i.id)
    order by i.run_id, i."index"`);
  const byRun = new Map<number, number[]>();
  for (const row of rows) byRun.set(row.runId, [...(byRun.get(row.runId) ?? []), row.iteration]);
  return byRun;
}
