/**
 * Import data under a name, or under "name (2)", "name (3)"… when the name is taken; when the same
 * content was imported before (under any name, as the same kind), use that dataset instead of
 * storing it twice. The judging API's batches and the CLI's `judge` bring data this way.
 */
import type { Db } from "@/lib/db/client";
import { findDatasetByName, getDatasetById } from "@/lib/db/queries/datasets";
import type { DatasetRow } from "@/lib/db/schema";
import { importDataset, ImportFailure, type ImportRequest } from "./import-dataset";

export type ImportedOrReused = { dataset: DatasetRow; reused: boolean };

const MAX_TRIES = 100;

export async function importOrReuse(db: Db, request: Omit<ImportRequest, "name">, baseName: string): Promise<ImportedOrReused> {
  const base = baseName.trim().slice(0, 110) || "data";
  for (let n = 1; n <= MAX_TRIES; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    if (findDatasetByName(db, name)) continue;
    try {
      const summary = await importDataset(db, { ...request, name });
      return { dataset: getDatasetById(db, summary.datasetId)!, reused: false };
    } catch (error) {
      if (!(error instanceof ImportFailure)) throw error;
      // Another process took the name between the check and the import: take the next one.
      if (error.reason === "name_taken") continue;
      const existing = error.reason === "duplicate_content" && error.existing ? getDatasetById(db, error.existing.id) : undefined;
      if (existing) return { dataset: existing, reused: true };
      throw error;
    }
  }
  throw new ImportFailure("name_taken", `Too many datasets are named "${base} (n)"; pick another name`, [], 0, {
    name: "Pick another name",
  });
}
