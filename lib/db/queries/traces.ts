/**
 * SQL behind the trace viewer: judgments grouped by (pair, order) or (eval item, order) with how
 * their samples voted, filtered and paginated in SQL; one pair's or eval item's every judgment
 * across iterations; and the items whose verdict flipped between two iterations. Pages read one
 * page at a time; nothing here loads a run's judgments into memory.
 */
import "../server-only";
import { sql, type SQL } from "drizzle-orm";
import type { JudgedSample } from "@/lib/pipeline/judging";
import type { Outcome, Position } from "@/lib/pipeline/vocabulary";
import type { Queryable } from "../client";
import { idList } from "./id-list";
import type { JudgmentKind } from "./sampled-judgments";

export type GroupFilters = {
  /** Groups with at least one sample of this outcome. */
  outcome?: Outcome;
  /** The majority of the group's samples: correct, wrong, or none (a draw / nothing parsed). */
  majority?: "correct" | "wrong" | "none";
  /** Filter status: kept, or why not (wrong, surplus, below_majority, balanced_out), or "not_kept". */
  filter?: "kept" | "not_kept" | "wrong" | "surplus" | "below_majority" | "balanced_out" | "no_rejected";
  category?: string;
  order?: Position;
  query?: string;
  subset?: string;
};

export type GroupSort = "pair" | "correct-asc" | "correct-desc";

export type JudgmentGroup = {
  id: number;
  itemId: number;
  goodPosition: Position;
  samples: number;
  correct: number;
  wrong: number;
  tie: number;
  unparsed: number;
  kept: number;
  statuses: string;
  votes: string;
  text: string;
  label: string | null;
};

const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function havingClause(filters: GroupFilters): SQL {
  const parts: SQL[] = [];
  if (filters.outcome) parts.push(sql`sum(j.outcome = ${filters.outcome}) > 0`);
  if (filters.majority === "correct") parts.push(sql`sum(j.outcome = 'correct') > sum(j.outcome = 'wrong')`);
  if (filters.majority === "wrong") parts.push(sql`sum(j.outcome = 'wrong') > sum(j.outcome = 'correct')`);
  if (filters.majority === "none") parts.push(sql`sum(j.outcome = 'wrong') = sum(j.outcome = 'correct')`);
  return parts.length > 0 ? sql`having ${sql.join(parts, sql` and `)}` : sql``;
}

function orderClause(sort: GroupSort, key: SQL): SQL {
  if (sort === "correct-asc") return sql`order by sum(j.outcome = 'correct') * 1.0 / count(*) asc, ${key}, j.good_position`;
  if (sort === "correct-desc") return sql`order by sum(j.outcome = 'correct') * 1.0 / count(*) desc, ${key}, j.good_position`;
  return sql`order by ${key}, j.good_position`;
}

const GROUP_COLUMNS = sql`count(*) as samples,
      sum(j.outcome = 'correct') as correct, sum(j.outcome = 'wrong') as wrong, sum(j.outcome = 'tie') as tie, sum(j.outcome = 'unparsed') as unparsed`;

const STATUS_COLUMNS = {
  wrong: sql`g.filtered_wrong`,
  surplus: sql`g.surplus`,
  below_majority: sql`g.below_majority`,
  balanced_out: sql`g.balanced_out`,
  no_rejected: sql`g.no_rejected`,
} as const;

/**
 * Training judgments of one iteration, as (pair, order) groups: the rows of `judgment_groups`
 * (kept by triggers), filtered in SQL. Reads no judgment and no trace.
 */
