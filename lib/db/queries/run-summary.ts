/**
 * The aggregates a run's page, the runs list and `judge-lab status` show, all computed in SQL:
 * pairs kept and dropped by reason, per-iteration judgment outcomes, what the filter kept, the
 * training job, eval scores per set (RewardBench sections and the agreement metrics), tokens per
 * stage. Nothing here loads a run's judgments into memory.
 */
import "../server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { rewardBenchScores, type EvalSummary, type RewardBenchReport } from "@/lib/metrics";
import type { Queryable } from "../client";
import {
  datasets,
  evalResults,
  evalSummaries,
  iterations,
  pairs,
  trainingExamples,
  trainingJobs,
  type IterationRow,
  type TrainingJobRow,
} from "../schema";
import { evalSummarySql, kappaBetweenIterationsSql } from "./eval-metrics";

/** `goodFromPool`: pairs whose y_w is the pool's own baseline response (not generated). */
export type PairCounts = { total: number; ok: number; dropped: number; goodFromPool: number; byReason: Record<string, number> };

export function pairCounts(db: Queryable, runId: number): PairCounts {
  const rows = db
    .select({ status: pairs.status, reason: pairs.dropReason, source: pairs.goodSource, n: sql<number>`count(*)` })
    .from(pairs)
    .where(eq(pairs.runId, runId))
    .groupBy(pairs.status, pairs.dropReason, pairs.goodSource)
    .all();
  const counts: PairCounts = { total: 0, ok: 0, dropped: 0, goodFromPool: 0, byReason: {} };
  for (const row of rows) {
    counts.total += row.n;
    if (row.source === "pool") counts.goodFromPool += row.n;
    if (row.status === "ok") counts.ok += row.n;
    else {
      counts.dropped += row.n;
      counts.byReason[row.reason ?? "unknown"] = (counts.byReason[row.reason ?? "unknown"] ?? 0) + row.n;
    }
  }
  return counts;
}

export type JudgmentCounts = {
  judgments: number;
  correct: number;
  wrong: number;
  tie: number;
  unparsed: number;
  truncated: number;
  kept: number;
  promptTokens: number;
  completionTokens: number;
};

/** An iteration's judgment counts and tokens, from the tallies the triggers keep (a few rows, not the judgments). */
export function judgmentCounts(db: Queryable, iterationId: number): JudgmentCounts {
  const row = db.get<Record<string, number | null>>(sql`
    select sum(judgments) as judgments, sum(case when outcome = 'correct' then judgments end) as correct,
           sum(case when outcome = 'wrong' then judgments end) as wrong, sum(case when outcome = 'tie' then judgments end) as tie,
           sum(case when outcome = 'unparsed' then judgments end) as unparsed, sum(case when truncated then judgments end) as truncated,
           sum(prompt_tokens) as promptTokens, sum(completion_tokens) as completionTokens,
           (select count(*) from training_examples where iteration_id = ${iterationId}) as kept
    from judgment_tallies where iteration_id = ${iterationId}`);
  const n = (key: string) => row?.[key] ?? 0;
  return {
    judgments: n("judgments"),
    correct: n("correct"),
    wrong: n("wrong"),
    tie: n("tie"),
    unparsed: n("unparsed"),
    truncated: n("truncated"),
    kept: n("kept"),
    promptTokens: n("promptTokens"),
    completionTokens: n("completionTokens"),
  };
}

export type EvalSetScores = {
  datasetId: number;
  datasetName: string;
  subsets: { subset: string; items: number; scoreSum: number; accuracy: number }[];
  rewardBench: RewardBenchReport;
};

export function evalScores(db: Queryable, iterationId: number): EvalSetScores[] {
  const rows = db
    .select({
      datasetId: evalResults.datasetId,
      datasetName: datasets.name,
      subset: evalResults.subset,
      items: evalResults.itemCount,
      scoreSum: evalResults.scoreSum,
      accuracy: evalResults.accuracy,
    })
    .from(evalResults)
    .innerJoin(datasets, eq(datasets.id, evalResults.datasetId))
    .where(eq(evalResults.iterationId, iterationId))
    .orderBy(asc(evalResults.datasetId), asc(evalResults.subset))
    .all();
  const bySet = new Map<number, EvalSetScores>();
  for (const row of rows) {
    const entry = bySet.get(row.datasetId) ?? {
      datasetId: row.datasetId,
      datasetName: row.datasetName,
      subsets: [],
      rewardBench: rewardBenchScores([]),
    };
    entry.subsets.push({ subset: row.subset, items: row.items, scoreSum: row.scoreSum, accuracy: row.accuracy });
    bySet.set(row.datasetId, entry);
  }
  for (const entry of bySet.values()) entry.rewardBench = rewardBenchScores(entry.subsets);
  return [...bySet.values()];
}

