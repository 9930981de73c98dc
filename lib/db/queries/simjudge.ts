/**
 * SQL for SimJudge's own state: models, uploaded files, fine-tuning jobs.
 */
import "../server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../client";
import { simFiles, simFineTuningJobs, simModels, type SimFileRow, type SimFineTuningJobRow, type SimModelRow } from "../schema";

export function listSimModels(db: Queryable): SimModelRow[] {
  return db.select().from(simModels).orderBy(asc(simModels.createdAt), asc(simModels.id)).all();
}

export function getSimModel(db: Queryable, id: string): SimModelRow | undefined {
  return db.select().from(simModels).where(eq(simModels.id, id)).get();
}

/** Register a model unless one with this id exists (base models are ensured at every start). */
export function ensureSimModel(db: Queryable, model: Omit<SimModelRow, "createdAt" | "faults">): void {
  db.insert(simModels).values(model).onConflictDoNothing().run();
}

export function insertSimModel(db: Queryable, model: Omit<SimModelRow, "createdAt" | "faults">): SimModelRow {
  return db.insert(simModels).values(model).returning().get();
}

export function setSimModelFaults(db: Queryable, id: string, faults: Record<string, unknown> | null): boolean {
  return db.update(simModels).set({ faults }).where(eq(simModels.id, id)).run().changes > 0;
}

export function insertSimFile(db: Queryable, file: Omit<SimFileRow, "createdAt">): SimFileRow {
  return db.insert(simFiles).values(file).returning().get();
}

export function getSimFile(db: Queryable, id: string): SimFileRow | undefined {
  return db.select().from(simFiles).where(eq(simFiles.id, id)).get();
}

export function insertSimJob(
  db: Queryable,
  job: Pick<SimFineTuningJobRow, "id" | "model" | "trainingFile" | "method" | "suffix">,
): SimFineTuningJobRow {
  return db
    .insert(simFineTuningJobs)
    .values({ ...job, status: "queued" })
    .returning()
    .get();
}

export function getSimJob(db: Queryable, id: string): SimFineTuningJobRow | undefined {
  return db.select().from(simFineTuningJobs).where(eq(simFineTuningJobs.id, id)).get();
}

export function listSimJobs(db: Queryable, limit: number): SimFineTuningJobRow[] {
  return db.select().from(simFineTuningJobs).orderBy(desc(simFineTuningJobs.createdAt), desc(simFineTuningJobs.id)).limit(limit).all();
}

/** Jobs a restart must pick up again. */
export function listUnfinishedSimJobs(db: Queryable): SimFineTuningJobRow[] {
  return db
    .select()
    .from(simFineTuningJobs)
    .where(inArray(simFineTuningJobs.status, ["queued", "running"]))
    .orderBy(asc(simFineTuningJobs.createdAt))
    .all();
}

export function updateSimJob(db: Queryable, id: string, changes: Partial<Omit<SimFineTuningJobRow, "id">>): void {
  db.update(simFineTuningJobs).set(changes).where(eq(simFineTuningJobs.id, id)).run();
}
