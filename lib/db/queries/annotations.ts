/**
 * SQL for human comparison: the candidates an annotation set samples from (a run's training pairs,
 * the eval items its judges disagree on, a pairwise judge job's items), storing a set with its
 * items, the labelling queue (the next item an annotator has not labelled and that still needs
 * labels), labels written one at a time (idempotent per annotator and item) and undone, and the
 * reads the set page aggregates: labels, judges' verdicts per item, progress per annotator.
 */
import "../server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import {
  annotationItems,
  annotations,
  annotationSets,
  type AnnotationItemRow,
  type AnnotationSetKind,
  type AnnotationSetRow,
  type HumanChoice,
} from "../schema";

export type Verdict = "first" | "second" | "tie" | "unparsed";
export type ItemDraft = Omit<AnnotationItemRow, "id" | "setId">;

// ---------------------------------------------------------------------------------------------
// Candidates

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

/** The chosen pairs' texts and their kept/dropped status at an iteration (null when that iteration did not judge them). */
export function trainingPairTexts(
  db: Queryable,
  iterationId: number | null,
  pairIds: readonly number[],
): { pairId: number; datasetItemId: number; prompt: string; good: string; worse: string; filterStatus: "kept" | "dropped" | null }[] {
  if (pairIds.length === 0) return [];
  return db.all(sql`
    select p.id as pairId, p.dataset_item_id as datasetItemId, di.prompt as prompt, p.good_response as good,
      p.worse_response as worse,
      (select case when sum(g.kept) > 0 then 'kept' when count(*) > 0 then 'dropped' end
         from judgment_groups g where g.iteration_id = ${iterationId} and g.pair_id = p.id) as filterStatus
    from pairs p join dataset_items di on di.id = p.dataset_item_id
    where p.id in (${sql.join(
      pairIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
}

/** A judge's verdict per item from vote counts: more for y_w is "first", more for y_l "second". */
const verdictCase = (first: ReturnType<typeof sql>, second: ReturnType<typeof sql>, tie: ReturnType<typeof sql>) => sql`
  case when ${first} > ${second} then 'first' when ${second} > ${first} then 'second'
       when ${first} + ${tie} > 0 then 'tie' else 'unparsed' end`;

/** Eval items of one set on which a run's iterations do not all give the same verdict. */
export function evalDisagreementCandidates(
  db: Queryable,
  runId: number,
  datasetId: number,
): { datasetItemId: number; category: string | null }[] {
  return db.all(sql`
    with per_iteration as (
      select ej.dataset_item_id as item,
        ${verdictCase(sql`sum(ej.outcome = 'correct')`, sql`sum(ej.outcome = 'wrong')`, sql`sum(ej.outcome = 'tie')`)} as verdict
      from eval_judgments ej
      join iterations it on it.id = ej.iteration_id
      join dataset_items di on di.id = ej.dataset_item_id
      where it.run_id = ${runId} and di.dataset_id = ${datasetId}
      group by ej.iteration_id, ej.dataset_item_id)
    select pi.item as datasetItemId, coalesce(di.subset, di.category) as category
    from per_iteration pi join dataset_items di on di.id = pi.item
    group by pi.item having count(distinct pi.verdict) > 1
    order by pi.item`);
}

/** A pairwise responses data set's items (exactly two responses), ids only. */
export function pairwiseJobItemCandidates(db: Queryable, datasetId: number): { datasetItemId: number; category: string | null }[] {
  return db.all(sql`
    select id as datasetItemId, category from dataset_items
    where dataset_id = ${datasetId} and json_array_length(responses) = 2
    order by position`);
}

/** Texts of dataset items: the prompt, the two texts (chosen/rejected, or a responses item's two), the label. */
export function datasetItemTexts(
  db: Queryable,
  ids: readonly number[],
): { id: number; prompt: string; chosen: string | null; rejected: string | null; responses: string | null; label: string | null }[] {
  if (ids.length === 0) return [];
  return db.all(sql`
    select id, prompt, chosen, rejected, responses, label from dataset_items
    where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
}

// ---------------------------------------------------------------------------------------------
// Sets

export function createAnnotationSetRows(
  db: Queryable,
  set: Omit<AnnotationSetRow, "id" | "createdAt" | "itemCount">,
  items: readonly ItemDraft[],
  imported: { position: number; annotator: string; choice: HumanChoice }[],
): number {
  return db.transaction((tx) => {
    const setId = tx
      .insert(annotationSets)
      .values({ ...set, itemCount: items.length })
      .returning({ id: annotationSets.id })
      .get().id;
    const ids = new Map<number, { id: number; swapped: boolean }>();
    for (let start = 0; start < items.length; start += 200) {
      const rows = tx
        .insert(annotationItems)
        .values(items.slice(start, start + 200).map((item) => ({ ...item, setId })))
        .returning({ id: annotationItems.id, position: annotationItems.position, swapped: annotationItems.swapped })
        .all();
      for (const row of rows) ids.set(row.position, row);
    }
    for (let start = 0; start < imported.length; start += 200) {
      const chunk = imported.slice(start, start + 200);
      if (chunk.length === 0) break;
      tx.insert(annotations)
        .values(
          chunk.map((label) => {
            const item = ids.get(label.position)!;
            return { setId, itemId: item.id, annotator: label.annotator, choice: label.choice, swapped: item.swapped, imported: true };
          }),
        )
        .run();
    }
    return setId;
  });
}

export function getAnnotationSet(db: Queryable, id: number): AnnotationSetRow | undefined {
  return db.select().from(annotationSets).where(eq(annotationSets.id, id)).get();
}

export function annotationSetNameTaken(db: Queryable, name: string): boolean {
  return db.select({ id: annotationSets.id }).from(annotationSets).where(eq(annotationSets.name, name)).get() !== undefined;
}

export type AnnotationSetListRow = AnnotationSetRow & {
  runName: string | null;
  labelledItems: number;
  labels: number;
  annotators: number;
};

/** Every set, newest first, with how many of its items have a label, its labels and annotators (one aggregate query). */
export function listAnnotationSets(db: Queryable, options: { runId?: number } = {}): AnnotationSetListRow[] {
  return db.all(sql`
    select s.id, s.name, s.kind, s.run_id as runId, s.dataset_id as datasetId, s.judge_job_id as judgeJobId,
      s.iteration, s.labels_per_item as labelsPerItem, s.seed, s.description, s.item_count as itemCount,
      s.created_at as createdAt, r.name as runName,
      (select count(distinct a.item_id) from annotations a where a.set_id = s.id and a.choice != 'skip') as labelledItems,
      (select count(*) from annotations a where a.set_id = s.id and a.choice != 'skip') as labels,
      (select count(distinct a.annotator) from annotations a where a.set_id = s.id) as annotators
    from annotation_sets s left join runs r on r.id = s.run_id
    ${options.runId === undefined ? sql`` : sql`where s.run_id = ${options.runId}`}
    order by s.id desc`);
}

export function deleteAnnotationSet(db: Queryable, id: number): boolean {
  return db.delete(annotationSets).where(eq(annotationSets.id, id)).run().changes > 0;
}

// ---------------------------------------------------------------------------------------------
// Labelling

export type QueueItem = Pick<AnnotationItemRow, "id" | "position" | "prompt" | "swapped"> & { left: string; right: string };

/**
 * The next item for `annotator`: the first by position that they have not answered (a skip counts
 * as answered) and that has fewer than the set's labels-per-item from other people (imported
 * labels do not count: they are not the people this set is for).
 */
export function nextQueueItem(db: Queryable, set: Pick<AnnotationSetRow, "id" | "labelsPerItem">, annotator: string): QueueItem | null {
  const row = db.get<Pick<AnnotationItemRow, "id" | "position" | "prompt" | "swapped" | "firstText" | "secondText">>(sql`
    select i.id, i.position, i.prompt, i.swapped, i.first_text as firstText, i.second_text as secondText
    from annotation_items i
    where ${needsAnnotator(set.id, set.labelsPerItem, annotator)}
    order by i.position limit 1`);
  if (!row) return null;
  const swapped = Boolean(row.swapped);
  return {
    id: row.id,
    position: row.position,
    prompt: row.prompt,
    swapped,
    left: swapped ? row.secondText : row.firstText,
    right: swapped ? row.firstText : row.secondText,
  };
}

const needsAnnotator = (setId: number, labelsPerItem: number, annotator: string) => sql`
  i.set_id = ${setId}
  and not exists (select 1 from annotations a where a.item_id = i.id and a.annotator = ${annotator})
  and (select count(*) from annotations a where a.item_id = i.id and a.choice != 'skip' and a.imported = 0) < ${labelsPerItem}`;

/** How many items are still waiting for `annotator` (the queue's length). */
export function queueLength(db: Queryable, set: Pick<AnnotationSetRow, "id" | "labelsPerItem">, annotator: string): number {
  return db.get<{ n: number }>(
    sql`select count(*) as n from annotation_items i where ${needsAnnotator(set.id, set.labelsPerItem, annotator)}`,
  )!.n;
}

/** One item as an annotator sees it (for going back to an item after undo). */
export function queueItemById(db: Queryable, setId: number, itemId: number): QueueItem | null {
  const row = db
    .select()
    .from(annotationItems)
    .where(and(eq(annotationItems.setId, setId), eq(annotationItems.id, itemId)))
    .get();
  if (!row) return null;
  return {
    id: row.id,
    position: row.position,
    prompt: row.prompt,
    swapped: row.swapped,
    left: row.swapped ? row.secondText : row.firstText,
    right: row.swapped ? row.firstText : row.secondText,
  };
}

export function getAnnotationItem(db: Queryable, itemId: number): AnnotationItemRow | undefined {
  return db.select().from(annotationItems).where(eq(annotationItems.id, itemId)).get();
}

/** Writes one label now; the same annotator answering the same item again replaces their answer (no duplicate). */
export function upsertLabel(
  db: Queryable,
  label: {
    setId: number;
    itemId: number;
    annotator: string;
    choice: HumanChoice;
    swapped: boolean;
    note: string | null;
    timeMs: number | null;
  },
): void {
  const at = Date.now();
  db.insert(annotations)
    .values({ ...label, imported: false, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: [annotations.itemId, annotations.annotator],
      set: { choice: label.choice, swapped: label.swapped, note: label.note, timeMs: label.timeMs, imported: false, updatedAt: at },
    })
    .run();
}

/** Removes `annotator`'s latest label in the set and answers which item it was (null when there is none). */
export function undoLatestLabel(db: Queryable, setId: number, annotator: string): number | null {
  return db.transaction((tx) => {
    const latest = tx
      .select({ id: annotations.id, itemId: annotations.itemId })
      .from(annotations)
      .where(and(eq(annotations.setId, setId), eq(annotations.annotator, annotator), eq(annotations.imported, false)))
      .orderBy(desc(annotations.updatedAt), desc(annotations.id))
      .limit(1)
      .get();
    if (!latest) return null;
    tx.delete(annotations).where(eq(annotations.id, latest.id)).run();
    return latest.itemId;
  });
}

/** The reveal after an answer: what the construction or reference says, and each judge's verdict. */
export function itemReveal(
  db: Queryable,
  itemId: number,
): Pick<AnnotationItemRow, "reference" | "swapped" | "category" | "filterStatus"> | undefined {
  return db
    .select({
      reference: annotationItems.reference,
      swapped: annotationItems.swapped,
      category: annotationItems.category,
      filterStatus: annotationItems.filterStatus,
    })
    .from(annotationItems)
    .where(eq(annotationItems.id, itemId))
    .get();
}

// ---------------------------------------------------------------------------------------------
// Reads for the set page

export type SetLabel = {
  itemId: number;
  annotator: string;
  choice: Exclude<HumanChoice, "skip">;
  imported: boolean;
  category: string | null;
  filterStatus: "kept" | "dropped" | null;
};

/** Every non-skip label of a set with its item's category and status (a set is bounded: at most 5,000 items). */
export function setLabels(db: Queryable, setId: number): SetLabel[] {
  return db
    .all<Omit<SetLabel, "imported"> & { imported: number }>(
      sql`
    select a.item_id as itemId, a.annotator, a.choice, a.imported, i.category, i.filter_status as filterStatus
    from annotations a join annotation_items i on i.id = a.item_id
    where a.set_id = ${setId} and a.choice != 'skip'
    order by a.item_id, a.annotator`,
    )
    .map((row) => ({ ...row, imported: Boolean(row.imported) }));
}

export type AnnotatorProgress = { annotator: string; imported: boolean; answered: number; skipped: number; medianMs: number | null };

/** Per annotator: items answered and skipped, and the middle of their answer times (for the ETA). */
export function annotatorProgress(db: Queryable, setId: number): AnnotatorProgress[] {
  const rows = db.all<{ annotator: string; imported: number; answered: number; skipped: number }>(sql`
    select annotator, max(imported) as imported, sum(choice != 'skip') as answered, sum(choice = 'skip') as skipped
    from annotations where set_id = ${setId} group by annotator order by annotator`);
  return rows.map((row) => {
    const times = db
      .select({ t: annotations.timeMs })
      .from(annotations)
      .where(and(eq(annotations.setId, setId), eq(annotations.annotator, row.annotator), sql`${annotations.timeMs} is not null`))
      .orderBy(asc(annotations.timeMs))
      .all()
      .map((r) => r.t!);
    return {
      annotator: row.annotator,
      imported: Boolean(row.imported),
      answered: row.answered,
      skipped: row.skipped,
      medianMs: times.length === 0 ? null : times[Math.floor((times.length - 1) / 2)]!,
    };
  });
}

export type JudgeVerdictRow = { judgeKey: string; judgeOrder: number; judgeLabel: string; itemId: number; verdict: Verdict };

/** Each judge's verdict on each item of a set: a run's iterations (training pairs, eval items) or the judge jobs on a data set. */
export function judgeVerdicts(
  db: Queryable,
  set: Pick<AnnotationSetRow, "id" | "kind" | "runId" | "datasetId">,
  onlyItemId?: number,
): JudgeVerdictRow[] {
  const kind: AnnotationSetKind = set.kind;
  const item = onlyItemId === undefined ? sql`` : sql` and i.id = ${onlyItemId}`;
  if (kind === "training-pairs" && set.runId !== null)
    return db.all(sql`
      select 'iteration:' || it."index" as judgeKey, it."index" as judgeOrder, 'iteration ' || it."index" as judgeLabel,
        i.id as itemId, ${verdictCase(sql`sum(g.correct)`, sql`sum(g.wrong)`, sql`sum(g.tie)`)} as verdict
      from annotation_items i
      join judgment_groups g on g.pair_id = i.pair_id
      join iterations it on it.id = g.iteration_id
      where i.set_id = ${set.id} and it.run_id = ${set.runId}${item}
      group by it.id, i.id
      order by it."index", i.id`);
  if (kind === "eval-disagreements" && set.runId !== null)
    return db.all(sql`
      select 'iteration:' || it."index" as judgeKey, it."index" as judgeOrder, 'iteration ' || it."index" as judgeLabel,
        i.id as itemId,
        ${verdictCase(sql`sum(ej.outcome = 'correct')`, sql`sum(ej.outcome = 'wrong')`, sql`sum(ej.outcome = 'tie')`)} as verdict
      from annotation_items i
      join eval_judgments ej on ej.dataset_item_id = i.dataset_item_id
      join iterations it on it.id = ej.iteration_id
      where i.set_id = ${set.id} and it.run_id = ${set.runId}${item}
      group by it.id, i.id
      order by it."index", i.id`);
  if (kind === "judge-job" && set.datasetId !== null)
    return db.all(sql`
      select 'job:' || j.id as judgeKey, j.id as judgeOrder, 'job #' || j.id || ' ' || j.name as judgeLabel, i.id as itemId,
        case r.verdict when 'A' then 'first' when 'B' then 'second' when 'tie' then 'tie' else 'unparsed' end as verdict
      from annotation_items i
      join judge_item_results r on r.item_id = i.dataset_item_id
      join judge_jobs j on j.id = r.job_id
      where i.set_id = ${set.id} and j.dataset_id = ${set.datasetId} and j.max_responses = 2${item}
      order by j.id, i.id`);
  return [];
}

export type ExportLabelRow = {
  position: number;
  sourceKey: string;
  category: string | null;
  filterStatus: string | null;
  reference: string | null;
  annotator: string;
  choice: HumanChoice;
  shownOrder: "first-left" | "second-left";
  timeMs: number | null;
  note: string | null;
  imported: boolean;
  labelledAt: number;
};

/** Every label of a set for the exports, in item order (a set is bounded). */
export function exportLabelRows(db: Queryable, setId: number): ExportLabelRow[] {
  return db
    .all<Omit<ExportLabelRow, "imported" | "shownOrder"> & { imported: number; swapped: number }>(
      sql`
    select i.position, i.source_key as sourceKey, i.category, i.filter_status as filterStatus, i.reference,
      a.annotator, a.choice, a.swapped, a.time_ms as timeMs, a.note, a.imported, a.updated_at as labelledAt
    from annotations a join annotation_items i on i.id = a.item_id
    where a.set_id = ${setId}
    order by i.position, a.annotator`,
    )
    .map(({ swapped, imported, ...row }) => ({ ...row, imported: Boolean(imported), shownOrder: swapped ? "second-left" : "first-left" }));
}

/** Items with their texts and their non-skip human labels, for the disagreement list and the eval-set export. */
export function labelledItemTexts(
  db: Queryable,
  setId: number,
  itemIds: readonly number[],
): Pick<AnnotationItemRow, "id" | "position" | "sourceKey" | "category" | "filterStatus" | "prompt" | "firstText" | "secondText">[] {
  if (itemIds.length === 0) return [];
  return db
    .select({
      id: annotationItems.id,
      position: annotationItems.position,
      sourceKey: annotationItems.sourceKey,
      category: annotationItems.category,
      filterStatus: annotationItems.filterStatus,
      prompt: annotationItems.prompt,
      firstText: annotationItems.firstText,
      secondText: annotationItems.secondText,
    })
    .from(annotationItems)
    .where(and(eq(annotationItems.setId, setId), inArray(annotationItems.id, [...itemIds])))
    .orderBy(asc(annotationItems.position))
    .all();
}

export function labelCount(db: Queryable, setId: number): number {
  return db.select({ n: count() }).from(annotations).where(eq(annotations.setId, setId)).get()?.n ?? 0;
}

/** The id of a run's iteration `index`, or null when the run has no such iteration. */
export function iterationIdOf(db: Queryable, runId: number, index: number): number | null {
  return db.get<{ id: number }>(sql`select id from iterations where run_id = ${runId} and "index" = ${index}`)?.id ?? null;
}

/** The middle of `annotator`'s answer times in a set (skips left out), for the ETA; null before any. */
export function medianAnswerMs(db: Queryable, setId: number, annotator: string): number | null {
  const times = db
    .all<{ t: number }>(
      sql`select time_ms as t from annotations where set_id = ${setId} and annotator = ${annotator} and choice != 'skip' and time_ms is not null order by time_ms`,
    )
    .map((r) => r.t);
  return times.length === 0 ? null : times[Math.floor((times.length - 1) / 2)]!;
}

/** Items `annotator` has answered in a set (skips included; imported labels are not theirs). */
export function answeredCount(db: Queryable, setId: number, annotator: string): number {
  return db.get<{ n: number }>(
    sql`select count(*) as n from annotations where set_id = ${setId} and annotator = ${annotator} and imported = 0`,
  )!.n;
}

export type SetSourceChoices = {
  runs: { id: number; name: string; status: string; pairs: number; iterations: number; evalSets: { id: number; name: string }[] }[];
  jobs: { id: number; name: string; datasetName: string; labelled: number; status: string }[];
};

/** What a new set can be made from: runs with usable pairs (and their eval sets), pairwise judge jobs (newest first, at most 200 each). */
export function setSourceChoices(db: Queryable): SetSourceChoices {
  const runs = db.all<{ id: number; name: string; status: string; pairs: number; iterations: number }>(sql`
    select r.id, r.name, r.status,
      (select count(*) from pairs p where p.run_id = r.id and p.status = 'ok') as pairs,
      (select count(*) from iterations it where it.run_id = r.id) as iterations
    from runs r order by r.id desc limit 200`);
  const evalSets = db.all<{ runId: number; id: number; name: string }>(sql`
    select rd.run_id as runId, d.id, d.name from run_datasets rd join datasets d on d.id = rd.dataset_id
    where rd.role = 'eval' order by d.name`);
  const jobs = db.all<{ id: number; name: string; datasetName: string; labelled: number; status: string }>(sql`
    select j.id, j.name, d.name as datasetName, j.status,
      (select count(*) from dataset_items di where di.dataset_id = j.dataset_id and di.label is not null) as labelled
    from judge_jobs j join datasets d on d.id = j.dataset_id
    where j.max_responses = 2 order by j.id desc limit 200`);
  return {
    runs: runs.map((run) => ({ ...run, evalSets: evalSets.filter((e) => e.runId === run.id).map(({ id, name }) => ({ id, name })) })),
    jobs,
  };
}
