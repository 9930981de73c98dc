/**
 * What one SimJudge server holds while it runs: its database, the models (weights) it serves, the
 * faults it injects, the batch slots, the statistics, the pending timers of fine-tuning jobs.
 */
import type { Db } from "@/lib/db/client";
import { ensureSimModel, listSimModels } from "@/lib/db/queries/simjudge";
import { createRandom, hashSeed, type Random } from "@/lib/pipeline/random";
import { faultConfigSchema, type FaultConfig } from "../faults";
import { SEED_WEIGHTS, type Weights } from "../judge-model";
import { Slots } from "./protocol";
import { BASE_MODEL_ID, type ModelState, type SimJudgeOptions, type SimStats } from "./types";

export type SimState = {
  db: Db;
  log?: (line: string) => void;
  trainingDelayMs: number;
  serverFaults: FaultConfig;
  slots: Slots | null;
  faultRandom: Random;
  models: Map<string, ModelState>;
  inContextCache: Map<string, Weights>;
  timers: Set<ReturnType<typeof setTimeout>>;
  closed: boolean;
  stats: SimStats;
};

export function freshStats(): SimStats {
  return {
    requests: 0,
    chatRequests: 0,
    samples: 0,
    inFlight: 0,
    maxInFlightSeen: 0,
    queued: 0,
    promptTokens: 0,
    completionTokens: 0,
    faults: {},
  };
}

export function createState(options: SimJudgeOptions): SimState {
  return {
    db: options.db,
    log: options.log,
    trainingDelayMs: options.trainingDelayMs ?? 250,
    serverFaults: faultConfigSchema.parse(options.faults ?? {}),
    slots: options.maxInFlight ? new Slots(options.maxInFlight) : null,
    faultRandom: createRandom(options.seed ?? hashSeed("simjudge-faults", Date.now())),
    models: new Map(),
    inContextCache: new Map(),
    timers: new Set(),
    closed: false,
    stats: freshStats(),
  };
}

/** (Re)read the models from the database, creating the base model when missing. */
export function loadModels(state: SimState): void {
  ensureSimModel(state.db, { id: BASE_MODEL_ID, parentModel: null, weights: SEED_WEIGHTS, examplesSeen: 0 });
  state.models.clear();
  for (const row of listSimModels(state.db))
    state.models.set(row.id, { ...row, faults: (row.faults as Partial<FaultConfig> | null) ?? null });
}

export function countFault(state: SimState, kind: string): void {
  state.stats.faults[kind] = (state.stats.faults[kind] ?? 0) + 1;
}

export function modelObject(model: ModelState) {
  return { id: model.id, object: "model", created: Math.floor(model.createdAt / 1000), owned_by: "simjudge", parent: model.parentModel };
}

/** Run a task later unless the server is closed by then. */
export function schedule(state: SimState, ms: number, task: () => void): void {
  const timer = setTimeout(() => {
    state.timers.delete(timer);
    if (!state.closed) task();
  }, ms);
  state.timers.add(timer);
}
