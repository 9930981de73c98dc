/**
 * Drives one unit of durable work (a run, a judge job) under its lease: take the lease (or do
 * nothing if another live process holds it), renew it with a heartbeat, and stop driving as soon
 * as the work is paused or canceled (checked every heartbeat, or at once when this process is
 * told) or the lease is lost. The lease expires if this process dies, so another one (or this
 * one, restarted) can take over.
 */
import { setMaxListeners } from "node:events";
import os from "node:os";
import { randomBytes } from "node:crypto";

export const PROCESS_OWNER = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

export function leaseTtlMs(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.JUDGE_LAB_LEASE_MS);
  return Number.isFinite(value) && value >= 500 ? value : 15_000;
}

export type LeaseOps = {
  /** "run #3", "judge job #2": for log lines. */
  what: string;
  acquire: (owner: string, ttlMs: number) => boolean;
  renew: (owner: string, ttlMs: number) => boolean;
  release: (owner: string) => void;
  /** Whether the work should still be driven (queued or running). */
  active: () => boolean;
};

export type LeasedDrive<S> = { status: Promise<S | "not_acquired">; stop: () => void };

export function driveUnderLease<S>(
  lease: LeaseOps,
  drive: (signal: AbortSignal) => Promise<S>,
  options: { owner?: string; onStop?: () => void } = {},
): LeasedDrive<S> {
  const owner = options.owner ?? PROCESS_OWNER;
  const ttl = leaseTtlMs();
  const controller = new AbortController();
  // Every in-flight request listens to this signal (hundreds at a time): not a leak.
  setMaxListeners(0, controller.signal);
  if (!lease.acquire(owner, ttl)) return { status: Promise.resolve("not_acquired"), stop: () => {} };
  const heartbeat = setInterval(
    () => {
      try {
        const stillOurs = lease.renew(owner, ttl);
        if (!stillOurs || !lease.active()) controller.abort(new Error(stillOurs ? `${lease.what} stopped` : "lease lost"));
      } catch {
        // A busy database: try again at the next beat; the lease outlives a few missed beats.
      }
    },
    Math.min(1000, Math.floor(ttl / 3)),
  );
  const status = drive(controller.signal).finally(() => {
    clearInterval(heartbeat);
    try {
      lease.release(owner);
    } catch (error) {
      // A database that cannot be written (full, read-only): the lease simply expires.
      console.error(`[judge-lab] ${lease.what}: could not release its lease: ${error instanceof Error ? error.message : error}`);
    }
    options.onStop?.();
  });
  return { status, stop: () => controller.abort(new Error("stopped")) };
}
