/**
 * SQL for the runner's stages: "the data is the queue". Each stage reads the keys it needs, finds
 * which rows already exist, and writes finished work in batched transactions that skip rows whose
 * natural key exists (so a resumed stage never writes twice). Large reads are paged by id.
 */
import "../server-only";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Queryable } from "../client";
import { refreshGroupStatuses } from "./judgment-aggregates";
import {
  datasetItems,
  evalResults,
  evalSummaries,
  instructionClassifications,
  iterations,
  judgments,
  pairs,
  runInstructions,
  trainingExamples,
  trainingJobs,
  type IterationRow,
  type TrainingJobRow,
} from "../schema";
import type { Position } from "@/lib/pipeline/vocabulary";
import { evalSubsetScores, evalSummarySql, kappaBetweenIterationsSql } from "./eval-metrics";

// ----------------------------------------------------------------------------- stage 1: select

export function listDatasetItemIds(db: Queryable, datasetId: number): number[] {
  return db
    .select({ id: datasetItems.id })
    .from(datasetItems)
    .where(eq(datasetItems.datasetId, datasetId))
    .orderBy(asc(datasetItems.position))
    .all()
    .map((r) => r.id);
}

export function getItemTexts(
  db: Queryable,
  ids: readonly number[],
): { id: number; prompt: string; chosen: string | null; rejected: string | null; subset: string | null }[] {
  if (ids.length === 0) return [];
  return db
    .select({
      id: datasetItems.id,
      prompt: datasetItems.prompt,
      chosen: datasetItems.chosen,
      rejected: datasetItems.rejected,
      subset: datasetItems.subset,
    })
    .from(datasetItems)
    .where(inArray(datasetItems.id, [...ids]))
    .all();
}

export function listClassifications(db: Queryable, runId: number): { itemId: number; category: string | null }[] {
  return db
    .select({ itemId: instructionClassifications.datasetItemId, category: instructionClassifications.category })
    .from(instructionClassifications)
    .where(eq(instructionClassifications.runId, runId))
    .all();
}

export type ClassificationRow = typeof instructionClassifications.$inferInsert;

export function insertClassifications(db: Db, rows: ClassificationRow[]): void {
  if (rows.length === 0) return;
  db.transaction((tx) => {
    for (const chunk of chunks(rows, 500)) tx.insert(instructionClassifications).values(chunk).onConflictDoNothing().run();
  });
}

export function countRunInstructions(db: Queryable, runId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(runInstructions)
      .where(eq(runInstructions.runId, runId))
      .get()?.n ?? 0
  );
}

export function insertRunInstructions(db: Db, rows: (typeof runInstructions.$inferInsert)[]): void {
  db.transaction((tx) => {
    for (const chunk of chunks(rows, 500)) tx.insert(runInstructions).values(chunk).onConflictDoNothing().run();
  });
}

// ----------------------------------------------------------------------------- stage 2: pairs

/** Selected instructions that have no pair yet (the pair stage's remaining work). */
/** Selected instructions that have no pair yet, with the pool's baseline response when it has one. */
export function listInstructionsWithoutPair(
  db: Queryable,
  runId: number,
): { itemId: number; instruction: string; baseline: string | null }[] {
  return db
    .select({ itemId: runInstructions.datasetItemId, instruction: datasetItems.prompt, baseline: datasetItems.chosen })
    .from(runInstructions)
    .innerJoin(datasetItems, eq(datasetItems.id, runInstructions.datasetItemId))
    .leftJoin(pairs, and(eq(pairs.runId, runInstructions.runId), eq(pairs.datasetItemId, runInstructions.datasetItemId)))
    .where(and(eq(runInstructions.runId, runId), isNull(pairs.id)))
    .orderBy(asc(runInstructions.position))
    .all();
}

export type PairInsert = typeof pairs.$inferInsert;

export function insertPairs(db: Db, rows: PairInsert[]): void {
  if (rows.length === 0) return;
  db.transaction((tx) => {
    for (const chunk of chunks(rows, 200)) tx.insert(pairs).values(chunk).onConflictDoNothing().run();
  });
}

/** `itemId` (the instruction's dataset item) is stable across runs, unlike the pair's row id: seeds use it. */
export type PairForJudging = { id: number; itemId: number; instruction: string; goodResponse: string; worseResponse: string };

/** Kept pairs, a page at a time (keyset on id). */
export function listOkPairsPage(db: Queryable, runId: number, afterId: number, limit: number): PairForJudging[] {
  return db
    .select({
      id: pairs.id,
      itemId: pairs.datasetItemId,
      instruction: datasetItems.prompt,
      goodResponse: pairs.goodResponse,
      worseResponse: sql<string>`${pairs.worseResponse}`,
    })
    .from(pairs)
    .innerJoin(datasetItems, eq(datasetItems.id, pairs.datasetItemId))
    .where(and(eq(pairs.runId, runId), eq(pairs.status, "ok"), gt(pairs.id, afterId)))
    .orderBy(asc(pairs.id))
    .limit(limit)
    .all();
}

