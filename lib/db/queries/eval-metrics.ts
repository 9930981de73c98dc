/**
 * The SQL twins of lib/metrics/eval-summary.ts: the same judge metrics computed as aggregates in
 * SQLite, for pages (never loading a run's judgments into memory). Per (iteration, eval set):
 * per-subset item scores, position consistency and first-position wins, A-position rate, length
 * bias, kappa between the two orders and between two iterations, and rates. Interval and kappa
 * formulas are applied in TypeScript to the counts SQL returns. A test checks both give the same
 * numbers on a seeded database.
 */
import "../server-only";
import { sql } from "drizzle-orm";
import { accuracyWithInterval, cohensKappa, rewardBenchScores, type EvalRow, type EvalSummary, type Kappa } from "@/lib/metrics";
import type { Queryable } from "../client";

type Scope = { iterationId: number; datasetId: number };

/** Per (item, order): correct and wrong votes; the building block of every item-level metric. */
const perOrder = (scope: Scope) => sql`
  select ej.dataset_item_id as item_id, ej.good_position as pos,
         sum(ej.outcome = 'correct') as c, sum(ej.outcome = 'wrong') as w
  from eval_judgments ej
  join dataset_items di on di.id = ej.dataset_item_id
  where ej.iteration_id = ${scope.iterationId} and di.dataset_id = ${scope.datasetId}
  group by ej.dataset_item_id, ej.good_position`;

const perItem = (scope: Scope) => sql`
  select item_id, avg(case when c > w then 1.0 when w > c then 0.0 else 0.5 end) as score
  from (${perOrder(scope)}) group by item_id`;

export function evalSubsetScores(db: Queryable, scope: Scope): { subset: string; items: number; scoreSum: number }[] {
  return db.all<{ subset: string; items: number; scoreSum: number }>(sql`
    select coalesce(di.subset, '') as subset, count(*) as items, sum(p.score) as scoreSum
    from (${perItem(scope)}) p join dataset_items di on di.id = p.item_id
    group by di.subset order by di.subset`);
}

export function evalPositionCounts(db: Queryable, scope: Scope): { both: number; consistent: number; firstWins: number } {
  const row = db.get<{ both: number | null; consistent: number | null; firstWins: number | null }>(sql`
    with prefs as (
      select item_id, pos, case when c > w then 'chosen' when w > c then 'rejected' else null end as pref from (${perOrder(scope)})
    ), paired as (
      select a.pref as a_pref, b.pref as b_pref from prefs a join prefs b on a.item_id = b.item_id and a.pos = 'A' and b.pos = 'B'
      where a.pref is not null and b.pref is not null
    )
    select count(*) as both, sum(a_pref = b_pref) as consistent, sum(a_pref <> b_pref and a_pref = 'chosen') as firstWins from paired`);
  return { both: row?.both ?? 0, consistent: row?.consistent ?? 0, firstWins: row?.firstWins ?? 0 };
}

export function evalOrderAgreement(db: Queryable, scope: Scope): { aPref: string; bPref: string; items: number }[] {
  return db.all<{ aPref: string; bPref: string; items: number }>(sql`
    with prefs as (
      select item_id, pos, case when c > w then 'chosen' when w > c then 'rejected' else 'none' end as pref from (${perOrder(scope)})
    )
    select a.pref as aPref, b.pref as bPref, count(*) as items
    from prefs a join prefs b on a.item_id = b.item_id and a.pos = 'A' and b.pos = 'B'
    group by a.pref, b.pref`);
}

export function evalJudgmentCounts(
  db: Queryable,
  scope: Scope,
): { judgments: number; ties: number; unparsed: number; truncated: number; verdictA: number; parsed: number } {
  const row = db.get<Record<string, number | null>>(sql`
    select count(*) as judgments, sum(ej.outcome = 'tie') as ties, sum(ej.outcome = 'unparsed') as unparsed,
           sum(ej.truncated) as truncated, sum(ej.verdict = 'A') as verdictA, sum(ej.verdict is not null) as parsed
    from eval_judgments ej join dataset_items di on di.id = ej.dataset_item_id
    where ej.iteration_id = ${scope.iterationId} and di.dataset_id = ${scope.datasetId}`);
  return {
    judgments: row?.judgments ?? 0,
    ties: row?.ties ?? 0,
    unparsed: row?.unparsed ?? 0,
    truncated: row?.truncated ?? 0,
    verdictA: row?.verdictA ?? 0,
    parsed: row?.parsed ?? 0,
  };
}

export function evalLengthGroups(
  db: Queryable,
  scope: Scope,
): { longer: { items: number; scoreSum: number }; shorter: { items: number; scoreSum: number } } {
  const rows = db.all<{ grp: string; items: number; scoreSum: number }>(sql`
    select case when length(di.chosen) > length(di.rejected) then 'longer' else 'shorter' end as grp, count(*) as items, sum(p.score) as scoreSum
    from (${perItem(scope)}) p join dataset_items di on di.id = p.item_id
    where length(di.chosen) <> length(di.rejected)
    group by grp`);
  const pick = (grp: string) => {
    const row = rows.find((r) => r.grp === grp);
    return { items: row?.items ?? 0, scoreSum: row?.scoreSum ?? 0 };
  };
  return { longer: pick("longer"), shorter: pick("shorter") };
}