function pairGroupsWhere(iterationId: number, filters: GroupFilters): SQL {
  const where: SQL[] = [sql`g.iteration_id = ${iterationId}`];
  if (filters.order) where.push(sql`g.good_position = ${filters.order}`);
  if (filters.category || filters.query) {
    const inner: SQL[] = [sql`1 = 1`];
    if (filters.category) inner.push(sql`ri.category = ${filters.category}`);
    if (filters.query)
      inner.push(
        sql`(di.prompt like ${likePattern(filters.query)} escape '\\' or p.good_response like ${likePattern(filters.query)} escape '\\' or p.worse_response like ${likePattern(filters.query)} escape '\\')`,
      );
    where.push(sql`g.pair_id in (
      select p.id from pairs p join dataset_items di on di.id = p.dataset_item_id
      left join run_instructions ri on ri.run_id = p.run_id and ri.dataset_item_id = p.dataset_item_id
      where p.run_id = (select run_id from iterations where id = ${iterationId}) and ${sql.join(inner, sql` and `)})`);
  }
  if (filters.filter === "kept")
    where.push(
      sql`exists (select 1 from training_examples te where te.iteration_id = g.iteration_id and te.pair_id = g.pair_id and te.good_position = g.good_position)`,
    );
  if (filters.filter === "not_kept")
    where.push(
      sql`not exists (select 1 from training_examples te where te.iteration_id = g.iteration_id and te.pair_id = g.pair_id and te.good_position = g.good_position)`,
    );
  if (filters.filter && filters.filter !== "kept" && filters.filter !== "not_kept") where.push(sql`${STATUS_COLUMNS[filters.filter]} > 0`);
  if (filters.outcome) where.push(sql`${sql.identifier(filters.outcome)} > 0`);
  if (filters.majority === "correct") where.push(sql`g.correct > g.wrong`);
  if (filters.majority === "wrong") where.push(sql`g.wrong > g.correct`);
  if (filters.majority === "none") where.push(sql`g.wrong = g.correct`);
  return sql.join(where, sql` and `);
}

function pairGroupsOrder(sort: GroupSort): SQL {
  // The share expression is the one of judgment_groups_share_idx, so a sorted page reads the index in order.
  if (sort === "correct-asc") return sql`order by g.correct * 1.0 / g.samples asc, g.pair_id, g.good_position`;
  if (sort === "correct-desc") return sql`order by g.correct * 1.0 / g.samples desc, g.pair_id, g.good_position`;
  return sql`order by g.pair_id, g.good_position`;
}

export function listPairGroups(
  db: Queryable,
  iterationId: number,
  filters: GroupFilters,
  sort: GroupSort,
  page: { limit: number; offset: number },
): JudgmentGroup[] {
  const rows = db.all<Omit<JudgmentGroup, "itemId" | "text" | "label" | "statuses" | "votes">>(sql`
    select g.pair_id as id, g.good_position as goodPosition, g.samples as samples, g.correct as correct, g.wrong as wrong, g.tie as tie,
      g.unparsed as unparsed, g.kept as kept
    from judgment_groups g
    where ${pairGroupsWhere(iterationId, filters)}
    ${pairGroupsOrder(sort)}
    limit ${page.limit} offset ${page.offset}`);
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((r) => r.id))];
  const texts = db.all<{ id: number; itemId: number; text: string; label: string | null }>(sql`
    select p.id as id, p.dataset_item_id as itemId, substr(di.prompt, 1, 300) as text, ri.category as label
    from pairs p join dataset_items di on di.id = p.dataset_item_id
    left join run_instructions ri on ri.run_id = p.run_id and ri.dataset_item_id = p.dataset_item_id
    where p.id in (${idList(ids)})`);
  // Votes and filter statuses in sample order, for the page's groups only.
  const votes = db.all<{ id: number; goodPosition: Position; votes: string; statuses: string }>(sql`
    select pair_id as id, good_position as goodPosition, group_concat(outcome, ',') as votes, coalesce(group_concat(filter_status, ','), '') as statuses
    from (select pair_id, good_position, outcome, filter_status from judgments where iteration_id = ${iterationId} and pair_id in (${idList(ids)})
          order by pair_id, good_position, sample)
    group by pair_id, good_position`);
  const byId = new Map(texts.map((t) => [t.id, t]));
  const votesOf = new Map(votes.map((v) => [`${v.id}:${v.goodPosition}`, v]));
  return rows.map((r) => ({
    ...r,
    statuses: votesOf.get(`${r.id}:${r.goodPosition}`)?.statuses ?? "",
    votes: votesOf.get(`${r.id}:${r.goodPosition}`)?.votes ?? "",
    itemId: byId.get(r.id)?.itemId ?? 0,
    text: byId.get(r.id)?.text ?? "",
    label: byId.get(r.id)?.label ?? null,
  }));
}