export function countPairs(db: Queryable, runId: number): { ok: number; dropped: number; fromPool: number } {
  const row = db
    .select({
      ok: sql<number>`coalesce(sum(${pairs.status} = 'ok'), 0)`,
      dropped: sql<number>`coalesce(sum(${pairs.status} = 'dropped'), 0)`,
      fromPool: sql<number>`coalesce(sum(${pairs.goodSource} = 'pool'), 0)`,
    })
    .from(pairs)
    .where(eq(pairs.runId, runId))
    .get();
  return { ok: row?.ok ?? 0, dropped: row?.dropped ?? 0, fromPool: row?.fromPool ?? 0 };
}

// ----------------------------------------------------------------------------- stage 3: judge

export function countJudgments(db: Queryable, iterationId: number): number {
  return db.get<{ n: number | null }>(sql`select sum(judgments) as n from judgment_tallies where iteration_id = ${iterationId}`)?.n ?? 0;
}

// ----------------------------------------------------------------------------- stage 4: filter

export function listJudgmentsForFilter(db: Queryable, iterationId: number) {
  return db
    .select({
      id: judgments.id,
      pairId: judgments.pairId,
      itemKey: pairs.datasetItemId,
      goodPosition: judgments.goodPosition,
      sample: judgments.sample,
      outcome: judgments.outcome,
    })
    .from(judgments)
    .innerJoin(pairs, eq(pairs.id, judgments.pairId))
    .where(eq(judgments.iterationId, iterationId))
    .all();
}

/** Write the filter's decisions, its training examples and its counts in one transaction. */
export function saveFilterResult(
  db: Db,
  iterationId: number,
  result: {
    statuses: Map<number, string>;
    examples: { pairId: number; goodPosition: Position; chosenJudgmentId: number; rejectedJudgmentId: number | null; comboIndex: number }[];
    stats: Record<string, number>;
  },
): void {
  db.transaction((tx) => {
    const update = db.$client.prepare("update judgments set filter_status = ? where id = ?");
    for (const [id, status] of result.statuses) update.run(status, id);
    refreshGroupStatuses(db, iterationId);
    tx.delete(trainingExamples).where(eq(trainingExamples.iterationId, iterationId)).run();
    for (const chunk of chunks(result.examples, 500)) {
      tx.insert(trainingExamples)
        .values(chunk.map((e) => ({ iterationId, ...e })))
        .run();
    }
    const current = tx.select({ stats: iterations.stats }).from(iterations).where(eq(iterations.id, iterationId)).get();
    tx.update(iterations)
      .set({ stats: { ...(current?.stats ?? {}), ...result.stats, filtered: 1 } })
      .where(eq(iterations.id, iterationId))
      .run();
  });
}

/** Kept examples with the texts needed to write a training file, a page at a time. */
export function listTrainingRecordsPage(db: Queryable, iterationId: number, afterId: number, limit: number) {
  return db
    .select({
      id: trainingExamples.id,
      goodPosition: trainingExamples.goodPosition,
      comboIndex: trainingExamples.comboIndex,
      instruction: datasetItems.prompt,
      goodResponse: pairs.goodResponse,
      worseResponse: sql<string>`${pairs.worseResponse}`,
      chosenTrace: sql<string>`(select trace from judgments where id = ${trainingExamples.chosenJudgmentId})`,
      rejectedTrace: sql<string | null>`(select trace from judgments where id = ${trainingExamples.rejectedJudgmentId})`,
    })
    .from(trainingExamples)
    .innerJoin(pairs, eq(pairs.id, trainingExamples.pairId))
    .innerJoin(datasetItems, eq(datasetItems.id, pairs.datasetItemId))
    .where(and(eq(trainingExamples.iterationId, iterationId), gt(trainingExamples.id, afterId)))
    .orderBy(asc(trainingExamples.id))
    .limit(limit)
    .all();
}

// ----------------------------------------------------------------------------- stage 5: train

/** An iteration's kept examples as (chosen judgment, where y_w was shown), for picking demonstrations. */
export function listTrainingChoices(db: Queryable, iterationId: number): { chosen: number; position: Position }[] {
  return db
    .select({ chosen: trainingExamples.chosenJudgmentId, position: trainingExamples.goodPosition })
    .from(trainingExamples)
    .where(and(eq(trainingExamples.iterationId, iterationId), eq(trainingExamples.comboIndex, 0)))
    .all();
}

export function getTrainingJob(db: Queryable, iterationId: number): TrainingJobRow | undefined {
  return db.select().from(trainingJobs).where(eq(trainingJobs.iterationId, iterationId)).get();
}

export function createTrainingJob(db: Queryable, values: typeof trainingJobs.$inferInsert): TrainingJobRow {
  return db.insert(trainingJobs).values(values).onConflictDoNothing().returning().get() ?? getTrainingJob(db, values.iterationId)!;
}

export function updateTrainingJob(db: Queryable, id: number, changes: Partial<typeof trainingJobs.$inferInsert>): void {
  db.update(trainingJobs)
    .set({ ...changes, updatedAt: Date.now() })
    .where(eq(trainingJobs.id, id))
    .run();
}

