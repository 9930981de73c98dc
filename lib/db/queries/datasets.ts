/**
 * SQL for datasets and their items: listing with counts, reading pages of items with search,
 * per-subset counts, and the import's writes (an "importing" dataset row, batched item inserts
 * through one prepared statement per batch transaction, the final "ready" flip, clean-up of a
 * crashed import). Counting happens in SQL, never by loading items.
 */
import "../server-only";
import { and, asc, count, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { AppError } from "@/lib/errors";
import { judgeJobsUsing, usedByRunsMessage } from "./in-use";
import type { Db, Queryable } from "../client";
import { datasetItems, datasets, runDatasets, runs, type ChatMessage, type DatasetKind, type DatasetRow } from "../schema";

export type DatasetListItem = Pick<
  typeof datasets.$inferSelect,
  "id" | "name" | "kind" | "source" | "format" | "rowCount" | "builtin" | "createdAt" | "description"
> & { subsetCount: number };

export function listDatasets(db: Queryable, filter: { kind?: DatasetKind } = {}): DatasetListItem[] {
  return db
    .select({
      id: datasets.id,
      name: datasets.name,
      kind: datasets.kind,
      source: datasets.source,
      format: datasets.format,
      rowCount: datasets.rowCount,
      builtin: datasets.builtin,
      createdAt: datasets.createdAt,
      description: datasets.description,
      subsetCount: sql<number>`(select count(distinct ${datasetItems.subset}) from ${datasetItems} where ${datasetItems.datasetId} = ${datasets.id})`,
    })
    .from(datasets)
    .where(and(eq(datasets.status, "ready"), filter.kind ? eq(datasets.kind, filter.kind) : undefined))
    .orderBy(desc(datasets.createdAt), desc(datasets.id))
    .all();
}

export function getDatasetById(db: Queryable, id: number): DatasetRow | undefined {
  return db
    .select()
    .from(datasets)
    .where(and(eq(datasets.id, id), eq(datasets.status, "ready")))
    .get();
}

export function findDatasetByName(db: Queryable, name: string): Pick<DatasetRow, "id" | "name" | "status" | "kind"> | undefined {
  return db
    .select({ id: datasets.id, name: datasets.name, status: datasets.status, kind: datasets.kind })
    .from(datasets)
    .where(eq(datasets.name, name))
    .get();
}

export function findDatasetByContent(
  db: Queryable,
  kind: DatasetKind,
  contentHash: string,
): Pick<DatasetRow, "id" | "name" | "createdAt"> | undefined {
  return db
    .select({ id: datasets.id, name: datasets.name, createdAt: datasets.createdAt })
    .from(datasets)
    .where(and(eq(datasets.kind, kind), eq(datasets.contentHash, contentHash)))
    .get();
}

export type SubsetCount = { subset: string | null; items: number };

export function countItemsBySubset(db: Queryable, datasetId: number): SubsetCount[] {
  return db
    .select({ subset: datasetItems.subset, items: count() })
    .from(datasetItems)
    .where(eq(datasetItems.datasetId, datasetId))
    .groupBy(datasetItems.subset)
    .orderBy(asc(datasetItems.subset))
    .all();
}

export function countItemsByCategory(db: Queryable, datasetId: number): { category: string | null; items: number }[] {
  return db
    .select({ category: datasetItems.category, items: count() })
    .from(datasetItems)
    .where(eq(datasetItems.datasetId, datasetId))
    .groupBy(datasetItems.category)
    .orderBy(desc(count()))
    .limit(50)
    .all();
}

export type ItemFilter = { query?: string; subset?: string };

function itemConditions(datasetId: number, filter: ItemFilter): SQL | undefined {
  const pattern = filter.query ? `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    eq(datasetItems.datasetId, datasetId),
    filter.subset ? eq(datasetItems.subset, filter.subset) : undefined,
    pattern
      ? or(
          sql`${datasetItems.prompt} like ${pattern} escape '\\'`,
          sql`${datasetItems.chosen} like ${pattern} escape '\\'`,
          sql`${datasetItems.rejected} like ${pattern} escape '\\'`,
          sql`${datasetItems.sourceId} like ${pattern} escape '\\'`,
        )
      : undefined,
  );
}

export type DatasetItemView = {
  id: number;
  position: number;
  sourceId: string;
  subset: string | null;
  category: string | null;
  prompt: string;
  chosen: string | null;
  rejected: string | null;
  /** Responses to judge: each response (clipped to 600 characters) and the label. */
  responses: string[] | null;
  label: string | null;
};

/** One page of items, texts clipped for the table (the full item is one click away). */
export function listDatasetItems(
  db: Queryable,
  datasetId: number,
  filter: ItemFilter,
  page: { limit: number; offset: number },
): DatasetItemView[] {
  const clip = (column: AnySQLiteColumn) => sql<string | null>`substr(${column}, 1, 600)`;
  return db
    .select({
      id: datasetItems.id,
      position: datasetItems.position,
      sourceId: datasetItems.sourceId,
      subset: datasetItems.subset,
      category: datasetItems.category,
      prompt: sql<string>`substr(${datasetItems.prompt}, 1, 600)`,
      chosen: clip(datasetItems.chosen),
      rejected: clip(datasetItems.rejected),
      responses: sql<string | null>`(select json_group_array(substr(value, 1, 600)) from json_each(${datasetItems.responses}))`,
      label: datasetItems.label,
    })
    .from(datasetItems)
    .where(itemConditions(datasetId, filter))
    .orderBy(asc(datasetItems.position))
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map((item) => ({ ...item, responses: item.responses && item.responses !== "[]" ? (JSON.parse(item.responses) as string[]) : null }));
}

export function countDatasetItems(db: Queryable, datasetId: number, filter: ItemFilter): number {
  return db.select({ n: count() }).from(datasetItems).where(itemConditions(datasetId, filter)).get()?.n ?? 0;
}

/** Runs that read this dataset, which keep it from being deleted. */
export function listRunsUsingDataset(db: Queryable, datasetId: number): { id: number; name: string }[] {
  return db
    .selectDistinct({ id: runs.id, name: runs.name })
    .from(runDatasets)
    .innerJoin(runs, eq(runs.id, runDatasets.runId))
    .where(eq(runDatasets.datasetId, datasetId))
    .orderBy(asc(runs.id))
    .all();
}

export function deleteDataset(db: Db, id: number): void {
  db.transaction((tx) => {
    const row = tx.select({ name: datasets.name }).from(datasets).where(eq(datasets.id, id)).get();
    if (!row) throw new AppError("not_found:dataset", `Dataset #${id} does not exist (it may have been deleted already)`);
    const users = listRunsUsingDataset(tx, id);
    if (users.length > 0) throw new AppError("conflict:dataset", usedByRunsMessage(row.name, users));
    const jobs = judgeJobsUsing(tx, "dataset_id", id);
    if (jobs.length > 0) throw new AppError("conflict:dataset", usedByRunsMessage(row.name, jobs, "judge job"));
    tx.delete(datasets).where(eq(datasets.id, id)).run();
  });
}

