/**
 * Drives one judge job to its end: the judge it resolved at launch, over the items it planned,
 * round after round (judge-job-rounds.ts). Calling it again after a pause, a crash or a restart
 * continues from the rows that exist. Like a run, a job pauses with a reason when the judge keeps
 * failing, the budget is spent or the disk is full, and fails only on an unexpected error.
 */
import { setMaxListeners } from "node:events";
import type { Db } from "@/lib/db/client";
import {
  getJudgeJob,
  setJobProgress,
  transitionJobStatus,
  acquireJobLease,
  releaseJobLease,
  renewJobLease,
} from "@/lib/db/queries/judge-jobs";
import type { RunStatus } from "@/lib/db/schema";
import type { ClientOptions } from "@/lib/inference/chat-client";
import { samplingOf } from "@/lib/pipeline/sampling";
import { describeStorageError } from "@/lib/storage-errors";
import { createClientRegistry } from "../clients";
import { FailRun, FailureGuard, PauseRun } from "../errors";
import type { JudgingContext, JudgingSetup } from "../judging-engine";
import { driveUnderLease, type LeasedDrive } from "../leased-drive";
import { ProgressTracker } from "../progress";
import { judgeJobRounds } from "./judge-job-rounds";
import { planJudgeJob } from "./launch-job";

export type JobDriveOptions = {
  signal: AbortSignal;
  /** Base URL overrides per backend id (the CLI's own SimJudge for the built-in backend). */
  baseUrlOverrides?: Map<number, string[]>;
  concurrency?: number;
  clientOptions?: ClientOptions;
};

export async function driveJudgeJob(db: Db, jobId: number, options: JobDriveOptions): Promise<RunStatus> {
  let job;
  try {
    job = getJudgeJob(db, jobId);
  } catch (error) {
    transitionJobStatus(db, jobId, ["queued", "running"], "failed", error instanceof Error ? error.message : String(error));
    return "failed";
  }
  if (!job) throw new Error(`Judge job #${jobId} does not exist`);
  if (job.status !== "queued" && job.status !== "running") return job.status;
  if (!transitionJobStatus(db, jobId, ["queued", "running"], "running")) return getJudgeJob(db, jobId)!.status;

  // Every in-flight request listens to the signal (hundreds at a time): not a leak.
  setMaxListeners(0, options.signal);
  const progress = new ProgressTracker((snapshot) => setJobProgress(db, jobId, snapshot));
  const clients = createClientRegistry(db, options.baseUrlOverrides, options.clientOptions);
  const ctx: JudgingContext = { db, signal: options.signal, progress, guard: new FailureGuard(), concurrency: options.concurrency ?? 256 };
  progress.start();
  try {
    const setup: JudgingSetup = {
      judge: clients.get(job.judgeBackendId),
      model: job.judge.model,
      demonstrations: job.judge.demonstrations,
      sampling: samplingOf(job.config, job.config.samples),
      rule: job.judge.verdictRule,
    };
    const { items } = planJudgeJob(db, job.config);
    await judgeJobRounds(ctx, job, setup, items);
    if (options.signal.aborted) return getJudgeJob(db, jobId)!.status;
    transitionJobStatus(db, jobId, ["running"], "completed");
    return "completed";
  } catch (error) {
    if (error instanceof PauseRun) {
      transitionJobStatus(db, jobId, ["running"], "paused", error.reason);
      return "paused";
    }
    const storage = describeStorageError(error);
    if (storage) {
      console.error(`[judge-lab] judge job #${jobId}: ${storage}`);
      try {
        transitionJobStatus(db, jobId, ["running"], "paused", storage);
      } catch {
        // The status stays "running"; the lease expires and the job is picked up again later.
      }
      return "paused";
    }
    if (options.signal.aborted) return getJudgeJob(db, jobId)!.status;
    const reason = error instanceof FailRun ? error.reason : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    if (!(error instanceof FailRun)) console.error(`[judge-lab] judge job #${jobId} failed:`, error);
    transitionJobStatus(db, jobId, ["running"], "failed", reason);
    return "failed";
  } finally {
    progress.stop();
  }
}

/** Drives a job under its lease (see leased-drive.ts). */
export function driveJobWithLease(
  db: Db,
  jobId: number,
  options: Omit<JobDriveOptions, "signal"> & { owner?: string; onStop?: () => void } = {},
): LeasedDrive<RunStatus> {
  return driveUnderLease(
    {
      what: `judge job #${jobId}`,
      acquire: (owner, ttl) => acquireJobLease(db, jobId, owner, ttl),
      renew: (owner, ttl) => renewJobLease(db, jobId, owner, ttl),
      release: (owner) => releaseJobLease(db, jobId, owner),
      active: () => {
        const status = getJudgeJob(db, jobId)?.status;
        return status === "running" || status === "queued";
      },
    },
    (signal) => driveJudgeJob(db, jobId, { ...options, signal }),
    options,
  );
}
