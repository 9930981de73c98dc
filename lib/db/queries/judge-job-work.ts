/**
 * SQL a judge job's runner uses: the items it judges (responses to judge, or labelled pairs read
 * as two responses with the chosen one labelled best), its comparisons, their votes by order, the
 * decisions and the items' results. Comparisons and results are keyed, so writing one twice does
 * nothing: a resumed job continues from the rows that exist.
 */
import "../server-only";
import { sql } from "drizzle-orm";
import type { ItemResult, PlannedComparison, StoredComparison } from "@/lib/pipeline/jobs/item-plan";
import { noVotes } from "@/lib/pipeline/jobs/tournament";
import type { Choice } from "@/lib/pipeline/vocabulary";
import type { Db, Queryable } from "../client";
import { idList } from "./id-list";
import { prepared } from "../prepared";

/** Every item of a dataset a job can judge, in file order, with its number of responses. */
export function judgeableItems(db: Queryable, datasetId: number): { id: number; responses: number }[] {
  return db.all(sql`
    select id, case when responses is null then 2 else json_array_length(responses) end as responses
    from dataset_items where dataset_id = ${datasetId} order by position`);
}

export type JobItemText = { id: number; prompt: string; responses: string[]; label: string | null; category: string | null };

/** The texts of some items as a job judges them: a labelled pair is (chosen, rejected) with the chosen one best. */
export function getJobItemTexts(db: Queryable, ids: readonly number[]): JobItemText[] {
  if (ids.length === 0) return [];
  return db
    .all<{
      id: number;
      prompt: string;
      responses: string | null;
      chosen: string | null;
      rejected: string | null;
      label: string | null;
      category: string | null;
    }>(sql`select id, prompt, responses, chosen, rejected, label, category from dataset_items where id in (${idList(ids)})`)
    .map((row) =>
      row.responses !== null
        ? { id: row.id, prompt: row.prompt, responses: JSON.parse(row.responses) as string[], label: row.label, category: row.category }
        : { id: row.id, prompt: row.prompt, responses: [row.chosen ?? "", row.rejected ?? ""], label: "0", category: row.category },
    );
}

/** The label and category of some items (a labelled pair's chosen response, listed first, is its label "0"). */
export function getItemLabels(db: Queryable, ids: readonly number[]): { id: number; label: string | null; category: string | null }[] {
  if (ids.length === 0) return [];
  return db.all(sql`
    select id, case when responses is null then '0' else label end as label, category from dataset_items where id in (${idList(ids)})`);
}

export function insertComparisons(db: Db, jobId: number, itemId: number, comparisons: readonly PlannedComparison[]): void {
  const insert = prepared(
    db,
    "insert into judge_comparisons (job_id, item_id, round, slot, first, second) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
  );
  for (const c of comparisons) insert.run(jobId, itemId, c.round, c.slot, c.first, c.second);
}

/** The comparisons of some items of a job, with their votes per order, grouped by item. */
export function itemComparisons(db: Queryable, jobId: number, itemIds: readonly number[]): Map<number, StoredComparison[]> {
  const byItem = new Map<number, StoredComparison[]>();
  if (itemIds.length === 0) return byItem;
  const rows = db.all<{
    id: number;
    itemId: number;
    round: number;
    slot: number;
    first: number;
    second: number;
    winner: number | null;
    decidedBy: StoredComparison["decidedBy"];
  }>(sql`
    select id, item_id as itemId, round, slot, first, second, winner, decided_by as decidedBy
    from judge_comparisons where job_id = ${jobId} and item_id in (${idList(itemIds)}) order by item_id, round, slot`);
  const votes =
    rows.length === 0
      ? []
      : comparisonVotes(
          db,
          rows.map((r) => r.id),
        );
  const byComparison = new Map<number, StoredComparison["votes"]>();
  for (const v of votes) {
    const entry = byComparison.get(v.comparisonId) ?? { asGiven: noVotes(), swapped: noVotes() };
    entry[v.firstPosition === "A" ? "asGiven" : "swapped"][v.choice] += v.n;
    byComparison.set(v.comparisonId, entry);
  }
  for (const row of rows) {
    const list = byItem.get(row.itemId) ?? [];
    list.push({ ...row, votes: byComparison.get(row.id) ?? { asGiven: noVotes(), swapped: noVotes() } });
    byItem.set(row.itemId, list);
  }
  return byItem;
}

function comparisonVotes(db: Queryable, comparisonIds: readonly number[]) {
  return db.all<{ comparisonId: number; firstPosition: "A" | "B"; choice: Choice; n: number }>(sql`
    select comparison_id as comparisonId, first_position as firstPosition, choice, count(*) as n
    from judge_judgments where comparison_id in (${idList(comparisonIds)}) group by comparison_id, first_position, choice`);
}

export function decideComparisons(db: Db, decisions: readonly { id: number; winner: number | null; decidedBy: string }[]): void {
  const update = prepared(db, "update judge_comparisons set winner = ?, decided_by = ? where id = ? and decided_by is null");
  for (const d of decisions) update.run(d.winner, d.decidedBy, d.id);
}

export type ItemResultToWrite = ItemResult & { itemId: number; label: string | null; category: string | null; agrees: boolean | null };

export function insertItemResults(db: Db, jobId: number, results: readonly ItemResultToWrite[]): void {
  const insert = prepared(
    db,
    `insert into judge_item_results (job_id, item_id, verdict, best, ranking, vote_share, consistent, votes_first, votes_second, votes_tie,
       votes_unparsed, label, category, agrees, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
  );
  const now = Date.now();
  for (const r of results)
    insert.run(
      jobId,
      r.itemId,
      r.verdict,
      r.best,
      r.ranking ? JSON.stringify(r.ranking) : null,
      r.voteShare,
      r.consistent === null ? null : r.consistent ? 1 : 0,
      r.votes.first,
      r.votes.second,
      r.votes.tie,
      r.votes.unparsed,
      r.label,
      r.category,
      r.agrees === null ? null : r.agrees ? 1 : 0,
      now,
    );
}

/** Items of a job (among some) that have their result. */
export function itemsWithResults(db: Queryable, jobId: number, itemIds: readonly number[]): Set<number> {
  if (itemIds.length === 0) return new Set();
  return new Set(
    db
      .all<{ id: number }>(sql`select item_id as id from judge_item_results where job_id = ${jobId} and item_id in (${idList(itemIds)})`)
      .map((r) => r.id),
  );
}

export function countJobResults(db: Queryable, jobId: number): number {
  return db.get<{ n: number }>(sql`select count(*) as n from judge_item_results where job_id = ${jobId}`)?.n ?? 0;
}

export function jobJudgmentTotals(db: Queryable, jobId: number): { judgments: number; tokens: number } {
  const row = db.get<{ judgments: number; tokens: number }>(sql`
    select count(*) as judgments, coalesce(sum(prompt_tokens + completion_tokens), 0) as tokens from judge_judgments where job_id = ${jobId}`);
  return row ?? { judgments: 0, tokens: 0 };
}
