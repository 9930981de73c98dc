/**
 * Worker process: drives a queued judge job to its end with the real `driveJudgeJob` (planning,
 * comparisons, judging through the one engine, verdicts and item results, all stored) and prints
 * one JSON line with what it measured about itself: wall time and CPU time (user + system) of this
 * process only, the judgments stored, the job's final status and its peak resident memory.
 */
import { setMaxListeners } from "node:events";
import { openDatabase } from "@/lib/db/client";
import { countJobResults, jobJudgmentTotals } from "@/lib/db/queries/judge-job-work";
import { driveJudgeJob } from "@/lib/runner/jobs/drive-job";
import { MIGRATIONS } from "./judge-bench-db";

export type JudgeJobWorkerInput = { file: string; jobId: number; concurrency: number };
export type JudgeJobWorkerResult = {
  status: string;
  judgments: number;
  itemResults: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
};

const input = JSON.parse(process.argv[2]!) as JudgeJobWorkerInput;
const db = openDatabase({ file: input.file, migrationsFolder: MIGRATIONS });
const controller = new AbortController();
setMaxListeners(0, controller.signal);

const cpuBefore = process.cpuUsage();
const started = performance.now();
const status = await driveJudgeJob(db, input.jobId, { signal: controller.signal, concurrency: input.concurrency });
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);

const result: JudgeJobWorkerResult = {
  status,
  judgments: jobJudgmentTotals(db, input.jobId).judgments,
  itemResults: countJobResults(db, input.jobId),
  wallMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  peakRssMb: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
};
db.$client.close();
console.log(JSON.stringify(result));
