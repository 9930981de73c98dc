/**
 * SQL for backends: list, read, create, update, delete. Each function takes the database first
 * and answers one question; uniqueness and "in use by a run" come back as AppErrors people can read.
 */
import "../server-only";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { judgeJobsUsing, usedByRunsMessage } from "./in-use";
import type { Db, Queryable } from "../client";
import { prepared } from "../prepared";
import { backends, runBackends, runs, type BackendRow } from "../schema";

export function listBackends(db: Queryable): BackendRow[] {
  // The built-in backend first, then by name.
  return db.select().from(backends).orderBy(desc(backends.builtin), asc(backends.name)).all();
}

export function getBackendById(db: Queryable, id: number): BackendRow | undefined {
  return db.select().from(backends).where(eq(backends.id, id)).get();
}

/** A validated backend as the form and the API give it (lib/backends/backend-input.ts checks it with zod). */
export type BackendValues = {
  name: string;
  preset: string;
  baseUrls: string[];
  apiKeyEnv: string | null;
  maxInFlight: number;
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
  timeoutSeconds: number;
  supportsN: boolean;
  supportsFineTuning: boolean;
};

function toColumns(input: BackendValues) {
  return {
    name: input.name,
    preset: input.preset,
    baseUrls: input.baseUrls,
    apiKeyEnv: input.apiKeyEnv,
    maxInFlight: input.maxInFlight,
    requestsPerMinute: input.requestsPerMinute,
    tokensPerMinute: input.tokensPerMinute,
    timeoutMs: Math.round(input.timeoutSeconds * 1000),
    supportsN: input.supportsN,
    supportsFineTuning: input.supportsFineTuning,
  };
}

function isUniqueNameViolation(error: unknown): boolean {
  return (
    error instanceof Error && (error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE" && error.message.includes("backends.name")
  );
}

function nameTaken(name: string, cause: unknown): AppError {
  return new AppError("conflict:backend", `A backend named "${name}" already exists`, {
    cause,
    fieldErrors: { name: `A backend named "${name}" already exists; pick another name` },
  });
}

export function createBackend(db: Queryable, input: BackendValues): BackendRow {
  try {
    return db.insert(backends).values(toColumns(input)).returning().get();
  } catch (error) {
    if (isUniqueNameViolation(error)) throw nameTaken(input.name, error);
    throw error;
  }
}

export function updateBackend(db: Queryable, id: number, input: BackendValues): BackendRow {
  try {
    const row = db
      .update(backends)
      .set({ ...toColumns(input), updatedAt: Date.now() })
      .where(eq(backends.id, id))
      .returning()
      .get();
    if (!row) throw new AppError("not_found:backend", `Backend #${id} does not exist (it may have been deleted)`);
    return row;
  } catch (error) {
    if (isUniqueNameViolation(error)) throw nameTaken(input.name, error);
    throw error;
  }
}

/** Runs that call this backend, which keep it from being deleted. */
export function listRunsUsingBackend(db: Queryable, backendId: number): { id: number; name: string }[] {
  return db
    .selectDistinct({ id: runs.id, name: runs.name })
    .from(runBackends)
    .innerJoin(runs, eq(runs.id, runBackends.runId))
    .where(eq(runBackends.backendId, backendId))
    .orderBy(asc(runs.id))
    .all();
}

export function countBackends(db: Queryable): number {
  return db.select({ n: count() }).from(backends).get()?.n ?? 0;
}

export function deleteBackend(db: Queryable, id: number): void {
  db.transaction((tx) => {
    const row = tx.select({ name: backends.name, builtin: backends.builtin }).from(backends).where(eq(backends.id, id)).get();
    if (!row) throw new AppError("not_found:backend", `Backend #${id} does not exist (it may have been deleted already)`);
    if (row.builtin)
      throw new AppError("conflict:backend", `"${row.name}" is built into Judge Lab and cannot be deleted; you can edit its limits`);
    const users = listRunsUsingBackend(tx, id);
    if (users.length > 0) throw new AppError("conflict:backend", usedByRunsMessage(row.name, users));
    const jobs = judgeJobsUsing(tx, "judge_backend_id", id);
    if (jobs.length > 0) throw new AppError("conflict:backend", usedByRunsMessage(row.name, jobs, "judge job"));
    tx.delete(backends).where(eq(backends.id, id)).run();
  });
}

/** When a backend last changed (its updated_at), by a cached prepared statement; undefined when it is gone. */
export function backendVersion(db: Db, id: number): number | undefined {
  return prepared(db, "select updated_at from backends where id = ?").pluck().get(id) as number | undefined;
}

export function findBackendByName(db: Queryable, name: string): BackendRow | undefined {
  return db.select().from(backends).where(eq(backends.name, name)).get();
}

/**
 * The built-in backend of a preset: created when missing (under another name when its name is
 * taken by a user's backend), and its base URL kept current when it still points at the mount.
 */
export function upsertBuiltinBackend(
  db: Queryable,
  builtin: {
    name: string;
    preset: string;
    baseUrl: string;
    mountPath: string;
    maxInFlight: number;
    timeoutSeconds: number;
    apiKeyEnv: string;
  },
): void {
  const existing = db
    .select()
    .from(backends)
    .where(and(eq(backends.builtin, true), eq(backends.preset, builtin.preset)))
    .get();
  if (existing) {
    const url = existing.baseUrls[0];
    const stale = existing.baseUrls.length === 1 && url!.endsWith(builtin.mountPath) && url !== builtin.baseUrl;
    if (stale)
      db.update(backends)
        .set({ baseUrls: [builtin.baseUrl], updatedAt: Date.now() })
        .where(eq(backends.id, existing.id))
        .run();
    // Stored before the built-in backend sent the access token: give it the variable once.
    if (existing.apiKeyEnv === null)
      db.update(backends).set({ apiKeyEnv: builtin.apiKeyEnv, updatedAt: Date.now() }).where(eq(backends.id, existing.id)).run();
    return;
  }
  const nameTaken = db.select({ id: backends.id }).from(backends).where(eq(backends.name, builtin.name)).get();
  db.insert(backends)
    .values({
      name: nameTaken ? `${builtin.name} (built-in)` : builtin.name,
      preset: builtin.preset,
      baseUrls: [builtin.baseUrl],
      apiKeyEnv: builtin.apiKeyEnv,
      maxInFlight: builtin.maxInFlight,
      requestsPerMinute: null,
      tokensPerMinute: null,
      timeoutMs: builtin.timeoutSeconds * 1000,
      supportsN: true,
      supportsFineTuning: true,
      builtin: true,
    })
    .run();
}
