/**
 * Drives one run through the paper's stages (docs/architecture.md, "Stages"): select instructions,
 * build pairs, then for each iteration i: evaluate judge i, and while i < iterations: judge the
 * pairs, filter, train judge i+1. Every stage first looks at the rows that exist, so calling this
 * again after a pause, a crash or a restart continues where the run stopped. The caller holds the
 * run's lease and aborts the signal to pause or cancel.
 */
import type { Db } from "@/lib/db/client";
import { describeStorageError } from "@/lib/storage-errors";
import {
  addRunEvent,
  getRunById,
  getRunConfig,
  runBackendIds,
  runDatasetIds,
  setRunPosition,
  setRunProgress,
  StoredConfigError,
  transitionRunStatus,
} from "@/lib/db/queries/runs";
import { getIteration, runTokenTotal, updateIteration } from "@/lib/db/queries/run-work";
import type { RunRow, RunStatus } from "@/lib/db/schema";
import type { RunConfig } from "@/lib/pipeline/run-config";
import type { ClientOptions } from "@/lib/inference/chat-client";
import { createClientRegistry } from "./clients";
import type { RunContext } from "./context";
import { FailRun, FailureGuard, PauseRun } from "./errors";
import { ProgressTracker } from "./progress";
import { evaluateStage } from "./stages/evaluate";
import { filterStage } from "./stages/filter";
import { judgeStage } from "./stages/judge";
import { pairsStage } from "./stages/pairs";
import { selectStage } from "./stages/select";
import { trainStage } from "./stages/train";

export type DriveOptions = {
  signal: AbortSignal;
  /** Base URL overrides per backend id (the CLI's own SimJudge for the built-in backend). */
  baseUrlOverrides?: Map<number, string[]>;
  concurrency?: number;
  /** Retry and backoff settings of the inference clients (tests shorten them). */
  clientOptions?: ClientOptions;
};

/** The context every stage gets; the benchmarks build one to drive a single stage. */
export function createRunContext(
  db: Db,
  run: RunRow,
  config: RunConfig,
  progress: ProgressTracker,
  options: DriveOptions & {
    generatorBackendId: number;
    baseModel: { backendId: number; model: string };
    instructionsDatasetId: number;
    evalDatasetIds: number[];
  },
): RunContext {
  return {
    db,
    run,
    config,
    signal: options.signal,
    clients: createClientRegistry(db, options.baseUrlOverrides, options.clientOptions),
    progress,
    guard: new FailureGuard(),
    generatorBackendId: options.generatorBackendId,
    baseModel: options.baseModel,
    instructionsDatasetId: options.instructionsDatasetId,
    evalDatasetIds: options.evalDatasetIds,
    concurrency: options.concurrency ?? 256,
    log: (level, message, extra = {}) =>
      addRunEvent(db, {
        runId: run.id,
        iterationIndex: extra.iteration ?? null,
        stage: extra.stage ?? null,
        level,
        kind: extra.kind ?? null,
        message,
      }),
  };
}

