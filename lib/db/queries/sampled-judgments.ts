/**
 * The three tables of sampled judgments through one code path: `judgments` (training: a pair's
 * samples, with the filter's status and the aggregates the trace views read), `eval_judgments`
 * (an eval item's samples) and `judge_judgments` (a judge job's samples of one comparison). A
 * row's scope is its iteration (training, eval) or its job; its subject is its pair, its dataset
 * item or its comparison. Inserts skip rows whose natural key exists; existing keys and export
 * pages are read by kind.
 */
import "../server-only";
import { sql, type SQL } from "drizzle-orm";
import type { JudgedSample } from "@/lib/pipeline/judging";
import { choiceOf, type Position } from "@/lib/pipeline/vocabulary";
import type { Db, Queryable } from "../client";
import { prepared } from "../prepared";
import { addToJudgmentAggregates } from "./judgment-aggregates";

export type JudgmentKind = "training" | "eval" | "job";

export type SampledJudgmentRow = JudgedSample & {
  /** The iteration (training, eval) or the judge job (job). */
  iterationId: number;
  /** The pair (training), the dataset item (eval) or the comparison (job) the sample judged. */
  subjectId: number;
  /** Where the known-better response (training, eval) or the comparison's first response (job) was shown. */
  goodPosition: Position;
  filterStatus?: string | null;
  createdAt?: number;
};

const TABLES = {
  training: {
    table: "judgments",
    scope: "iteration_id",
    subject: "pair_id",
    position: "good_position",
    outcome: "outcome",
    extra: ", filter_status",
  },
  eval: {
    table: "eval_judgments",
    scope: "iteration_id",
    subject: "dataset_item_id",
    position: "good_position",
    outcome: "outcome",
    extra: "",
  },
  // A job's samples compare two responses of unknown quality: the outcome is stored as the choice it makes.
  job: { table: "judge_judgments", scope: "job_id", subject: "comparison_id", position: "first_position", outcome: "choice", extra: "" },
} as const;

const insertSql = (kind: JudgmentKind) => {
  const { table, scope, subject, position, outcome, extra } = TABLES[kind];
  const columns = `${scope}, ${subject}, ${position}, sample, verdict, ${outcome}, trace, finish_reason, truncated, prompt_tokens, completion_tokens, latency_ms${extra}, created_at`;
  const marks = columns
    .split(",")
    .map(() => "?")
    .join(", ");
  return `insert into ${table} (${columns}) values (${marks}) on conflict do nothing`;
};

/** One transaction, one prepared statement; rows whose key exists are skipped; training rows also update the aggregates. */
export function insertSampledJudgments(db: Db, kind: JudgmentKind, rows: readonly SampledJudgmentRow[]): void {
  if (rows.length === 0) return;
  const insert = prepared(db, insertSql(kind));
  const now = Date.now();
  db.$client.transaction(() => {
    const inserted: SampledJudgmentRow[] = [];
    for (const r of rows) {
      const values = [
        r.iterationId,
        r.subjectId,
        r.goodPosition,
        r.sample,
        r.verdict,
        kind === "job" ? choiceOf(r.outcome) : r.outcome,
        r.trace,
        r.finishReason,
        r.truncated ? 1 : 0,
        r.promptTokens,
        r.completionTokens,
        r.latencyMs,
        ...(kind === "training" ? [r.filterStatus ?? null] : []),
        r.createdAt ?? now,
      ];
      if (insert.run(...values).changes > 0) inserted.push(r);
    }
    if (kind === "training") addToJudgmentAggregates(db, inserted);
  })();
}