export function countPairGroups(db: Queryable, iterationId: number, filters: GroupFilters): number {
  return db.get<{ n: number }>(sql`select count(*) as n from judgment_groups g where ${pairGroupsWhere(iterationId, filters)}`)?.n ?? 0;
}

/** Eval judgments of one iteration on one eval set, grouped by (item, order). */
function evalGroupsQuery(iterationId: number, datasetId: number, filters: GroupFilters, columns: "row" | "none"): SQL {
  const where: SQL[] = [sql`j.iteration_id = ${iterationId}`, sql`di.dataset_id = ${datasetId}`];
  if (filters.order) where.push(sql`j.good_position = ${filters.order}`);
  if (filters.subset) where.push(sql`di.subset = ${filters.subset}`);
  if (filters.query) where.push(sql`(di.prompt like ${likePattern(filters.query)} escape '\\' or di.source_id = ${filters.query})`);
  const select =
    columns === "row"
      ? sql`j.dataset_item_id as id, j.good_position as goodPosition, ${GROUP_COLUMNS}, 0 as kept, '' as statuses, group_concat(j.outcome, ',') as votes`
      : sql`1`;
  return sql`
    select ${select}
    from eval_judgments j join dataset_items di on di.id = j.dataset_item_id
    where ${sql.join(where, sql` and `)}
    group by j.dataset_item_id, j.good_position
    ${havingClause(filters)}`;
}

export function listEvalGroups(
  db: Queryable,
  iterationId: number,
  datasetId: number,
  filters: GroupFilters,
  sort: GroupSort,
  page: { limit: number; offset: number },
): JudgmentGroup[] {
  const rows = db.all<Omit<JudgmentGroup, "itemId" | "text" | "label">>(sql`
    ${evalGroupsQuery(iterationId, datasetId, filters, "row")}
    ${orderClause(sort, sql`j.dataset_item_id`)}
    limit ${page.limit} offset ${page.offset}`);
  if (rows.length === 0) return [];
  const texts = db.all<{ id: number; text: string; label: string | null }>(sql`
    select id, substr(prompt, 1, 300) as text, subset as label from dataset_items
    where id in (${sql.join(
      [...new Set(rows.map((r) => r.id))].map((id) => sql`${id}`),
      sql`, `,
    )})`);
  const byId = new Map(texts.map((t) => [t.id, t]));
  return rows.map((r) => ({ ...r, itemId: r.id, text: byId.get(r.id)?.text ?? "", label: byId.get(r.id)?.label ?? null }));
}

export function countEvalGroups(db: Queryable, iterationId: number, datasetId: number, filters: GroupFilters): number {
  return db.get<{ n: number }>(sql`select count(*) as n from (${evalGroupsQuery(iterationId, datasetId, filters, "none")})`)?.n ?? 0;
}

/** One sampled judgment as the trace views show it: the judged sample, where and when it was made, what the filter did. */
export type JudgmentDetail = JudgedSample & { id: number; iteration: number; goodPosition: Position; filterStatus: string | null };

/** Every sampled judgment of one pair (training) or one eval item across a run's iterations, in iteration, order, sample order. */
function judgmentDetails(db: Queryable, kind: JudgmentKind, runId: number, subjectId: number): JudgmentDetail[] {
  const source =
    kind === "training"
      ? { table: sql`judgments`, subject: sql`j.pair_id`, filterStatus: sql`j.filter_status` }
      : { table: sql`eval_judgments`, subject: sql`j.dataset_item_id`, filterStatus: sql`null` };
  return db
    .all<Omit<JudgmentDetail, "truncated"> & { truncated: number }>(
      sql`
    select j.id as id, i."index" as iteration, j.good_position as goodPosition, j.sample as sample, j.verdict as verdict, j.outcome as outcome,
      j.trace as trace, j.finish_reason as finishReason, j.truncated as truncated, j.prompt_tokens as promptTokens,
      j.completion_tokens as completionTokens, j.latency_ms as latencyMs, ${source.filterStatus} as filterStatus
    from ${source.table} j join iterations i on i.id = j.iteration_id
    where ${source.subject} = ${subjectId} and i.run_id = ${runId} order by i."index", j.good_position, j.sample`,
    )
    .map((j) => ({ ...j, truncated: Boolean(j.truncated) }));
}

