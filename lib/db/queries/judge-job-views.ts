/**
 * SQL behind the judge job pages, the CLI and the API: a job's results counted in SQL (verdicts,
 * agreement with labels, consistency, per category), a page of its items with their verdicts,
 * one item with every comparison and judgment, two jobs on the same data compared item by item,
 * and export pages. Nothing here loads a job's judgments into memory.
 */
import "../server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Choice, Position } from "@/lib/pipeline/vocabulary";
import type { Queryable } from "../client";

export type VerdictCount = { verdict: string; label: string | null; n: number };

export type JobResultsSummary = {
  items: number;
  /** Items per (verdict, label): the contingency table agreement is computed from. */
  cells: VerdictCount[];
  consistent: number;
  consistencyMeasured: number;
  meanVoteShare: number | null;
  coinFlips: number;
  judgments: number;
  promptTokens: number;
  completionTokens: number;
  categories: { category: string; items: number; a: number; b: number; tie: number; unparsed: number; labelled: number; agree: number }[];
};

export function jobResultsSummary(db: Queryable, jobId: number): JobResultsSummary {
  const totals = db.get<{ items: number; consistent: number; measured: number; share: number | null }>(sql`
    select count(*) as items, coalesce(sum(consistent = 1), 0) as consistent, count(consistent) as measured, avg(vote_share) as share
    from judge_item_results where job_id = ${jobId}`)!;
  const cells = db.all<VerdictCount>(sql`
    select verdict, label, count(*) as n from judge_item_results where job_id = ${jobId} group by verdict, label order by verdict, label`);
  const judgments = db.get<{ n: number; p: number; c: number }>(sql`
    select count(*) as n, coalesce(sum(prompt_tokens), 0) as p, coalesce(sum(completion_tokens), 0) as c from judge_judgments where job_id = ${jobId}`)!;
  const coins = db.get<{ n: number }>(sql`select count(*) as n from judge_comparisons where job_id = ${jobId} and decided_by = 'coin'`)!;
  const categories = db.all<JobResultsSummary["categories"][number]>(sql`
    select category, count(*) as items, sum(verdict = 'A') as a, sum(verdict = 'B') as b, sum(verdict = 'tie') as tie,
      sum(verdict = 'unparsed') as unparsed, count(agrees) as labelled, coalesce(sum(agrees = 1), 0) as agree
    from judge_item_results where job_id = ${jobId} and category is not null group by category order by category`);
  return {
    items: totals.items,
    cells,
    consistent: totals.consistent,
    consistencyMeasured: totals.measured,
    meanVoteShare: totals.share,
    coinFlips: coins.n,
    judgments: judgments.n,
    promptTokens: judgments.p,
    completionTokens: judgments.c,
    categories,
  };
}

export type JobItemFilters = {
  verdict?: string;
  category?: string;
  /** agree / disagree with the label. */
  agreement?: "agree" | "disagree";
  /** Items whose orders disagreed. */
  inconsistent?: boolean;
  query?: string;
};

export type JobItemRow = {
  itemId: number;
  sourceId: string;
  category: string | null;
  text: string;
  verdict: string;
  best: number | null;
  voteShare: number | null;
  consistent: number | null;
  label: string | null;
  agrees: number | null;
};

const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function itemsWhere(jobId: number, filters: JobItemFilters): SQL {
  const where: SQL[] = [sql`r.job_id = ${jobId}`];
  if (filters.verdict) where.push(sql`r.verdict = ${filters.verdict}`);
  if (filters.category) where.push(sql`r.category = ${filters.category}`);
  if (filters.agreement === "agree") where.push(sql`r.agrees = 1`);
  if (filters.agreement === "disagree") where.push(sql`r.agrees = 0`);
  if (filters.inconsistent) where.push(sql`r.consistent = 0`);
  if (filters.query) where.push(sql`di.prompt like ${likePattern(filters.query)} escape '\\'`);
  return sql.join(where, sql` and `);
}

export function listJobItems(db: Queryable, jobId: number, filters: JobItemFilters, page: { limit: number; offset: number }): JobItemRow[] {
  return db.all<JobItemRow>(sql`
    select r.item_id as itemId, di.source_id as sourceId, r.category, substr(di.prompt, 1, 300) as text, r.verdict, r.best,
      r.vote_share as voteShare, r.consistent, r.label, r.agrees
    from judge_item_results r join dataset_items di on di.id = r.item_id
    where ${itemsWhere(jobId, filters)} order by di.position limit ${page.limit} offset ${page.offset}`);
}

export function countJobItems(db: Queryable, jobId: number, filters: JobItemFilters): number {
  return (
    db.get<{ n: number }>(sql`
    select count(*) as n from judge_item_results r join dataset_items di on di.id = r.item_id where ${itemsWhere(jobId, filters)}`)?.n ?? 0
  );
}

export type JobJudgmentDetail = {
  id: number;
  firstPosition: Position;
  sample: number;
  verdict: Position | null;
  choice: Choice;
  trace: string;
  finishReason: string | null;
  truncated: boolean;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
};

export type JobComparisonDetail = {
  id: number;
  round: number;
  slot: number;
  first: number;
  second: number;
  winner: number | null;
  decidedBy: string | null;
  judgments: JobJudgmentDetail[];
};

export type JobItemDetail = {
  itemId: number;
  sourceId: string;
  category: string | null;
  prompt: string;
  responses: string[];
  label: string | null;
  result: {
    verdict: string;
    best: number | null;
    ranking: number[] | null;
    voteShare: number | null;
    consistent: number | null;
    agrees: number | null;
  } | null;
  comparisons: JobComparisonDetail[];
};

