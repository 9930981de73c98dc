// Dataset queries: deletion is refused while a run uses the dataset, naming the run; items page and search.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  countDatasetItems,
  createImportingDataset,
  deleteDataset,
  getDatasetById,
  listDatasetItems,
  removeStaleImports,
} from "@/lib/db/queries/datasets";
import { datasets } from "@/lib/db/schema";
import { createTempDb, type TempDb } from "../helpers/temp-db";
import { seedRunWithPair } from "../helpers/seed-rows";

let temp: TempDb;
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.close());

describe("dataset queries", () => {
  it("refuse to delete a dataset a run uses, naming the run", () => {
    const { dataset, run } = seedRunWithPair(temp.db);
    expect(() => deleteDataset(temp.db, dataset.id)).toThrow(`"pool" is used by run "${run.name}" (#${run.id}); delete that run first`);
    expect(getDatasetById(temp.db, dataset.id)).toMatchObject({ id: dataset.id, name: "pool" });
  });

  it("search items by text with LIKE wildcards escaped", () => {
    const { dataset } = seedRunWithPair(temp.db);
    expect(countDatasetItems(temp.db, dataset.id, { query: "WAL" })).toBe(1);
    expect(countDatasetItems(temp.db, dataset.id, { query: "%" })).toBe(0);
    expect(listDatasetItems(temp.db, dataset.id, {}, { limit: 10, offset: 0 }).map((i) => i.prompt)).toEqual(["Explain WAL mode."]);
  });

  it("remove only stale unfinished imports", () => {
    const stale = temp.db
      .insert(datasets)
      .values({
        name: "half",
        kind: "pairs",
        source: "x",
        format: "jsonl",
        contentHash: "a",
        rowCount: 0,
        status: "importing",
        updatedAt: Date.now() - 10 * 60_000,
      })
      .returning()
      .get();
    // An import in progress, as the importer creates it.
    createImportingDataset(temp.db, {
      name: "busy",
      kind: "pairs",
      source: "x",
      format: "jsonl",
      contentHash: "b",
      description: null,
      builtin: false,
    });
    expect(removeStaleImports(temp.db)).toBe(1);
    expect(
      temp.db
        .select()
        .from(datasets)
        .all()
        .map((d) => d.name),
    ).toEqual(["busy"]);
    expect(stale.id).toBeGreaterThan(0);
  });
});