const runIterations = (db: Queryable, runId: number) =>
  db.all<{ index: number; judgeModel: string }>(
    sql`select "index" as "index", judge_model as judgeModel from iterations where run_id = ${runId} order by "index"`,
  );

export type PairDetail = {
  id: number;
  runId: number;
  itemId: number;
  status: string;
  dropReason: string | null;
  instruction: string;
  category: string | null;
  modifiedInstruction: string | null;
  goodResponse: string;
  worseResponse: string | null;
  rawWorseOutput: string | null;
  judgments: JudgmentDetail[];
  iterations: { index: number; judgeModel: string }[];
};

export function getPairDetail(db: Queryable, runId: number, pairId: number): PairDetail | undefined {
  const pair = db.get<Omit<PairDetail, "judgments" | "iterations">>(sql`
    select p.id as id, p.run_id as runId, p.dataset_item_id as itemId, p.status as status, p.drop_reason as dropReason, di.prompt as instruction,
      ri.category as category, p.modified_instruction as modifiedInstruction, p.good_response as goodResponse, p.worse_response as worseResponse,
      p.raw_worse_output as rawWorseOutput
    from pairs p join dataset_items di on di.id = p.dataset_item_id
    left join run_instructions ri on ri.run_id = p.run_id and ri.dataset_item_id = p.dataset_item_id
    where p.id = ${pairId} and p.run_id = ${runId}`);
  if (!pair) return undefined;
  return { ...pair, judgments: judgmentDetails(db, "training", runId, pairId), iterations: runIterations(db, runId) };
}

export type EvalItemDetail = {
  id: number;
  datasetId: number;
  datasetName: string;
  sourceId: string;
  subset: string | null;
  prompt: string;
  chosen: string;
  rejected: string;
  judgments: JudgmentDetail[];
  iterations: { index: number; judgeModel: string }[];
};

export function getEvalItemDetail(db: Queryable, runId: number, itemId: number): EvalItemDetail | undefined {
  const item = db.get<Omit<EvalItemDetail, "judgments" | "iterations">>(sql`
    select di.id as id, di.dataset_id as datasetId, d.name as datasetName, di.source_id as sourceId, di.subset as subset, di.prompt as prompt,
      coalesce(di.chosen, '') as chosen, coalesce(di.rejected, '') as rejected
    from dataset_items di join datasets d on d.id = di.dataset_id
    where di.id = ${itemId} and exists (select 1 from run_datasets rd where rd.run_id = ${runId} and rd.dataset_id = di.dataset_id and rd.role = 'eval')`);
  if (!item) return undefined;
  return { ...item, judgments: judgmentDetails(db, "eval", runId, itemId), iterations: runIterations(db, runId) };
}

export type Flip = { itemId: number; text: string; subset: string | null; before: number; after: number };

/**
 * Eval items whose verdict changed between two iterations: an item's label is chosen (score above
 * 0.5), rejected (below) or none; "improved" went from not-chosen to chosen, "regressed" the reverse.
 */
