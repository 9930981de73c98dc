/**
 * What people do to a judge job: pause (stops new requests at once, keeps every judgment),
 * resume (continues from the rows that exist), cancel (final). These change the status only; the
 * process driving the job notices at once when it is this one, or within a second otherwise.
 */
import type { Db } from "@/lib/db/client";
import { getJudgeJob, transitionJobStatus } from "@/lib/db/queries/judge-jobs";
import type { RunStatus } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { notifyJobChanged } from "../scheduler-signal";

const RULES: Record<"pause" | "resume" | "cancel", { from: RunStatus[]; to: RunStatus; reason: string | null; only: string }> = {
  pause: { from: ["queued", "running"], to: "paused", reason: "Paused by the user", only: "a queued or running job can be paused" },
  resume: { from: ["paused", "failed"], to: "queued", reason: null, only: "a paused or failed job can be resumed" },
  cancel: {
    from: ["queued", "running", "paused", "failed"],
    to: "canceled",
    reason: "Canceled by the user; its results so far are kept",
    only: "a finished job cannot be canceled",
  },
};

export function controlJudgeJob(db: Db, jobId: number, action: "pause" | "resume" | "cancel"): void {
  const job = getJudgeJob(db, jobId);
  if (!job) throw new AppError("not_found:job", `Judge job #${jobId} does not exist`);
  const rule = RULES[action];
  if (!transitionJobStatus(db, jobId, rule.from, rule.to, rule.reason))
    throw new AppError("conflict:job", `Judge job #${jobId} is ${job.status}; ${rule.only}`);
  notifyJobChanged(jobId);
}