/** One item of a job with every comparison and sampled judgment (its own page of traces). */
export function getJobItemDetail(db: Queryable, jobId: number, itemId: number): JobItemDetail | undefined {
  const item = db.get<{
    id: number;
    sourceId: string;
    category: string | null;
    prompt: string;
    responses: string | null;
    chosen: string | null;
    rejected: string | null;
    label: string | null;
  }>(sql`
    select di.id, di.source_id as sourceId, di.category, di.prompt, di.responses, di.chosen, di.rejected, di.label
    from dataset_items di join judge_jobs j on j.dataset_id = di.dataset_id where j.id = ${jobId} and di.id = ${itemId}`);
  if (!item) return undefined;
  const result = db.get<{
    verdict: string;
    best: number | null;
    ranking: string | null;
    voteShare: number | null;
    consistent: number | null;
    agrees: number | null;
  }>(sql`
    select verdict, best, ranking, vote_share as voteShare, consistent, agrees from judge_item_results where job_id = ${jobId} and item_id = ${itemId}`);
  const comparisons = db.all<Omit<JobComparisonDetail, "judgments">>(sql`
    select id, round, slot, first, second, winner, decided_by as decidedBy from judge_comparisons
    where job_id = ${jobId} and item_id = ${itemId} order by round, slot`);
  const judgments = db.all<Omit<JobJudgmentDetail, "truncated"> & { comparisonId: number; truncated: number }>(sql`
    select j.id, j.comparison_id as comparisonId, j.first_position as firstPosition, j.sample, j.verdict, j.choice, j.trace,
      j.finish_reason as finishReason, j.truncated, j.prompt_tokens as promptTokens, j.completion_tokens as completionTokens, j.latency_ms as latencyMs
    from judge_judgments j join judge_comparisons c on c.id = j.comparison_id
    where c.job_id = ${jobId} and c.item_id = ${itemId} order by c.round, c.slot, j.first_position, j.sample`);
  const isPair = item.responses === null;
  return {
    itemId: item.id,
    sourceId: item.sourceId,
    category: item.category,
    prompt: item.prompt,
    responses: isPair ? [item.chosen ?? "", item.rejected ?? ""] : (JSON.parse(item.responses!) as string[]),
    label: isPair ? "0" : item.label,
    result: result ? { ...result, ranking: result.ranking ? (JSON.parse(result.ranking) as number[]) : null } : null,
    comparisons: comparisons.map((c) => ({
      ...c,
      judgments: judgments
        .filter((j) => j.comparisonId === c.id)
        .map(({ comparisonId: _, ...j }) => ({ ...j, truncated: Boolean(j.truncated) })),
    })),
  };
}

/** Item verdict pairs of two jobs on the same data (the items both finished), counted per (verdict, verdict). */
export function jobVerdictPairs(db: Queryable, jobA: number, jobB: number): { a: string; b: string; n: number }[] {
  return db.all(sql`
    select ra.verdict as a, rb.verdict as b, count(*) as n from judge_item_results ra
    join judge_item_results rb on rb.item_id = ra.item_id and rb.job_id = ${jobB}
    where ra.job_id = ${jobA} group by ra.verdict, rb.verdict order by ra.verdict, rb.verdict`);
}

export type JobDifference = { itemId: number; sourceId: string; text: string; a: string; b: string; label: string | null };

/** Items where two jobs' verdicts differ, a page at a time in file order. */
export function listJobDifferences(db: Queryable, jobA: number, jobB: number, page: { limit: number; offset: number }): JobDifference[] {
  return db.all(sql`
    select ra.item_id as itemId, di.source_id as sourceId, substr(di.prompt, 1, 300) as text, ra.verdict as a, rb.verdict as b, ra.label as label
    from judge_item_results ra join judge_item_results rb on rb.item_id = ra.item_id and rb.job_id = ${jobB}
    join dataset_items di on di.id = ra.item_id
    where ra.job_id = ${jobA} and ra.verdict <> rb.verdict order by di.position limit ${page.limit} offset ${page.offset}`);
}

/** Other jobs on the same data, to compare with (newest first). */
export function jobsOnSameData(db: Queryable, jobId: number): { id: number; name: string; judgeLabel: string; status: string }[] {
  return db.all(sql`
    select o.id, o.name, json_extract(o.judge, '$.label') as judgeLabel, o.status from judge_jobs o join judge_jobs j on j.dataset_id = o.dataset_id
    where j.id = ${jobId} and o.id <> ${jobId} order by o.id desc limit 50`);
}

export type ExportedJobItem = {
  item_id: number;
  source_id: string;
  category: string | null;
  prompt: string;
  responses: string;
  label: string | null;
  verdict: string;
  best: number | null;
  ranking: string | null;
  vote_share: number | null;
  consistent: number | null;
  agrees: number | null;
  votes_first: number;
  votes_second: number;
  votes_tie: number;
  votes_unparsed: number;
};

/** One page of a job's item results (with the texts), in item id order after `afterItemId`. */
export function exportJobItemsPage(db: Queryable, jobId: number, afterItemId: number, limit: number): ExportedJobItem[] {
  return db.all(sql`
    select r.item_id, di.source_id, r.category, di.prompt,
      coalesce(di.responses, json_array(di.chosen, di.rejected)) as responses, r.label, r.verdict, r.best, r.ranking, r.vote_share,
      r.consistent, r.agrees, r.votes_first, r.votes_second, r.votes_tie, r.votes_unparsed
    from judge_item_results r join dataset_items di on di.id = r.item_id
    where r.job_id = ${jobId} and r.item_id > ${afterItemId} order by r.item_id limit ${limit}`);
}