export function listEvalFlips(
  db: Queryable,
  scope: { fromIterationId: number; toIterationId: number; datasetId: number; subsets?: readonly string[] },
  direction: "improved" | "regressed" | "all",
  page: { limit: number; offset: number },
): { flips: Flip[]; total: number; improved: number; regressed: number } {
  const perItem = (iterationId: number) => sql`
    select item_id, avg(case when c > w then 1.0 when w > c then 0.0 else 0.5 end) as score from (
      select j.dataset_item_id as item_id, j.good_position, sum(j.outcome = 'correct') as c, sum(j.outcome = 'wrong') as w
      from eval_judgments j join dataset_items di on di.id = j.dataset_item_id
      where j.iteration_id = ${iterationId} and di.dataset_id = ${scope.datasetId}
      group by j.dataset_item_id, j.good_position) group by item_id`;
  const label = (column: SQL) => sql`case when ${column} > 0.5 then 1 when ${column} < 0.5 then -1 else 0 end`;
  const inSubsets =
    scope.subsets && scope.subsets.length > 0
      ? sql`and a.item_id in (select id from dataset_items where dataset_id = ${scope.datasetId} and subset in (${sql.join(
          scope.subsets.map((s) => sql`${s}`),
          sql`, `,
        )}))`
      : sql``;
  const base = sql`
    with a as (${perItem(scope.fromIterationId)}), b as (${perItem(scope.toIterationId)})
    select a.item_id as itemId, a.score as before, b.score as after from a join b on a.item_id = b.item_id
    where ${label(sql`a.score`)} <> ${label(sql`b.score`)} ${inSubsets}`;
  const counts = db.get<{ improved: number | null; regressed: number | null }>(sql`
    select sum(${label(sql`after`)} = 1) as improved, sum(${label(sql`before`)} = 1) as regressed from (${base})`);
  const filter =
    direction === "improved"
      ? sql`where ${label(sql`after`)} = 1`
      : direction === "regressed"
        ? sql`where ${label(sql`before`)} = 1`
        : sql``;
  const total = db.get<{ n: number }>(sql`select count(*) as n from (${base}) ${filter}`)?.n ?? 0;
  const rows = db.all<{ itemId: number; before: number; after: number }>(
    sql`select * from (${base}) ${filter} order by itemId limit ${page.limit} offset ${page.offset}`,
  );
  const texts =
    rows.length === 0
      ? []
      : db.all<{ id: number; text: string; subset: string | null }>(sql`
    select id, substr(prompt, 1, 300) as text, subset from dataset_items where id in (${sql.join(
      rows.map((r) => sql`${r.itemId}`),
      sql`, `,
    )})`);
  const byId = new Map(texts.map((t) => [t.id, t]));
  return {
    flips: rows.map((r) => ({ ...r, text: byId.get(r.itemId)?.text ?? "", subset: byId.get(r.itemId)?.subset ?? null })),
    total,
    improved: counts?.improved ?? 0,
    regressed: counts?.regressed ?? 0,
  };
}

export type TraceContext = {
  iterations: { id: number; index: number; judgeModel: string; judgments: number; evalJudgments: number }[];
  categories: string[];
  evalSets: { id: number; name: string; subsets: string[] }[];
};

/** What the trace views' selectors offer: the run's iterations (with how much each judged), its categories and eval sets. */
export function traceContext(db: Queryable, runId: number): TraceContext {
  const iterations = db.all<TraceContext["iterations"][number]>(sql`
    select i.id as id, i."index" as "index", i.judge_model as judgeModel,
      (select count(*) from judgments j where j.iteration_id = i.id) as judgments,
      (select count(*) from eval_judgments e where e.iteration_id = i.id) as evalJudgments
    from iterations i where i.run_id = ${runId} order by i."index"`);
  const categories = db
    .all<{ category: string }>(
      sql`
    select distinct ri.category as category from run_instructions ri
    where ri.run_id = ${runId} and ri.category is not null order by ri.category`,
    )
    .map((r) => r.category);
  const sets = db.all<{ id: number; name: string }>(sql`
    select d.id as id, d.name as name from run_datasets rd join datasets d on d.id = rd.dataset_id
    where rd.run_id = ${runId} and rd.role = 'eval' order by d.id`);
  const evalSets = sets.map((set) => ({
    ...set,
    subsets: db
      .all<{ subset: string }>(
        sql`select distinct subset from dataset_items where dataset_id = ${set.id} and subset is not null order by subset`,
      )
      .map((r) => r.subset),
  }));
  return { iterations, categories, evalSets };
}
