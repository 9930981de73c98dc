/**
 * SQL for the datasets list: each dataset with its row count and number of subsets,
 * counted in SQL (never by loading items).
 */
import { desc, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { datasetItems, datasets } from "../schema";

export type DatasetListItem = Pick<
  typeof datasets.$inferSelect,
  "id" | "name" | "kind" | "source" | "format" | "rowCount" | "builtin" | "createdAt"
> & { subsetCount: number };

export function listDatasets(db: Queryable): DatasetListItem[] {
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
      subsetCount: sql<number>`(select count(distinct ${datasetItems.subset}) from ${datasetItems} where ${datasetItems.datasetId} = ${datasets.id})`,
    })
    .from(datasets)
    .orderBy(desc(datasets.createdAt), desc(datasets.id))
    .all();
}