export async function driveRun(db: Db, runId: number, options: DriveOptions): Promise<RunStatus> {
  const run = getRunById(db, runId);
  if (!run) throw new Error(`Run #${runId} does not exist`);
  if (run.status !== "queued" && run.status !== "running") return run.status;
  let config: RunConfig;
  try {
    config = getRunConfig(db, runId);
  } catch (error) {
    if (!(error instanceof StoredConfigError)) throw error;
    transitionRunStatus(db, runId, ["queued", "running"], "failed", error.message);
    return "failed";
  }
  const backends = runBackendIds(db, runId);
  const datasets = runDatasetIds(db, runId);
  const generatorBackendId = backends.find((b) => b.role === "generator")?.backendId;
  const judgeBackendId = backends.find((b) => b.role === "judge")?.backendId;
  // The model that is fine-tuned: training.baseModel on its own ("trainer") backend, else the seed judge.
  const baseBackendId = config.training.baseModel ? backends.find((b) => b.role === "trainer")?.backendId : judgeBackendId;
  const instructionsDatasetId = datasets.find((d) => d.role === "instructions")?.datasetId;
  if (generatorBackendId === undefined || instructionsDatasetId === undefined || baseBackendId === undefined) {
    transitionRunStatus(db, runId, ["queued", "running"], "failed", "The run lost its generator or judge backend or its instruction pool");
    return "failed";
  }
  if (!transitionRunStatus(db, runId, ["queued", "running"], "running")) return getRunById(db, runId)!.status;

  const progress = new ProgressTracker((snapshot) => setRunProgress(db, runId, snapshot));
  const ctx = createRunContext(db, run, config, progress, {
    ...options,
    generatorBackendId,
    baseModel: { backendId: baseBackendId, model: config.training.baseModel?.model ?? config.judge.model },
    instructionsDatasetId,
    evalDatasetIds: datasets.filter((d) => d.role === "eval").map((d) => d.datasetId),
  });
  const checkBudget = () => {
    const limit = config.budget.maxTokens;
    if (limit !== null) {
      const used = runTokenTotal(db, runId);
      if (used >= limit)
        throw new PauseRun(
          `The token budget is spent (${used.toLocaleString("en-US")} of ${limit.toLocaleString("en-US")} tokens); raise it in a clone to go on`,
        );
    }
  };
  const stage = async (name: string, iteration: number | null, work: () => Promise<void> | void) => {
    if (options.signal.aborted) throw options.signal.reason ?? new Error("aborted");
    checkBudget();
    setRunPosition(db, runId, { iteration, stage: name });
    await work();
    if (options.signal.aborted) throw options.signal.reason ?? new Error("aborted");
  };

  progress.start();
  try {
    await stage("select", null, () => selectStage(ctx));
    await stage("pairs", null, () => pairsStage(ctx));
    for (let index = 0; index <= config.iterations; index++) {
      let iteration = getIteration(db, runId, index);
      if (!iteration) throw new FailRun(`Iteration ${index} has no judge (its training did not finish)`);
      updateIteration(db, iteration.id, { status: "running", startedAt: iteration.startedAt ?? Date.now() });
      await stage("evaluate", index, () => evaluateStage(ctx, iteration!));
      if (index < config.iterations) {
        await stage("judge", index, () => judgeStage(ctx, iteration!));
        await stage("filter", index, () => filterStage(ctx, iteration!));
        iteration = getIteration(db, runId, index)!;
        await stage("train", index, () => trainStage(ctx, iteration!));
      }
      updateIteration(db, iteration.id, { status: "completed", finishedAt: Date.now() });
    }
    setRunPosition(db, runId, { iteration: config.iterations, stage: "done" });
    transitionRunStatus(db, runId, ["running"], "completed");
    ctx.log("info", "Run completed");
    return "completed";
  } catch (error) {
    if (error instanceof PauseRun) {
      transitionRunStatus(db, runId, ["running"], "paused", error.reason);
      ctx.log("warn", `Paused: ${error.reason}`);
      return "paused";
    }
    const storage = describeStorageError(error);
    if (storage) {
      // The disk is full or the file read-only: pause with the reason (a small in-place update that
      // usually still fits), and never crash the process that serves the app.
      console.error(`[judge-lab] run #${runId}: ${storage}`);
      try {
        transitionRunStatus(db, runId, ["running"], "paused", storage);
        ctx.log("error", `Paused: ${storage}`);
      } catch (recordError) {
        console.error(
          `[judge-lab] run #${runId}: could not record the pause either: ${recordError instanceof Error ? recordError.message : recordError}`,
        );
      }
      return "paused";
    }
    if (options.signal.aborted) {
      // Paused or canceled from outside (or the lease was lost): the status is already set.
      return getRunById(db, runId)!.status;
    }
    const reason = error instanceof FailRun ? error.reason : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    if (!(error instanceof FailRun)) console.error(`[judge-lab] run #${runId} failed:`, error);
    transitionRunStatus(db, runId, ["running"], "failed", reason);
    ctx.log("error", `Failed: ${reason}`);
    return "failed";
  } finally {
    progress.stop();
  }
}