/** The (subject, order, sample) keys that exist for some subjects of an iteration (or job), as "subject:order:sample". */
export function existingSampleKeys(db: Queryable, kind: JudgmentKind, iterationId: number, subjectIds: readonly number[]): Set<string> {
  if (subjectIds.length === 0) return new Set();
  const { table, scope, subject, position } = TABLES[kind];
  const rows = db.all<{ subject: number; position: string; sample: number }>(sql`
    select ${sql.raw(subject)} as subject, ${sql.raw(position)} as position, sample from ${sql.raw(table)}
    where ${sql.raw(scope)} = ${iterationId} and ${sql.raw(subject)} in (${sql.join(
      subjectIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return new Set(rows.map((r) => `${r.subject}:${r.position}:${r.sample}`));
}

/** The columns every exported sampled judgment has (the rest name its subject and outcome). */
type ExportedSample = {
  id: number;
  sample: number;
  verdict: string | null;
  finish_reason: string | null;
  truncated: number;
  prompt_tokens: number;
  completion_tokens: number;
  trace: string;
};

export type ExportedJudgment = ExportedSample & {
  iteration: number;
  pair_id: number;
  instruction_item_id: number;
  instruction_source_id: string;
  good_position: string;
  outcome: string;
  filter_status: string | null;
  latency_ms: number;
};

export type ExportedEvalJudgment = ExportedSample & {
  iteration: number;
  dataset: string;
  item_id: number;
  source_id: string;
  subset: string | null;
  chosen_position: string;
  outcome: string;
  item_score: number;
};

export type ExportedJobJudgment = ExportedSample & {
  job: number;
  item_id: number;
  source_id: string;
  category: string | null;
  round: number;
  first: number;
  second: number;
  first_position: string;
  choice: string;
  latency_ms: number;
};

type ExportRow<K extends JudgmentKind> = K extends "training"
  ? ExportedJudgment
  : K extends "eval"
    ? ExportedEvalJudgment
    : ExportedJobJudgment;

/** The columns and joins of each kind's export; the paging and the subject filter are shared. */
const EXPORT_QUERIES: Record<JudgmentKind, (iterationId: number) => { head: SQL; from: SQL }> = {
  training: () => ({
    head: sql``,
    from: sql`select j.id, i."index" as iteration, j.pair_id, p.dataset_item_id as instruction_item_id, di.source_id as instruction_source_id,
      j.good_position, j.sample, j.verdict, j.outcome, j.filter_status, j.finish_reason, j.truncated, j.prompt_tokens, j.completion_tokens, j.latency_ms, j.trace
    from judgments j join iterations i on i.id = j.iteration_id join pairs p on p.id = j.pair_id join dataset_items di on di.id = p.dataset_item_id`,
  }),
  // Each eval row carries its item's RewardBench score: per order the majority of parsed votes, averaged over orders.
  eval: (iterationId) => ({
    head: sql`with per_order as (
      select dataset_item_id as item_id, good_position, sum(outcome = 'correct') as c, sum(outcome = 'wrong') as w
      from eval_judgments where iteration_id = ${iterationId} group by dataset_item_id, good_position
    ), per_item as (
      select item_id, avg(case when c > w then 1.0 when w > c then 0.0 else 0.5 end) as score from per_order group by item_id
    )`,
    from: sql`select j.id, i."index" as iteration, d.name as dataset, j.dataset_item_id as item_id, di.source_id, di.subset, j.good_position as chosen_position,
      j.sample, j.verdict, j.outcome, pi.score as item_score, j.finish_reason, j.truncated, j.prompt_tokens, j.completion_tokens, j.trace
    from eval_judgments j join iterations i on i.id = j.iteration_id join dataset_items di on di.id = j.dataset_item_id
    join datasets d on d.id = di.dataset_id join per_item pi on pi.item_id = j.dataset_item_id`,
  }),
  job: () => ({
    head: sql``,
    from: sql`select j.id, j.job_id as job, c.item_id, di.source_id, di.category, c.round, c.first, c.second, j.first_position, j.sample,
      j.verdict, j.choice, j.finish_reason, j.truncated, j.prompt_tokens, j.completion_tokens, j.latency_ms, j.trace
    from judge_judgments j join judge_comparisons c on c.id = j.comparison_id join dataset_items di on di.id = c.item_id`,
  }),
};

/** One page of an iteration's (or job's) judgments of a kind, in id order after `afterId`, optionally only some subjects. */
export function exportSampledJudgmentsPage<K extends JudgmentKind>(
  db: Queryable,
  kind: K,
  iterationId: number,
  afterId: number,
  limit: number,
  subjectIds?: readonly number[],
): ExportRow<K>[] {
  const { head, from } = EXPORT_QUERIES[kind](iterationId);
  const subject = sql.raw(`j.${TABLES[kind].subject}`);
  const only =
    subjectIds && subjectIds.length > 0
      ? sql`and ${subject} in (${sql.join(
          subjectIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``;
  return db.all<ExportRow<K>>(
    sql`${head} ${from} where j.${sql.raw(TABLES[kind].scope)} = ${iterationId} and j.id > ${afterId} ${only} order by j.id limit ${limit}`,
  );
}
