// A database ready for runs: the demo data, optionally LLMBar (from the shared data, when it is
// there), and a backend "sim" pointing at a SimJudge on a random port (its own database). Plus a
// small, fast run config.
import path from "node:path";
import { createBackend } from "@/lib/db/queries/backends";
import { importDataset } from "@/lib/datasets/import-dataset";
import { describeSourceFile } from "@/lib/datasets/source-file";
import { ensureDemoDatasets } from "@/lib/demo/seed-demo-datasets";
import type { Db } from "@/lib/db/client";
import { backendInputSchema } from "@/lib/backends/backend-input";
import type { RunConfigInput } from "@/lib/pipeline/run-config";
import { demoPreset } from "@/lib/pipeline/run-presets";
import { sharedDataFile } from "./shared-data";

export const DEMO_DATA_DIR = path.join(process.cwd(), "lib", "demo", "data");

/** Prepares the database; answers whether LLMBar was imported (asked for, and the file is there). */
export async function prepareRunDb(
  db: Db,
  simUrl: string,
  options: { llmbar?: string; maxInFlight?: number } = {},
): Promise<{ llmbar: boolean }> {
  await ensureDemoDatasets(db, DEMO_DATA_DIR);
  const file = options.llmbar ? sharedDataFile("rewardbench-llmbar.jsonl", options.llmbar) : null;
  if (file) {
    await importDataset(db, { files: [await describeSourceFile(file, "rewardbench-llmbar.jsonl")], name: "LLMBar", source: file });
  }
  createBackend(
    db,
    backendInputSchema.parse({
      name: "sim",
      preset: "simjudge",
      baseUrls: [simUrl],
      apiKeyEnv: null,
      maxInFlight: options.maxInFlight ?? 64,
      requestsPerMinute: null,
      tokensPerMinute: null,
      timeoutSeconds: 30,
      supportsN: true,
      supportsFineTuning: true,
    }),
  );
  return { llmbar: file !== null };
}

/** A small run: 30 instructions, 2 samples, 2 iterations, 40 eval items. */
export function smallConfig(overrides: Partial<RunConfigInput> = {}): RunConfigInput {
  const demo = demoPreset();
  return {
    ...demo,
    name: "small",
    generator: { backend: "sim", model: "simjudge-base" },
    judge: { backend: "sim", model: "simjudge-base" },
    instructions: { ...demo.instructions, count: 30, candidates: 45, perCategoryCap: null },
    judging: { ...demo.judging, samples: 2 },
    iterations: 2,
    evaluation: { ...demo.evaluation!, maxItems: 40 },
    ...overrides,
  };
}
