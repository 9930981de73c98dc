/**
 * SQL for where annotation sets come from and what the judges said about their items: a run's
 * usable training pairs (ids and categories to sample from, then the chosen pairs' texts and their
 * kept/dropped status), the vote counts per item and order of every iteration on training pairs
 * and on eval items (lib/annotation/judge-verdicts.ts turns them into verdicts by the run pages'
 * rule), the items a pairwise judge job judged with their verdicts, and the choices the New
 * annotation set form offers.
 */
import "../server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { idList } from "./id-list";
import type { AnnotationSetRow } from "../schema";

/** A run's usable training pairs (both responses present), with their category: ids only, to sample from. */
export function trainingPairCandidates(db: Queryable, runId: number): { pairId: number; category: string | null }[] {
  return db.all(sql`
    select p.id as pairId, coalesce(ri.category, di.category) as category
    from pairs p
    join dataset_items di on di.id = p.dataset_item_id
    left join run_instructions ri on ri.run_id = p.run_id and ri.dataset_item_id = p.dataset_item_id
    where p.run_id = ${runId} and p.status = 'ok' and p.worse_response is not null
    order by p.id`);
}

/**
 * The chosen pairs' texts and their status at an iteration: "kept" when the filter kept one of its
 * judgments, "dropped" when the filter decided and kept none, null when that iteration has not
 * judged or filtered the pair yet.
 */
export function trainingPairTexts(
  db: Queryable,
  iterationId: number | null,
  pairIds: readonly number[],
): { pairId: number; datasetItemId: number; prompt: string; good: string; worse: string; filterStatus: "kept" | "dropped" | null }[] {
  if (pairIds.length === 0) return [];
  return db.all(sql`
    select p.id as pairId, p.dataset_item_id as datasetItemId, di.prompt as prompt, p.good_response as good,
      p.worse_response as worse,
      (select case when sum(g.kept) > 0 then 'kept'
                   when sum(g.filtered_wrong + g.surplus + g.below_majority + g.balanced_out + g.no_rejected) > 0 then 'dropped' end
         from judgment_groups g where g.iteration_id = ${iterationId} and g.pair_id = p.id) as filterStatus
    from pairs p join dataset_items di on di.id = p.dataset_item_id
    where p.id in (${idList(pairIds)})`);
}

/** The id of a run's iteration `index`, or null when the run has no such iteration. */
export function iterationIdOf(db: Queryable, runId: number, index: number): number | null {
  return db.get<{ id: number }>(sql`select id from iterations where run_id = ${runId} and "index" = ${index}`)?.id ?? null;
}

/** One iteration's votes on one item in one order: samples for the known-better response, the other, tie, unparsed. */
export type OrderVotes = { iteration: number; key: number; correct: number; wrong: number; tie: number; unparsed: number };

/** Every iteration's votes per eval item and order on one of the run's eval sets (key: the dataset item id). */
export function evalOrderVotes(db: Queryable, runId: number, datasetId: number, itemIds?: readonly number[]): OrderVotes[] {
  if (itemIds && itemIds.length === 0) return [];
  return db.all(sql`
    select it."index" as iteration, ej.dataset_item_id as "key",
      sum(ej.outcome = 'correct') as correct, sum(ej.outcome = 'wrong') as wrong,
      sum(ej.outcome = 'tie') as tie, sum(ej.outcome = 'unparsed') as unparsed
    from eval_judgments ej
    join iterations it on it.id = ej.iteration_id
    join dataset_items di on di.id = ej.dataset_item_id
    where it.run_id = ${runId} and di.dataset_id = ${datasetId}
      ${itemIds ? sql`and ej.dataset_item_id in (${idList(itemIds)})` : sql``}
    group by ej.iteration_id, ej.dataset_item_id, ej.good_position
    order by it."index", ej.dataset_item_id`);
}

/** Every iteration's votes per training pair and order (key: the pair id), for some pairs of a run. */
export function trainingOrderVotes(db: Queryable, runId: number, pairIds: readonly number[]): OrderVotes[] {
  if (pairIds.length === 0) return [];
  return db.all(sql`
    select it."index" as iteration, g.pair_id as "key", g.correct, g.wrong, g.tie, g.unparsed
    from judgment_groups g join iterations it on it.id = g.iteration_id
    where it.run_id = ${runId} and g.pair_id in (${idList(pairIds)})
    order by it."index", g.pair_id`);
}

/** The items a pairwise judge job judged (ids and categories, to sample from). */
export function judgedJobItems(db: Queryable, jobId: number): { datasetItemId: number; category: string | null }[] {
  return db.all(sql`select item_id as datasetItemId, category from judge_item_results where job_id = ${jobId} order by item_id`);
}

/** Eval items' texts (prompt, chosen, rejected) and their subset (else category). */
export function evalItemTexts(
  db: Queryable,
  ids: readonly number[],
): { id: number; prompt: string; chosen: string | null; rejected: string | null; category: string | null }[] {
  if (ids.length === 0) return [];
  return db.all(
    sql`select id, prompt, chosen, rejected, coalesce(subset, category) as category from dataset_items where id in (${idList(ids)})`,
  );
}

/** Each pairwise judge job's verdict on the items of a set made from data they judged (key: the dataset item id). */
export function jobVerdicts(
  db: Queryable,
  set: Pick<AnnotationSetRow, "id" | "datasetId">,
  onlyItemId?: number,
): { jobId: number; jobName: string; key: number; verdict: string }[] {
  if (set.datasetId === null) return [];
  return db.all(sql`
    select j.id as jobId, j.name as jobName, r.item_id as "key", r.verdict
    from annotation_items i
    join judge_item_results r on r.item_id = i.dataset_item_id
    join judge_jobs j on j.id = r.job_id
    where i.set_id = ${set.id} and j.dataset_id = ${set.datasetId} and j.max_responses = 2
      ${onlyItemId === undefined ? sql`` : sql`and i.id = ${onlyItemId}`}
    order by j.id, r.item_id`);
}

export type SetSourceChoices = {
  runs: { id: number; name: string; status: string; pairs: number; iterations: number; evalSets: { id: number; name: string }[] }[];
  jobs: { id: number; name: string; datasetName: string; judged: number; labelled: number; status: string }[];
};

/** What a new set can be made from: runs (and their eval sets), pairwise judge jobs (newest first, at most 200 each). */
export function setSourceChoices(db: Queryable): SetSourceChoices {
  const runs = db.all<{ id: number; name: string; status: string; pairs: number; iterations: number }>(sql`
    select r.id, r.name, r.status,
      (select count(*) from pairs p where p.run_id = r.id and p.status = 'ok') as pairs,
      (select count(*) from iterations it where it.run_id = r.id) as iterations
    from runs r order by r.id desc limit 200`);
  const evalSets = db.all<{ runId: number; id: number; name: string }>(sql`
    select rd.run_id as runId, d.id, d.name from run_datasets rd join datasets d on d.id = rd.dataset_id
    where rd.role = 'eval' order by d.name`);
  const jobs = db.all<SetSourceChoices["jobs"][number]>(sql`
    select j.id, j.name, d.name as datasetName, j.status,
      (select count(*) from judge_item_results r where r.job_id = j.id) as judged,
      (select count(*) from judge_item_results r where r.job_id = j.id and r.label is not null) as labelled
    from judge_jobs j join datasets d on d.id = j.dataset_id
    where j.max_responses = 2 order by j.id desc limit 200`);
  return {
    runs: runs.map((run) => ({ ...run, evalSets: evalSets.filter((e) => e.runId === run.id).map(({ id, name }) => ({ id, name })) })),
    jobs,
  };
}