/** All eval sets of an iteration pooled into one RewardBench report (the run's headline score). */

export type IterationSummary = {
  iteration: Pick<IterationRow, "id" | "index" | "judgeModel" | "status" | "stats" | "startedAt" | "finishedAt"> & {
    demonstrations: number;
  };
  judgments: JudgmentCounts;
  trainingJob: Pick<
    TrainingJobRow,
    "trainer" | "method" | "status" | "baseModel" | "resultModel" | "error" | "exampleCount" | "externalJobId" | "log"
  > | null;
  evals: (EvalSetScores & { metrics: EvalSummary; kappaWithPrevious: number | null })[];
};

export function iterationSummaries(db: Queryable, runId: number): IterationSummary[] {
  const its = db.select().from(iterations).where(eq(iterations.runId, runId)).orderBy(asc(iterations.index)).all();
  const storedSummaries = new Map(
    (its.length === 0
      ? []
      : db
          .select()
          .from(evalSummaries)
          .where(
            inArray(
              evalSummaries.iterationId,
              its.map((it) => it.id),
            ),
          )
          .all()
    ).map((row) => [`${row.iterationId}:${row.datasetId}`, row]),
  );
  return its.map((iteration, i) => {
    const job = db.select().from(trainingJobs).where(eq(trainingJobs.iterationId, iteration.id)).get();
    const previous = i > 0 ? its[i - 1] : undefined;
    return {
      iteration: {
        id: iteration.id,
        index: iteration.index,
        judgeModel: iteration.judgeModel,
        status: iteration.status,
        stats: iteration.stats,
        startedAt: iteration.startedAt,
        finishedAt: iteration.finishedAt,
        demonstrations: iteration.demonstrationJudgmentIds?.length ?? 0,
      },
      judgments: judgmentCounts(db, iteration.id),
      trainingJob: job
        ? {
            trainer: job.trainer,
            method: job.method,
            status: job.status,
            baseModel: job.baseModel,
            resultModel: job.resultModel,
            error: job.error,
            exampleCount: job.exampleCount,
            externalJobId: job.externalJobId,
            log: job.log,
          }
        : null,
      evals: evalScores(db, iteration.id).map((set) => {
        // Stored when the eval stage finished; computed live for a set still being judged.
        const stored = storedSummaries.get(`${iteration.id}:${set.datasetId}`);
        return {
          ...set,
          metrics: stored
            ? (stored.summary as unknown as EvalSummary)
            : evalSummarySql(db, { iterationId: iteration.id, datasetId: set.datasetId }),
          kappaWithPrevious: stored
            ? stored.kappaWithPrevious
            : previous
              ? kappaBetweenIterationsSql(
                  db,
                  { iterationId: previous.id, datasetId: set.datasetId },
                  { iterationId: iteration.id, datasetId: set.datasetId },
                ).kappa
              : null,
        };
      }),
    };
  });
}

export type StageTokens = { stage: string; promptTokens: number; completionTokens: number; calls: number };

export function tokensByStage(db: Queryable, runId: number): StageTokens[] {
  return db.all<StageTokens>(sql`
    select 'select' as stage, coalesce(sum(prompt_tokens), 0) as promptTokens, coalesce(sum(completion_tokens), 0) as completionTokens, count(*) as calls
      from instruction_classifications where run_id = ${runId}
    union all
    select 'pairs', coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0),
      coalesce(sum(good_source = 'generated') + sum(worse_response is not null or (raw_worse_output is not null and good_response <> '')), 0)
      from pairs where run_id = ${runId}
    union all
    select 'judge', coalesce(sum(t.prompt_tokens), 0), coalesce(sum(t.completion_tokens), 0), coalesce(sum(t.judgments), 0)
      from judgment_tallies t join iterations i on i.id = t.iteration_id where i.run_id = ${runId}
    union all
    select 'evaluate', coalesce(sum(e.prompt_tokens), 0), coalesce(sum(e.completion_tokens), 0), count(*)
      from eval_judgments e join iterations i on i.id = e.iteration_id where i.run_id = ${runId}`);
}

export function countTrainingExamples(db: Queryable, iterationId: number): { total: number; withRejected: number } {
  const row = db
    .select({
      total: sql<number>`count(*)`,
      withRejected: sql<number>`coalesce(sum(${trainingExamples.rejectedJudgmentId} is not null), 0)`,
    })
    .from(trainingExamples)
    .where(and(eq(trainingExamples.iterationId, iterationId)))
    .get();
  return { total: row?.total ?? 0, withRejected: row?.withRejected ?? 0 };
}
