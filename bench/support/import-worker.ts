/**
 * Worker process: imports one JSONL file into a fresh database through the app's importer (the
 * same streaming, validating, batched path as the Datasets page and the CLI) and prints rows,
 * wall time and this process's peak resident memory as one JSON line.
 */
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { importDataset } from "@/lib/datasets/import-dataset";
import { describeSourceFile } from "@/lib/datasets/source-file";
import { MIGRATIONS } from "./judge-bench-db";

export type ImportWorkerInput = { database: string; source: string };
export type ImportWorkerResult = { rows: number; wallMs: number; rowsPerSecond: number; peakRssMb: number };

const input = JSON.parse(process.argv[2]!) as ImportWorkerInput;
const db = openDatabase({ file: input.database, migrationsFolder: MIGRATIONS });
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 200);
let lastProgress = 0;
const summary = await importDataset(db, {
  files: [await describeSourceFile(input.source, path.basename(input.source))],
  name: "bench import",
  source: input.source,
  onProgress: (progress) => {
    if (Date.now() - lastProgress > 10_000) {
      lastProgress = Date.now();
      console.log(`progress ${JSON.stringify(progress)}`);
    }
  },
});
clearInterval(sampler);
peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
db.$client.close();
const result: ImportWorkerResult = {
  rows: summary.rows,
  wallMs: summary.durationMs,
  rowsPerSecond: summary.rowsPerSecond,
  peakRssMb: Math.round((peak / 2 ** 20) * 10) / 10,
};
console.log(JSON.stringify(result));
