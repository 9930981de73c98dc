/**
 * Databases for the judging section: a SimJudge backend row (the API measure's app serves it), and
 * for the job measure a dataset of responses to judge (P pairwise items with the demo set's texts,
 * cycled with a case number so every prompt differs) imported through the real `importDataset`,
 * and a judge job on it launched through the real `launchJudgeJob`, queued for a runner.
 */
import fs from "node:fs";
import path from "node:path";
import { backendInputSchema } from "@/lib/backends/backend-input";
import { openDatabase, type Db } from "@/lib/db/client";
import { createBackend } from "@/lib/db/queries/backends";
import type { BackendRow } from "@/lib/db/schema";
import { importDataset } from "@/lib/datasets/import-dataset";
import { describeSourceFile } from "@/lib/datasets/source-file";
import { launchJudgeJob } from "@/lib/runner/jobs/launch-job";
import { MIGRATIONS } from "./judge-bench-db";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const SIM_BACKEND = "sim";
export const SIM_MODEL = "simjudge-base";

export type PairwiseRow = { id: string; category: string; prompt: string; response_a: string; response_b: string; label: "A" | "B" };

/** The demo set of pairwise responses to judge (120 rows, realistic lengths). */
export function demoPairwiseRows(): PairwiseRow[] {
  return fs
    .readFileSync(path.join(ROOT, "lib", "demo", "data", "demo-judge-pairwise.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PairwiseRow);
}

/** The backend row for a SimJudge at `url`, as the Backends page would store it. */
export function createSimBackend(db: Db, url: string, maxInFlight: number): BackendRow {
  return createBackend(
    db,
    backendInputSchema.parse({
      name: SIM_BACKEND,
      preset: "simjudge",
      baseUrls: [url],
      apiKeyEnv: null,
      maxInFlight,
      requestsPerMinute: null,
      tokensPerMinute: null,
      timeoutSeconds: 600,
      supportsN: true,
      supportsFineTuning: true,
    }),
  );
}

/** A fresh database holding only the SimJudge backend row (what the app is started on). */
export function seedBackendOnly(file: string, simUrl: string, maxInFlight: number): BackendRow {
  const db = openDatabase({ file, migrationsFolder: MIGRATIONS });
  try {
    return createSimBackend(db, simUrl, maxInFlight);
  } finally {
    db.$client.close();
  }
}

export type JudgeJobBench = { jobId: number; items: number; judgments: number; importMs: number };

/** A database with P pairwise items and a queued judge job over them, both orders, one sample. */
export async function seedJudgeJobBench(options: {
  file: string;
  simUrl: string;
  pairs: number;
  maxInFlight: number;
}): Promise<JudgeJobBench> {
  const rows = demoPairwiseRows();
  const jsonl = path.join(path.dirname(options.file), "responses.jsonl");
  const out = fs.openSync(jsonl, "w");
  for (let i = 0; i < options.pairs; i++) {
    const row = rows[i % rows.length]!;
    fs.writeSync(out, `${JSON.stringify({ ...row, id: `bench-${i}`, prompt: `${row.prompt} (case ${i + 1})` })}\n`);
  }
  fs.closeSync(out);

  const db = openDatabase({ file: options.file, migrationsFolder: MIGRATIONS });
  try {
    createSimBackend(db, options.simUrl, options.maxInFlight);
    const started = performance.now();
    const summary = await importDataset(db, {
      files: [await describeSourceFile(jsonl, "responses.jsonl")],
      name: "bench responses",
      kind: "responses",
      source: "bench",
    });
    const importMs = performance.now() - started;
    const job = launchJudgeJob(db, {
      name: "bench",
      judge: { kind: "model", backend: SIM_BACKEND, model: SIM_MODEL },
      dataset: summary.name,
      bothOrders: true,
      samples: 1,
    });
    return { jobId: job.id, items: job.itemCount, judgments: job.plannedJudgments, importMs };
  } finally {
    db.$client.close();
  }
}
