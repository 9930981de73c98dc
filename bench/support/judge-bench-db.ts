/**
 * A database holding a run that is ready for its judge stage: an instruction pool of `pairs`
 * instructions (the demo pool's texts, varied), one SimJudge backend, the run launched through
 * the real `launchRun`, and its pairs bulk-inserted with answers written by SimJudge's own writer
 * (so the judge sees realistic texts) without calling the backend. The runner then finds the
 * select and pairs stages done and only judges.
 */
import fs from "node:fs";
import path from "node:path";
import { createBackend } from "@/lib/db/queries/backends";
import { openDatabase, type Db } from "@/lib/db/client";
import { backendInputSchema } from "@/lib/backends/backend-input";
import { getIteration } from "@/lib/db/queries/run-work";
import { demoPreset } from "@/lib/pipeline/run-presets";
import { launchRun } from "@/lib/runner/launch";
import { createRandom } from "@/lib/pipeline/random";
import { modifyInstruction, writeAnswer } from "@/lib/simulator/writer";
import { judgmentsPerIteration } from "@/lib/pipeline/sampling";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const MIGRATIONS = path.join(ROOT, "drizzle");

export type JudgeBenchOptions = {
  file: string;
  simUrl: string;
  pairs: number;
  samples: number;
  bothOrders: boolean;
  supportsN: boolean;
  maxInFlight: number;
};

export type JudgeBench = { runId: number; iterationId: number; judgments: number };

function demoInstructions(): string[] {
  return fs
    .readFileSync(path.join(ROOT, "lib", "demo", "data", "demo-instructions.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { instruction: string }).instruction);
}

export function seedJudgeBench(options: JudgeBenchOptions): JudgeBench {
  const db: Db = openDatabase({ file: options.file, migrationsFolder: MIGRATIONS });
  const sqlite = db.$client;
  createBackend(
    db,
    backendInputSchema.parse({
      name: "sim",
      preset: "simjudge",
      baseUrls: [options.simUrl],
      apiKeyEnv: null,
      maxInFlight: options.maxInFlight,
      requestsPerMinute: null,
      tokensPerMinute: null,
      timeoutSeconds: 600,
      supportsN: options.supportsN,
      supportsFineTuning: true,
    }),
  );
  const texts = demoInstructions();
  const random = createRandom(11);
  const now = Date.now();
  const datasetId = Number(
    sqlite
      .prepare(
        "insert into datasets (name, kind, source, format, content_hash, row_count, created_at, updated_at) values ('bench pool', 'instructions', 'bench', 'jsonl', 'bench', ?, ?, ?)",
      )
      .run(options.pairs, now, now).lastInsertRowid,
  );
  const insertItem = sqlite.prepare(
    "insert into dataset_items (dataset_id, position, source_id, prompt, content_hash) values (?, ?, ?, ?, ?)",
  );
  const itemIds: number[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < options.pairs; i++) {
      const text = `${texts[i % texts.length]} (case ${i + 1})`;
      itemIds.push(Number(insertItem.run(datasetId, i, `b${i}`, text, `bench-${i}`).lastInsertRowid));
    }
  })();

  const demo = demoPreset();
  const run = launchRun(db, {
    ...demo,
    name: "bench",
    generator: { backend: "sim", model: "simjudge-base" },
    judge: { backend: "sim", model: "simjudge-base" },
    instructions: { dataset: "bench pool", categories: [], keep: [], count: options.pairs, perCategoryCap: null, candidates: null },
    judging: { ...demo.judging, samples: options.samples, bothOrders: options.bothOrders },
    iterations: 1,
    evaluation: { ...demo.evaluation!, datasets: [] },
  });
  const insertInstruction = sqlite.prepare(
    "insert into run_instructions (run_id, dataset_item_id, category, position) values (?, ?, null, ?)",
  );
  const insertPair = sqlite.prepare(
    "insert into pairs (run_id, dataset_item_id, status, good_response, modified_instruction, worse_response, created_at) values (?, ?, 'ok', ?, ?, ?, ?)",
  );
  sqlite.transaction(() => {
    itemIds.forEach((itemId, i) => {
      const instruction = `${texts[i % texts.length]} (case ${i + 1})`;
      const modified = modifyInstruction(instruction, random);
      insertInstruction.run(run.id, itemId, i);
      insertPair.run(run.id, itemId, writeAnswer(instruction, random), modified, writeAnswer(modified, random), now);
    });
  })();
  const iterationId = getIteration(db, run.id, 0)!.id;
  sqlite.close();
  return {
    runId: run.id,
    iterationId,
    judgments: judgmentsPerIteration(options.pairs, { bothOrders: options.bothOrders, samples: options.samples }),
  };
}
