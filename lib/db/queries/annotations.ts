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
  annotationReveals,
  annotations,
  annotationSets,
  type AnnotationItemRow,
  type AnnotationSetKind,
  type AnnotationSetRow,
  type HumanChoice,
} from "../schema";

export type ItemDraft = Omit<AnnotationItemRow, "id" | "setId">;

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
  /** Items with at least one person's label (imported labels not counted). */
  labelledItems: number;
  /** Items with all the labels the set wants (labels per item), by people. */
  completeItems: number;
  /** Labels given by people (skips not counted), and every label including imported ones. */
  humanLabels: number;
  labels: number;
  annotators: number;
};

/** Every set, newest first, with its labelling progress, labels and annotators (one aggregate query). */
export function listAnnotationSets(db: Queryable): AnnotationSetListRow[] {
  return db.all(sql`
    with per_item as (
      select a.set_id, a.item_id, sum(a.imported = 0) as human from annotations a
      where a.choice != 'skip' group by a.set_id, a.item_id)
    select s.id, s.name, s.kind, s.run_id as runId, s.dataset_id as datasetId, s.judge_job_id as judgeJobId,
      s.iteration, s.labels_per_item as labelsPerItem, s.seed, s.description, s.item_count as itemCount,
      s.created_at as createdAt, r.name as runName,
      (select count(*) from per_item p where p.set_id = s.id and p.human > 0) as labelledItems,
      (select count(*) from per_item p where p.set_id = s.id and p.human >= s.labels_per_item) as completeItems,
      (select coalesce(sum(p.human), 0) from per_item p where p.set_id = s.id) as humanLabels,
      (select count(*) from annotations a where a.set_id = s.id and a.choice != 'skip') as labels,
      (select count(distinct a.annotator) from annotations a where a.set_id = s.id) as annotators
    from annotation_sets s left join runs r on r.id = s.run_id
    order by s.id desc`);
}

/** A run's training-pair sets that have a label (the run page's agreement chart pools them; one indexed lookup when there are none). */
export function labelledTrainingSets(db: Queryable, runId: number): Pick<AnnotationSetRow, "id" | "kind" | "runId" | "datasetId">[] {
  return db.all(sql`
    select s.id, s.kind, s.run_id as runId, s.dataset_id as datasetId from annotation_sets s
    where s.run_id = ${runId} and s.kind = 'training-pairs'
      and exists (select 1 from annotations a where a.set_id = s.id and a.choice != 'skip')
    order by s.id`);
}

export function deleteAnnotationSet(db: Queryable, id: number): boolean {
  return db.delete(annotationSets).where(eq(annotationSets.id, id)).run().changes > 0;
}

// ---------------------------------------------------------------------------------------------
// Labelling

export type QueueItem = Pick<AnnotationItemRow, "id" | "position" | "prompt" | "swapped"> & { left: string; right: string };

const needsAnnotator = (setId: number, labelsPerItem: number, annotator: string) => sql`
  i.set_id = ${setId}
  and not exists (select 1 from annotations a where a.item_id = i.id and a.annotator = ${annotator})
  and (select count(*) from annotations a where a.item_id = i.id and a.choice != 'skip' and a.imported = 0) < ${labelsPerItem}`;

/**
 * The next item for `annotator`: among the items they have not answered (a skip counts as
 * answered) that have fewer than the set's labels-per-item from people (imported labels do not
 * count), the one `pick` chooses from their ids (the labelling loop uses an order of its own per
 * person, so two people labelling at once rarely meet on an item).
 */
export function nextQueueItem(
  db: Queryable,
  set: Pick<AnnotationSetRow, "id" | "labelsPerItem">,
  annotator: string,
  pick: (ids: readonly number[]) => number | undefined = (ids) => ids[0],
): QueueItem | null {
  const ids = db
    .all<{ id: number }>(
      sql`select i.id from annotation_items i where ${needsAnnotator(set.id, set.labelsPerItem, annotator)} order by i.position`,
    )
    .map((r) => r.id);
  const id = pick(ids);
  return id === undefined ? null : queueItemById(db, set.id, id);
}

/** How many items are still waiting for `annotator` (the queue's length). */
export function queueLength(db: Queryable, set: Pick<AnnotationSetRow, "id" | "labelsPerItem">, annotator: string): number {
  return db.get<{ n: number }>(
    sql`select count(*) as n from annotation_items i where ${needsAnnotator(set.id, set.labelsPerItem, annotator)}`,
  )!.n;
}

/** One item as an annotator sees it (the next one, or the one an undo goes back to). */
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

/**
 * Writes one label now; the same annotator answering the same item again replaces their answer (no
 * duplicate). A label is blind unless this person has already seen the item's hidden labels (they
 * answered it, saw the reveal, undid and answered again). An answer that is not a skip records that
 * they have now seen them. Answers whether the stored label is blind.
 */
