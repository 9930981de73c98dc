/**
 * Drives a run under its lease: take the lease (or do nothing if another live process holds it),
 * renew it with a heartbeat, and stop driving as soon as the run is paused or canceled (checked
 * every heartbeat, or at once when this process is told) or the lease is lost. The lease expires
 * if this process dies, so another one (or this one, restarted) can take over.
 */
import { setMaxListeners } from "node:events";
import os from "node:os";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { acquireRunLease, getRunById, releaseRunLease, renewRunLease } from "@/lib/db/queries/runs";
import type { RunStatus } from "@/lib/db/schema";
import { driveRun, type DriveOptions } from "./drive-run";

export const PROCESS_OWNER = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

export function leaseTtlMs(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.JUDGE_LAB_LEASE_MS);
  return Number.isFinite(value) && value >= 500 ? value : 15_000;
}

export type LeasedDrive = { status: Promise<RunStatus | "not_acquired">; stop: () => void };

export function driveWithLease(
  db: Db,
  runId: number,
  options: Omit<DriveOptions, "signal"> & { owner?: string; onStop?: () => void } = {},
): LeasedDrive {
  const owner = options.owner ?? PROCESS_OWNER;
  const ttl = leaseTtlMs();
  const controller = new AbortController();
  // Every in-flight request listens to this signal (hundreds at a time): not a leak.
  setMaxListeners(0, controller.signal);
  if (!acquireRunLease(db, runId, owner, ttl)) {
    return { status: Promise.resolve("not_acquired"), stop: () => {} };
  }
  const heartbeat = setInterval(
    () => {
      try {
        const stillOurs = renewRunLease(db, runId, owner, ttl);
        const status = getRunById(db, runId)?.status;
        if (!stillOurs || (status !== "running" && status !== "queued"))
          controller.abort(new Error(stillOurs ? `run ${status}` : "lease lost"));
      } catch {
        // A busy database: try again at the next beat; the lease outlives a few missed beats.
      }
    },
    Math.min(1000, Math.floor(ttl / 3)),
  );
  const status = driveRun(db, runId, { ...options, signal: controller.signal }).finally(() => {
    clearInterval(heartbeat);
    try {
      releaseRunLease(db, runId, owner);
    } catch (error) {
      // A database that cannot be written (full, read-only): the lease simply expires.
      console.error(`[judge-lab] run #${runId}: could not release its lease: ${error instanceof Error ? error.message : error}`);
    }
    options.onStop?.();
  });
  return { status, stop: () => controller.abort(new Error("stopped")) };
}