export function getIteration(db: Queryable, runId: number, index: number): IterationRow | undefined {
  return db
    .select()
    .from(iterations)
    .where(and(eq(iterations.runId, runId), eq(iterations.index, index)))
    .get();
}

export function listIterations(db: Queryable, runId: number): IterationRow[] {
  return db.select().from(iterations).where(eq(iterations.runId, runId)).orderBy(asc(iterations.index)).all();
}

/** The next iteration's row, with the judge training produced (idempotent). */
export function ensureIteration(
  db: Queryable,
  values: { runId: number; index: number; judgeBackendId: number | null; judgeModel: string; demonstrationJudgmentIds?: number[] | null },
): IterationRow {
  db.insert(iterations)
    .values({ ...values, demonstrationJudgmentIds: values.demonstrationJudgmentIds ?? null })
    .onConflictDoNothing()
    .run();
  return getIteration(db, values.runId, values.index)!;
}

export function updateIteration(db: Queryable, id: number, changes: Partial<typeof iterations.$inferInsert>): void {
  db.update(iterations).set(changes).where(eq(iterations.id, id)).run();
}

/** Prompts and traces of kept judgments, for in-context demonstrations. */
export function getJudgmentTraces(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: judgments.id,
      goodPosition: judgments.goodPosition,
      trace: judgments.trace,
      instruction: datasetItems.prompt,
      goodResponse: pairs.goodResponse,
      worseResponse: sql<string>`${pairs.worseResponse}`,
    })
    .from(judgments)
    .innerJoin(pairs, eq(pairs.id, judgments.pairId))
    .innerJoin(datasetItems, eq(datasetItems.id, pairs.datasetItemId))
    .where(inArray(judgments.id, [...ids]))
    .all();
}

// ----------------------------------------------------------------------------- stage 6: evaluate

export function hasEvalResults(db: Queryable, iterationId: number, datasetId: number): boolean {
  return Boolean(
    db
      .select({ id: evalResults.id })
      .from(evalResults)
      .where(and(eq(evalResults.iterationId, iterationId), eq(evalResults.datasetId, datasetId)))
      .get(),
  );
}

/** Score an eval set for an iteration once all its judgments exist (SQL aggregates, written once). */
export function writeEvalResults(db: Db, iterationId: number, datasetId: number): void {
  db.transaction((tx) => {
    const subsets = evalSubsetScores(tx, { iterationId, datasetId });
    const extra = tx.all<{ subset: string; ties: number; unparsed: number }>(sql`
      select coalesce(di.subset, '') as subset, sum(ej.outcome = 'tie') as ties, sum(ej.outcome = 'unparsed') as unparsed
      from eval_judgments ej join dataset_items di on di.id = ej.dataset_item_id
      where ej.iteration_id = ${iterationId} and di.dataset_id = ${datasetId} group by di.subset`);
    tx.delete(evalResults)
      .where(and(eq(evalResults.iterationId, iterationId), eq(evalResults.datasetId, datasetId)))
      .run();
    for (const s of subsets) {
      const counts = extra.find((e) => e.subset === s.subset);
      tx.insert(evalResults)
        .values({
          iterationId,
          datasetId,
          subset: s.subset,
          itemCount: s.items,
          scoreSum: s.scoreSum,
          accuracy: s.scoreSum / s.items,
          ties: counts?.ties ?? 0,
          unparsed: counts?.unparsed ?? 0,
        })
        .run();
    }
    // The set's metrics, final now that every judgment is in: stored so pages do not recompute them.
    const previous = tx.get<{ id: number }>(sql`
      select p.id as id from iterations p join iterations c on c.run_id = p.run_id and p."index" = c."index" - 1 where c.id = ${iterationId}`);
    const summary = evalSummarySql(tx, { iterationId, datasetId });
    const kappa = previous
      ? kappaBetweenIterationsSql(tx, { iterationId: previous.id, datasetId }, { iterationId, datasetId }).kappa
      : null;
    tx.insert(evalSummaries)
      .values({ iterationId, datasetId, summary: summary as unknown as Record<string, unknown>, kappaWithPrevious: kappa })
      .onConflictDoUpdate({
        target: [evalSummaries.iterationId, evalSummaries.datasetId],
        set: { summary: summary as unknown as Record<string, unknown>, kappaWithPrevious: kappa },
      })
      .run();
  });
}

// ----------------------------------------------------------------------------- budget

/** Tokens a run has used so far, over every stage. */
export function runTokenTotal(db: Queryable, runId: number): number {
  const row = db.get<{ total: number | null }>(sql`
    select
      (select coalesce(sum(prompt_tokens + completion_tokens), 0) from instruction_classifications where run_id = ${runId}) +
      (select coalesce(sum(prompt_tokens + completion_tokens), 0) from pairs where run_id = ${runId}) +
      (select coalesce(sum(t.prompt_tokens + t.completion_tokens), 0) from judgment_tallies t join iterations i on i.id = t.iteration_id where i.run_id = ${runId}) +
      (select coalesce(sum(e.prompt_tokens + e.completion_tokens), 0) from eval_judgments e join iterations i on i.id = e.iteration_id where i.run_id = ${runId}) as total`);
  return row?.total ?? 0;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