/** The EvalSummary of metrics/eval-summary.ts, from SQL aggregates. */
export function evalSummarySql(db: Queryable, scope: Scope): EvalSummary {
  // Same order as the pure function (localeCompare), whatever SQLite's collation.
  const subsets = evalSubsetScores(db, scope).sort((a, b) => a.subset.localeCompare(b.subset));
  const items = subsets.reduce((sum, s) => sum + s.items, 0);
  const scoreSum = subsets.reduce((sum, s) => sum + s.scoreSum, 0);
  const position = evalPositionCounts(db, scope);
  const counts = evalJudgmentCounts(db, scope);
  const lengths = evalLengthGroups(db, scope);
  const orderPairs = evalOrderAgreement(db, scope).flatMap((r) =>
    Array.from({ length: r.items }, () => [r.aPref, r.bPref] as [string, string]),
  );
  const inconsistent = position.both - position.consistent;
  const lengthAccuracy = (g: { items: number; scoreSum: number }) => (g.items === 0 ? null : g.scoreSum / g.items);
  const longer = lengthAccuracy(lengths.longer);
  const shorter = lengthAccuracy(lengths.shorter);
  return {
    items,
    accuracy: accuracyWithInterval(scoreSum, items),
    bySubset: subsets.map((s) => ({ subset: s.subset, accuracy: accuracyWithInterval(s.scoreSum, s.items) })),
    rewardBench: rewardBenchScores(subsets),
    positionBias: {
      itemsBothOrders: position.both,
      consistentItems: position.consistent,
      positionConsistency: position.both === 0 ? null : position.consistent / position.both,
      inconsistentItems: inconsistent,
      firstPositionWins: inconsistent === 0 ? null : position.firstWins / inconsistent,
    },
    aPositionRate: counts.parsed === 0 ? null : counts.verdictA / counts.parsed,
    lengthBias: {
      chosenLonger: { items: lengths.longer.items, accuracy: longer },
      chosenShorter: { items: lengths.shorter.items, accuracy: shorter },
      gap: longer === null || shorter === null ? null : longer - shorter,
    },
    orderKappa: cohensKappa(orderPairs),
    rates: {
      judgments: counts.judgments,
      tieRate: counts.judgments === 0 ? null : counts.ties / counts.judgments,
      unparsedRate: counts.judgments === 0 ? null : counts.unparsed / counts.judgments,
      truncatedRate: counts.judgments === 0 ? null : counts.truncated / counts.judgments,
    },
  };
}

/** Kappa between two iterations' judges on the items of one eval set both judged. */
export function kappaBetweenIterationsSql(db: Queryable, first: Scope, second: Scope): Kappa {
  const rows = db.all<{ a: string; b: string; items: number }>(sql`
    with x as (${perItem(first)}), y as (${perItem(second)})
    select case when x.score > 0.5 then 'chosen' when x.score < 0.5 then 'rejected' else 'none' end as a,
           case when y.score > 0.5 then 'chosen' when y.score < 0.5 then 'rejected' else 'none' end as b,
           count(*) as items
    from x join y on x.item_id = y.item_id group by a, b`);
  return cohensKappa(rows.flatMap((r) => Array.from({ length: r.items }, () => [r.a, r.b] as [string, string])));
}

/** Every sampled judgment of one scope, as the pure metrics take them (tests and exports; not for pages). */
export function loadEvalRows(db: Queryable, scope: Scope): EvalRow[] {
  return db
    .all<{
      itemId: number;
      subset: string | null;
      chosenPosition: "A" | "B";
      verdict: "A" | "B" | null;
      outcome: EvalRow["outcome"];
      truncated: number;
      chosenLength: number;
      rejectedLength: number;
    }>(
      sql`
    select ej.dataset_item_id as itemId, di.subset as subset, ej.good_position as chosenPosition, ej.verdict as verdict, ej.outcome as outcome,
           ej.truncated as truncated, length(di.chosen) as chosenLength, length(di.rejected) as rejectedLength
    from eval_judgments ej join dataset_items di on di.id = ej.dataset_item_id
    where ej.iteration_id = ${scope.iterationId} and di.dataset_id = ${scope.datasetId}
    order by ej.id`,
    )
    .map((row) => ({ ...row, subset: row.subset ?? "", truncated: Boolean(row.truncated) }));
}

/** Two judges' scores of the items both judged on one eval set (the input of paired comparisons). */
export function pairedItemScores(
  db: Queryable,
  before: Scope,
  after: Scope,
): { itemId: number; subset: string; before: number; after: number }[] {
  return db.all<{ itemId: number; subset: string; before: number; after: number }>(sql`
    select a.item_id as itemId, coalesce(di.subset, '') as subset, a.score as before, b.score as after
    from (${perItem(before)}) a join (${perItem(after)}) b on b.item_id = a.item_id join dataset_items di on di.id = a.item_id
    order by a.item_id`);
}
