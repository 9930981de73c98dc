/**
 * SQL for the runs list. Pages read one page of runs at a time, newest first.
 */
import { count, desc } from "drizzle-orm";
import type { Queryable } from "../client";
import { runs } from "../schema";

export type RunListItem = Pick<
  typeof runs.$inferSelect,
  "id" | "name" | "status" | "currentIteration" | "currentStage" | "statusReason" | "createdAt" | "startedAt" | "finishedAt"
>;

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