export function saveLabel(
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
): { blind: boolean } {
  return db.transaction((tx) => {
    const at = Date.now();
    const seen = tx.get<{ n: number }>(
      sql`select count(*) as n from annotation_reveals where item_id = ${label.itemId} and annotator = ${label.annotator}`,
    )!.n;
    const blind = seen === 0;
    tx.insert(annotations)
      .values({ ...label, imported: false, blind, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: [annotations.itemId, annotations.annotator],
        set: {
          choice: label.choice,
          swapped: label.swapped,
          note: label.note,
          timeMs: label.timeMs,
          imported: false,
          blind,
          updatedAt: at,
        },
      })
      .run();
    if (label.choice !== "skip")
      tx.insert(annotationReveals).values({ itemId: label.itemId, annotator: label.annotator, createdAt: at }).onConflictDoNothing().run();
    return { blind };
  });
}

/** True when `annotator` is the name of a set's imported labels (a person cannot label under it). */
export function isImportedAnnotator(db: Queryable, setId: number, annotator: string): boolean {
  return (
    db.get<{ n: number }>(sql`select count(*) as n from annotations where set_id = ${setId} and annotator = ${annotator} and imported = 1`)!
      .n > 0
  );
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

// ---------------------------------------------------------------------------------------------
// Reads for the set page

/** A label as the numbers use it: blind labels only (one given after seeing the item's reveal is left out). */
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
    where a.set_id = ${setId} and a.choice != 'skip' and a.blind = 1
    order by a.item_id, a.annotator`,
    )
    .map((row) => ({ ...row, imported: Boolean(row.imported) }));
}

export type AnnotatorProgress = {
  annotator: string;
  imported: boolean;
  answered: number;
  skipped: number;
  /** Labels given after seeing the item's reveal (undo, then answer again): kept, but left out of the numbers. */
  notBlind: number;
  medianMs: number | null;
};

/** Per annotator: items answered and skipped, labels that are not blind, and the middle of their answer times. */
export function annotatorProgress(db: Queryable, setId: number): AnnotatorProgress[] {
  const rows = db.all<{ annotator: string; imported: number; answered: number; skipped: number; notBlind: number }>(sql`
    select annotator, max(imported) as imported, sum(choice != 'skip') as answered, sum(choice = 'skip') as skipped,
      sum(choice != 'skip' and blind = 0) as notBlind
    from annotations where set_id = ${setId} group by annotator order by annotator`);
  return rows.map((row) => ({ ...row, imported: Boolean(row.imported), medianMs: medianAnswerMs(db, setId, row.annotator) }));
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
  blind: boolean;
  labelledAt: number;
};

/** Every label of a set for the exports, in item order (a set is bounded). */
export function exportLabelRows(db: Queryable, setId: number): ExportLabelRow[] {
  return db
    .all<Omit<ExportLabelRow, "imported" | "blind" | "shownOrder"> & { imported: number; blind: number; swapped: number }>(
      sql`
    select i.position, i.source_key as sourceKey, i.category, i.filter_status as filterStatus, i.reference,
      a.annotator, a.choice, a.swapped, a.time_ms as timeMs, a.note, a.imported, a.blind, a.updated_at as labelledAt
    from annotations a join annotation_items i on i.id = a.item_id
    where a.set_id = ${setId}
    order by i.position, a.annotator`,
    )
    .map(({ swapped, imported, blind, ...row }) => ({
      ...row,
      imported: Boolean(imported),
      blind: Boolean(blind),
      shownOrder: swapped ? "second-left" : "first-left",
    }));
}

/** Some items of a set with their texts, in set order, for the disagreement list and the exports. */
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

/** A set's items with what they point at (pair, dataset item), to join the judges' verdicts. */
export function setItemSources(
  db: Queryable,
  setId: number,
  onlyItemId?: number,
): { id: number; pairId: number | null; datasetItemId: number | null }[] {
  return db.all(sql`
    select id, pair_id as pairId, dataset_item_id as datasetItemId from annotation_items
    where set_id = ${setId} ${onlyItemId === undefined ? sql`` : sql`and id = ${onlyItemId}`}`);
}

export type SetProgress = { labelledItems: number; completeItems: number; humanLabels: number; labelSlots: number; notBlind: number };

/**
 * A set's labelling progress by people (imported labels and skips not counted): items with a
 * label, items with all the labels the set wants, labels given, the labels that count towards the
 * target (at most labels-per-item per item), and labels given after a reveal (not blind).
 */
export function setProgress(db: Queryable, set: Pick<AnnotationSetRow, "id" | "labelsPerItem">): SetProgress {
  return db.get<SetProgress>(sql`
    with per_item as (
      select item_id, count(*) as n from annotations
      where set_id = ${set.id} and choice != 'skip' and imported = 0 group by item_id)
    select count(*) as labelledItems,
      coalesce(sum(n >= ${set.labelsPerItem}), 0) as completeItems,
      coalesce(sum(n), 0) as humanLabels,
      coalesce(sum(min(n, ${set.labelsPerItem})), 0) as labelSlots,
      (select count(*) from annotations where set_id = ${set.id} and choice != 'skip' and blind = 0) as notBlind
    from per_item`)!;
}

/** Items that have all the labels the set wants from people (their results may be shown without spoiling anyone's labelling). */
export function completeItemIds(db: Queryable, set: Pick<AnnotationSetRow, "id" | "labelsPerItem">): Set<number> {
  return new Set(
    db
      .all<{ id: number }>(
        sql`select item_id as id from annotations where set_id = ${set.id} and choice != 'skip' and imported = 0
            group by item_id having count(*) >= ${set.labelsPerItem}`,
      )
      .map((r) => r.id),
  );
}
