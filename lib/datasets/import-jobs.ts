/**
 * Long-running dataset work for the web page (downloads and imports), run in the server process
 * and followed by polling: each job has an id, a phase, progress numbers (bytes, rows, rows/s) and,
 * at the end, a result or an error with the problems found. Jobs can be canceled. Finished jobs are
 * kept for an hour so a page that reloads still sees the outcome.
 */
import { randomUUID } from "node:crypto";
import { runInBackground } from "@/lib/background";
import type { Db } from "@/lib/db/client";
import { HubError } from "./hugging-face";
import { importDataset, ImportFailure, type ImportProblem, type ImportRequest, type ImportSummary } from "./import-dataset";

export type JobError = { message: string; problems: ImportProblem[]; totalProblems: number; fieldErrors?: Record<string, string> };

export type JobView = {
  id: string;
  kind: "download" | "import";
  label: string;
  status: "running" | "succeeded" | "failed" | "canceled";
  phase: string;
  bytes: number;
  totalBytes: number | null;
  rows: number;
  rowsPerSecond: number;
  startedAt: number;
  finishedAt: number | null;
  error: JobError | null;
  /** Import: the new dataset; download: the staged source to preview. */
  result: { datasetId?: number; rows?: number; skippedTies?: number; stageId?: string; durationMs?: number; rowsPerSecond?: number } | null;
};

type Job = JobView & { controller: AbortController };

const KEEP_MS = 60 * 60 * 1000;
const globalForJobs = globalThis as unknown as { judgeLabJobs?: Map<string, Job> };
const jobs = (globalForJobs.judgeLabJobs ??= new Map());

function prune() {
  const now = Date.now();
  for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt > KEEP_MS) jobs.delete(id);
}

export function getJob(id: string): JobView | undefined {
  const job = jobs.get(id);
  if (!job) return undefined;
  const { controller: _controller, ...view } = job;
  return view;
}

export function cancelJob(id: string): boolean {
  const job = jobs.get(id);
  if (!job || job.status !== "running") return false;
  job.controller.abort();
  return true;
}

function toJobError(error: unknown): JobError {
  if (error instanceof ImportFailure) {
    return { message: error.message, problems: error.problems, totalProblems: error.totalProblems, fieldErrors: error.fieldErrors };
  }
  if (error instanceof HubError && error.field)
    return { message: error.message, problems: [], totalProblems: 0, fieldErrors: { [error.field]: error.message } };
  const message = error instanceof Error ? error.message : String(error);
  return { message, problems: [], totalProblems: 0 };
}

/** Run `work` as a job; it reports progress through `update`. */
export function startJob(
  kind: JobView["kind"],
  label: string,
  work: (
    update: (changes: Partial<Pick<JobView, "phase" | "bytes" | "totalBytes" | "rows" | "rowsPerSecond">>) => void,
    signal: AbortSignal,
  ) => Promise<JobView["result"]>,
): string {
  prune();
  const job: Job = {
    id: randomUUID(),
    kind,
    label,
    status: "running",
    phase: kind === "download" ? "downloading" : "checking",
    bytes: 0,
    totalBytes: null,
    rows: 0,
    rowsPerSecond: 0,
    startedAt: Date.now(),
    finishedAt: null,
    error: null,
    result: null,
    controller: new AbortController(),
  };
  jobs.set(job.id, job);
  // Started from a server action: run outside that request's context (see lib/background.ts).
  runInBackground(() => work((changes) => Object.assign(job, changes), job.controller.signal)).then(
    (result) => Object.assign(job, { status: "succeeded", result, finishedAt: Date.now(), phase: "done" }),
    (error) =>
      Object.assign(job, {
        status: job.controller.signal.aborted ? "canceled" : "failed",
        error: job.controller.signal.aborted
          ? { message: "Canceled; nothing was stored", problems: [], totalProblems: 0 }
          : toJobError(error),
        finishedAt: Date.now(),
      }),
  );
  return job.id;
}

/** An import as a job, with progress from the importer. */
export function startImportJob(
  db: Db,
  request: Omit<ImportRequest, "onProgress" | "signal">,
  onDone?: (summary: ImportSummary) => void,
): string {
  return startJob("import", request.name, async (update, signal) => {
    const summary = await importDataset(db, {
      ...request,
      signal,
      onProgress: (p) => update({ phase: p.phase, bytes: p.bytes, totalBytes: p.totalBytes, rows: p.rows, rowsPerSecond: p.rowsPerSecond }),
    });
    onDone?.(summary);
    update({ rows: summary.rows });
    return {
      datasetId: summary.datasetId,
      rows: summary.rows,
      skippedTies: summary.skippedTies,
      durationMs: summary.durationMs,
      rowsPerSecond: summary.rowsPerSecond,
    };
  });
}
