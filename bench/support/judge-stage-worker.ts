/**
 * Worker process: runs the real runner's judge stage for iteration 0 of a prepared run (see
 * judge-bench-db.ts) and prints one JSON line with what it measured about itself: wall time, CPU
 * time (user + system) of this process only, judgments stored, and its resident memory sampled
 * as the stage goes (peak, and at each 10% of the work).
 */
import { setMaxListeners } from "node:events";
import { openDatabase } from "@/lib/db/client";
import { countJudgments, countPairs, getIteration } from "@/lib/db/queries/run-work";
import { getRunById, getRunConfig, runBackendIds, runDatasetIds, setRunProgress } from "@/lib/db/queries/runs";
import { createRunContext } from "@/lib/runner/drive-run";
import { ProgressTracker } from "@/lib/runner/progress";
import { judgeStage } from "@/lib/runner/stages/judge";
import { MIGRATIONS } from "./judge-bench-db";
import { judgmentsPerIteration } from "@/lib/pipeline/sampling";

export type JudgeWorkerInput = { file: string; runId: number; concurrency: number };
export type JudgeWorkerResult = {
  judgments: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  /** RSS (MB) when 10%, 20%, ... 100% of the judgments were stored. */
  rssByDecile: number[];
};

const input = JSON.parse(process.argv[2]!) as JudgeWorkerInput;
const db = openDatabase({ file: input.file, migrationsFolder: MIGRATIONS });
const run = getRunById(db, input.runId)!;
const config = getRunConfig(db, run.id);
const iteration = getIteration(db, run.id, 0)!;
const datasets = runDatasetIds(db, run.id);
const expected = judgmentsPerIteration(countPairs(db, run.id).ok, config.judging);

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
let peakRss = process.memoryUsage.rss();
const rssByDecile: number[] = [];
const sampler = setInterval(() => {
  const rss = process.memoryUsage.rss();
  peakRss = Math.max(peakRss, rss);
  const done = countJudgments(db, iteration.id);
  while (rssByDecile.length < 10 && done >= ((rssByDecile.length + 1) / 10) * expected) rssByDecile.push(mb(rss));
  console.log(`progress ${done} ${expected} ${mb(rss)}`);
}, 1000);

const progress = new ProgressTracker((snapshot) => setRunProgress(db, run.id, snapshot));
const controller = new AbortController();
setMaxListeners(0, controller.signal);
const ctx = createRunContext(db, run, config, progress, {
  signal: controller.signal,
  concurrency: input.concurrency,
  generatorBackendId: runBackendIds(db, run.id).find((b) => b.role === "generator")!.backendId,
  baseModel: { backendId: runBackendIds(db, run.id).find((b) => b.role === "judge")!.backendId, model: config.judge.model },
  instructionsDatasetId: datasets.find((d) => d.role === "instructions")!.datasetId,
  evalDatasetIds: [],
});
progress.start();
const cpuBefore = process.cpuUsage();
const started = performance.now();
await judgeStage(ctx, iteration);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
progress.stop();
clearInterval(sampler);
const rss = process.memoryUsage.rss();
peakRss = Math.max(peakRss, rss, process.resourceUsage().maxRSS * 1024);
while (rssByDecile.length < 10) rssByDecile.push(mb(rss));

const result: JudgeWorkerResult = {
  judgments: countJudgments(db, iteration.id),
  wallMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  peakRssMb: mb(peakRss),
  rssByDecile,
};
db.$client.close();
console.log(JSON.stringify(result));
