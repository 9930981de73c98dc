/** What every stage of a run gets: the database, the run and its config, clients, progress, the signal. */
import type { Db } from "@/lib/db/client";
import type { RunRow } from "@/lib/db/schema";
import type { RunConfig } from "@/lib/pipeline/run-config";
import type { ClientRegistry } from "./clients";
import type { FailureGuard } from "./errors";
import type { ProgressTracker } from "./progress";

export type RunContext = {
  db: Db;
  run: RunRow;
  config: RunConfig;
  signal: AbortSignal;
  clients: ClientRegistry;
  progress: ProgressTracker;
  guard: FailureGuard;
  generatorBackendId: number;
  /** The model every training round that starts from the base fine-tunes, and the backend serving it. */
  baseModel: { backendId: number; model: string };
  instructionsDatasetId: number;
  evalDatasetIds: number[];
  /** How many units are processed at once (the client caps real requests). */
  concurrency: number;
  log: (level: "info" | "warn" | "error", message: string, extra?: { stage?: string; iteration?: number | null; kind?: string }) => void;
};
