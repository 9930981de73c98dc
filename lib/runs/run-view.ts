/**
 * Everything the run page shows, in one JSON-safe object built from SQL aggregates: the run and its
 * live progress, the stage timeline, per-iteration counts and scores, pairs, tokens, recent events.
 * The page polls it while the run is active (TanStack Query); the CLI's status shares the queries.
 */
import { runPeopleAgreement, type RunPeopleAgreement } from "@/lib/annotation/run-agreement";
import type { Queryable } from "@/lib/db/client";
import { findRunConfig, getRunById, listRunEvents } from "@/lib/db/queries/runs";
import {
  iterationSummaries,
  pairCounts,
  tokensByStage,
  type IterationSummary,
  type PairCounts,
  type StageTokens,
} from "@/lib/db/queries/run-summary";
import { countRunInstructions } from "@/lib/db/queries/run-work";
import type { RunRow } from "@/lib/db/schema";
import { pooledRewardBench, type RewardBenchReport } from "@/lib/metrics";
import type { RunConfig } from "@/lib/pipeline/run-config";
import type { ProgressSnapshot } from "@/lib/runner/progress";

export type RunView = {
  run: Pick<
    RunRow,
    | "id"
    | "name"
    | "status"
    | "statusReason"
    | "currentIteration"
    | "currentStage"
    | "createdAt"
    | "startedAt"
    | "finishedAt"
    | "seed"
    | "clonedFromRunId"
  >;
  config: RunConfig | null;
  progress: ProgressSnapshot | null;
  selected: number;
  pairs: PairCounts;
  tokens: StageTokens[];
  iterations: (IterationSummary & { pooled: RewardBenchReport })[];
  events: { id: number; level: string; stage: string | null; iterationIndex: number | null; message: string; createdAt: number }[];
  /** Its iterations against the human labels of the annotation sets made from it; null when there are none. */
  people: RunPeopleAgreement | null;
};

export function runView(db: Queryable, runId: number): RunView | null {
  const run = getRunById(db, runId);
  if (!run) return null;
  return {
    run: {
      id: run.id,
      name: run.name,
      status: run.status,
      statusReason: run.statusReason,
      currentIteration: run.currentIteration,
      currentStage: run.currentStage,
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      seed: run.seed,
      clonedFromRunId: run.clonedFromRunId,
    },
    config: findRunConfig(db, runId),
    progress: (run.progress as ProgressSnapshot | null) ?? null,
    selected: countRunInstructions(db, runId),
    pairs: pairCounts(db, runId),
    tokens: tokensByStage(db, runId),
    iterations: iterationSummaries(db, runId).map((summary) => ({ ...summary, pooled: pooledRewardBench(summary.evals) })),
    events: listRunEvents(db, runId, 40).map((e) => ({
      id: e.id,
      level: e.level,
      stage: e.stage,
      iterationIndex: e.iterationIndex,
      message: e.message,
      createdAt: e.createdAt,
    })),
    people: runPeopleAgreement(db, runId),
  };
}
