/**
 * Paged reads for exports: an iteration's training judgments and its eval judgments, in id order
 * (keyset pagination), with the texts that identify each row. Exports stream page by page.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../client";

export type ExportedJudgment = {
  id: number;
  iteration: number;
  pair_id: number;
  instruction_item_id: number;
  instruction_source_id: string;
  good_position: string;
  sample: number;
  verdict: string | null;
  outcome: string;
  filter_status: string | null;
  finish_reason: string | null;
  truncated: number;
  prompt_tokens: number;
  completion_tokens: number;
  latency_ms: number;
  trace: string;
};

const onlyIds = (column: SQL, ids: readonly number[] | undefined) =>
  ids && ids.length > 0
    ? sql`and ${column} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;

/** An iteration's training judgments, optionally only those of some pairs. */
export function exportJudgmentsPage(
  db: Queryable,
  iterationId: number,
  afterId: number,
  limit: number,
  pairIds?: readonly number[],
): ExportedJudgment[] {
  return db.all<ExportedJudgment>(sql`
    select j.id, i."index" as iteration, j.pair_id, p.dataset_item_id as instruction_item_id, di.source_id as instruction_source_id,
      j.good_position, j.sample, j.verdict, j.outcome, j.filter_status, j.finish_reason, j.truncated, j.prompt_tokens, j.completion_tokens, j.latency_ms, j.trace
    from judgments j join iterations i on i.id = j.iteration_id join pairs p on p.id = j.pair_id join dataset_items di on di.id = p.dataset_item_id
    where j.iteration_id = ${iterationId} and j.id > ${afterId} ${onlyIds(sql`j.pair_id`, pairIds)} order by j.id limit ${limit}`);
}

export type ExportedEvalJudgment = {
  id: number;
  iteration: number;
  dataset: string;
  item_id: number;
  source_id: string;
  subset: string | null;
  chosen_position: string;
  sample: number;
  verdict: string | null;
  outcome: string;
  item_score: number;
  finish_reason: string | null;
  truncated: number;
  prompt_tokens: number;
  completion_tokens: number;
  trace: string;
};

/** An iteration's eval judgments with each item's score, optionally only those of some items. */
export function exportEvalJudgmentsPage(
  db: Queryable,
  iterationId: number,
  afterId: number,
  limit: number,
  itemIds?: readonly number[],
): ExportedEvalJudgment[] {
  return db.all<ExportedEvalJudgment>(sql`
    with per_order as (
      select dataset_item_id as item_id, good_position, sum(outcome = 'correct') as c, sum(outcome = 'wrong') as w
      from eval_judgments where iteration_id = ${iterationId} group by dataset_item_id, good_position
    ), per_item as (
      select item_id, avg(case when c > w then 1.0 when w > c then 0.0 else 0.5 end) as score from per_order group by item_id
    )
    select e.id, i."index" as iteration, d.name as dataset, e.dataset_item_id as item_id, di.source_id, di.subset, e.good_position as chosen_position,
      e.sample, e.verdict, e.outcome, pi.score as item_score, e.finish_reason, e.truncated, e.prompt_tokens, e.completion_tokens, e.trace
    from eval_judgments e join iterations i on i.id = e.iteration_id join dataset_items di on di.id = e.dataset_item_id
    join datasets d on d.id = di.dataset_id join per_item pi on pi.item_id = e.dataset_item_id
    where e.iteration_id = ${iterationId} and e.id > ${afterId} ${onlyIds(sql`e.dataset_item_id`, itemIds)} order by e.id limit ${limit}`);
}
