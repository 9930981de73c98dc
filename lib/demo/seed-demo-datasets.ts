/**
 * Makes sure the demo data that ships with Judge Lab is imported (first start, or after someone
 * deleted it): the instruction pool, the labelled eval set and the two sets of responses to judge
 * in lib/demo/data/, marked as demo data.
 */
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { findDatasetByName } from "@/lib/db/queries/datasets";
import { importDataset, ImportFailure } from "@/lib/datasets/import-dataset";
import { describeSourceFile } from "@/lib/datasets/source-file";
import type { DatasetKind } from "@/lib/db/schema";
import { DEMO_EVAL, DEMO_POOL } from "@/lib/pipeline/run-presets";

export const DEMO_PAIRWISE = "Demo responses (pairwise)";
export const DEMO_BEST_OF_4 = "Demo responses (best-of-4)";

const DEMO_FILES: { name: string; file: string; description: string; kind?: DatasetKind }[] = [
  {
    name: DEMO_POOL,
    file: "demo-instructions.jsonl",
    description: "Demo data written for Judge Lab from templates: 300 instructions in 6 categories. Not a real benchmark.",
  },
  {
    name: DEMO_EVAL,
    file: "demo-eval-pairs.jsonl",
    description: "Demo data written for Judge Lab from templates: 225 labelled pairs in 6 subsets. Not a real benchmark.",
  },
  {
    name: DEMO_PAIRWISE,
    file: "demo-judge-pairwise.jsonl",
    kind: "responses",
    description:
      "Demo data written for Judge Lab from templates: 120 prompts with two responses each, labelled A or B. Not a real benchmark.",
  },
  {
    name: DEMO_BEST_OF_4,
    file: "demo-judge-best-of-4.jsonl",
    kind: "responses",
    description:
      "Demo data written for Judge Lab from templates: 60 prompts with four responses each, the best one labelled. Not a real benchmark.",
  },
];

export function demoDataDir(): string {
  return path.join(process.cwd(), "lib", "demo", "data");
}

export async function ensureDemoDatasets(db: Db, dir = demoDataDir()): Promise<void> {
  for (const demo of DEMO_FILES) {
    if (findDatasetByName(db, demo.name)) continue;
    const filePath = path.join(dir, demo.file);
    try {
      await importDataset(db, {
        files: [await describeSourceFile(filePath, demo.file)],
        name: demo.name,
        kind: demo.kind,
        source: `demo:${demo.file}`,
        description: demo.description,
        builtin: true,
      });
    } catch (error) {
      // The same content under another name (someone renamed it) is fine; anything else is reported.
      if (error instanceof ImportFailure && error.reason === "duplicate_content") continue;
      console.error(`[judge-lab] could not import the demo data ${demo.file}:`, error);
    }
  }
}
