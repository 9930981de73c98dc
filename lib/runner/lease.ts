/**
 * Drives a run under its lease (see leased-drive.ts): the run's lease row, and "still active"
 * meaning the run is queued or running.
 */
import type { Db } from "@/lib/db/client";
import { acquireRunLease, getRunById, releaseRunLease, renewRunLease } from "@/lib/db/queries/runs";
import type { RunStatus } from "@/lib/db/schema";
import { driveRun, type DriveOptions } from "./drive-run";
import { driveUnderLease, type LeasedDrive } from "./leased-drive";

export { leaseTtlMs, PROCESS_OWNER } from "./leased-drive";

export function driveWithLease(
  db: Db,
  runId: number,
  options: Omit<DriveOptions, "signal"> & { owner?: string; onStop?: () => void } = {},
): LeasedDrive<RunStatus> {
  return driveUnderLease(
    {
      what: `run #${runId}`,
      acquire: (owner, ttl) => acquireRunLease(db, runId, owner, ttl),
      renew: (owner, ttl) => renewRunLease(db, runId, owner, ttl),
      release: (owner) => releaseRunLease(db, runId, owner),
      active: () => {
        const status = getRunById(db, runId)?.status;
        return status === "running" || status === "queued";
      },
    },
    (signal) => driveRun(db, runId, { ...options, signal }),
    options,
  );
}
