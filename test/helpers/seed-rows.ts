// Minimal rows for constraint tests: a backend, an instruction pool with one item, a run with one
// iteration and one pair. Returns their ids.
import type { Db } from "@/lib/db/client";
import { backends, datasetItems, datasets, iterations, pairs, runBackends, runDatasets, runs } from "@/lib/db/schema";
import { storedDemoConfig } from "./stored-config";

export function seedRunWithPair(db: Db) {
  const backend = db
    .insert(backends)
    .values({ name: "sim", preset: "simjudge", baseUrls: ["http://127.0.0.1:1/v1"], maxInFlight: 4, timeoutMs: 1000 })
    .returning()
    .get();
  const dataset = db
    .insert(datasets)
    .values({ name: "pool", kind: "instructions", source: "test", format: "jsonl", contentHash: "h1", rowCount: 1 })
    .returning()
    .get();
  const item = db
    .insert(datasetItems)
    .values({ datasetId: dataset.id, position: 0, sourceId: "0", prompt: "Explain WAL mode.", contentHash: "i1" })
    .returning()
    .get();
  const run = db.insert(runs).values({ name: "r", config: storedDemoConfig(), seed: 1 }).returning().get();
  db.insert(runDatasets).values({ runId: run.id, datasetId: dataset.id, role: "instructions" }).run();
  db.insert(runBackends).values({ runId: run.id, backendId: backend.id, role: "judge" }).run();
  const iteration = db
    .insert(iterations)
    .values({ runId: run.id, index: 0, judgeBackendId: backend.id, judgeModel: "sim-judge" })
    .returning()
    .get();
  const pair = db
    .insert(pairs)
    .values({
      runId: run.id,
      datasetItemId: item.id,
      status: "ok",
      goodResponse: "good",
      modifiedInstruction: "x'",
      worseResponse: "worse",
    })
    .returning()
    .get();
  return { backend, dataset, item, run, iteration, pair };
}