// ------------------------------------------------------------------------------- import writes

export function createImportingDataset(
  db: Queryable,
  values: {
    name: string;
    kind: DatasetKind;
    source: string;
    format: string;
    contentHash: string;
    description: string | null;
    responseNames?: string[] | null;
    builtin: boolean;
  },
): number {
  return db
    .insert(datasets)
    .values({ ...values, rowCount: 0, status: "importing", updatedAt: Date.now() })
    .returning({ id: datasets.id })
    .get().id;
}

export type ItemToInsert = {
  position: number;
  sourceId: string;
  subset: string | null;
  category: string | null;
  prompt: string;
  messages: ChatMessage[] | null;
  chosen: string | null;
  rejected: string | null;
  /** Responses to judge: the responses, and the label (best index or "tie") when there is one. */
  responses: string[] | null;
  label: string | null;
  metadata: Record<string, unknown> | null;
  contentHash: string;
};

/** Insert a batch of items in one transaction with one prepared statement (the import's hot path). */
export function createItemInserter(db: Db): (datasetId: number, items: readonly ItemToInsert[]) => void {
  const statement = db.$client.prepare(
    `insert into dataset_items (dataset_id, position, source_id, subset, category, prompt, messages, chosen, rejected, responses, label, metadata, content_hash)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const touch = db.$client.prepare(`update datasets set updated_at = ? where id = ?`);
  return db.$client.transaction((datasetId: number, items: readonly ItemToInsert[]) => {
    for (const item of items) {
      statement.run(
        datasetId,
        item.position,
        item.sourceId,
        item.subset,
        item.category,
        item.prompt,
        item.messages ? JSON.stringify(item.messages) : null,
        item.chosen,
        item.rejected,
        item.responses ? JSON.stringify(item.responses) : null,
        item.label,
        item.metadata ? JSON.stringify(item.metadata) : null,
        item.contentHash,
      );
    }
    touch.run(Date.now(), datasetId);
  });
}

export function finishDatasetImport(db: Queryable, id: number, rowCount: number): void {
  db.update(datasets).set({ status: "ready", rowCount, updatedAt: Date.now() }).where(eq(datasets.id, id)).run();
}

export function discardDatasetImport(db: Queryable, id: number): void {
  db.delete(datasets)
    .where(and(eq(datasets.id, id), eq(datasets.status, "importing")))
    .run();
}

/** Remove imports a crashed process left half-stored (untouched for `staleMs`). Returns how many. */
export function removeStaleImports(db: Queryable, staleMs = 5 * 60_000): number {
  return db
    .delete(datasets)
    .where(and(eq(datasets.status, "importing"), lt(datasets.updatedAt, Date.now() - staleMs)))
    .run().changes;
}

/**
 * Finds duplicate ids during an import's check pass in constant memory: ids go into a temporary
 * table (on disk, per connection) instead of a JavaScript set. `seen` answers the row where an id
 * first appeared, or null the first time.
 */
export function createIdChecker(db: Db): { seen: (id: string, position: number) => number | null; close: () => void } {
  // A bounded page cache for the temporary table (32 MB): fast, and memory stays flat whatever the file size.
  db.$client.pragma("temp.cache_size = -32768");
  db.$client.exec("create temp table if not exists import_ids (id text primary key, position integer not null) without rowid");
  db.$client.exec("delete from temp.import_ids");
  const insert = db.$client.prepare("insert into temp.import_ids (id, position) values (?, ?) on conflict do nothing");
  const lookup = db.$client.prepare("select position from temp.import_ids where id = ?").pluck();
  return {
    seen: (id, position) => (insert.run(id, position).changes === 0 ? (lookup.get(id) as number) : null),
    close: () => db.$client.exec("drop table if exists temp.import_ids"),
  };
}
