/**
 * Imports a dataset, all or nothing, in constant memory (docs/architecture.md, "Datasets"):
 * 1. resolve the column mapping (detected from the first rows, overridden by the caller);
 * 2. check pass: stream every row, validate it, hash it; collect the first 20 problems (each naming
 *    the file, the line or row, and the field) and count them all; nothing is written;
 * 3. if anything is wrong, or the same content was imported before, stop with that report;
 * 4. store pass: stream again and insert in batched transactions under an "importing" dataset row
 *    that becomes "ready" at the end (a crash mid-way leaves a row that start-up removes).
 * Progress (rows, bytes, rows/s) is reported throughout. Shared by the Datasets page and the CLI.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { Db } from "@/lib/db/client";
import {
  createIdChecker,
  createImportingDataset,
  createItemInserter,
  discardDatasetImport,
  findDatasetByContent,
  findDatasetByName,
  finishDatasetImport,
  type ItemToInsert,
} from "@/lib/db/queries/datasets";
import type { DatasetKind } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import { labelColumns } from "./label-schemes";
import { columnMappingSchema, detectMapping, fieldLabels, type ColumnMapping, type MappingField } from "./mapping";
import { normalizeRecord, type NormalizedItem } from "./normalize";
import { readRecords } from "./readers";
import { parquetColumns } from "./readers/parquet";
import { SourceError, type SourceFile } from "./source-file";

export const MAX_REPORTED_PROBLEMS = 20;
const BATCH_SIZE = 2000;
const SAMPLE_ROWS = 20;

export type ImportProblem = { file: string; location: string; field?: string; message: string };

export type ImportFailureCode =
  "invalid_rows" | "unreadable" | "no_rows" | "no_mapping" | "duplicate_content" | "name_taken" | "bad_name" | "canceled";

/** Reasons that mean the data is already there (or the name is), not that it is wrong. */
const conflictReasons = new Set<ImportFailureCode>(["duplicate_content", "name_taken"]);

/** Why an import stored nothing, with the first problems and how many there were. */
export class ImportFailure extends AppError {
  constructor(
    readonly reason: ImportFailureCode,
    message: string,
    readonly problems: ImportProblem[] = [],
    readonly totalProblems = problems.length,
    fieldErrors?: Record<string, string>,
    /** duplicate_content: the dataset that already holds this content. */
    readonly existing: { id: number; name: string } | null = null,
  ) {
    super(conflictReasons.has(reason) ? "conflict:dataset" : "bad_request:dataset", message, { fieldErrors });
    this.name = "ImportFailure";
  }
}

export function formatProblem(problem: ImportProblem): string {
  return `${problem.file}, ${problem.location}${problem.field ? `, field "${problem.field}"` : ""}: ${problem.message}`;
}

export type ImportProgress = {
  phase: "checking" | "storing";
  rows: number;
  bytes: number;
  totalBytes: number;
  rowsPerSecond: number;
  elapsedMs: number;
};

export type ImportRequest = {
  files: SourceFile[];
  name: string;
  kind?: DatasetKind;
  /** Fields set here override the detected mapping. */
  mapping?: Partial<Omit<ColumnMapping, "kind">>;
  /** Where it came from, shown in the datasets list. */
  source: string;
  description?: string | null;
  /** Responses to judge: what each response is (e.g. the two systems compared); default: the two response columns' names. */
  responseNames?: string[] | null;
  builtin?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
};

export type ImportSummary = {
  datasetId: number;
  name: string;
  kind: DatasetKind;
  rows: number;
  skippedTies: number;
  mapping: ColumnMapping;
  layout: string;
  durationMs: number;
  rowsPerSecond: number;
};

export type SampledSource = { columns: string[]; sample: Record<string, unknown>[]; problems: ImportProblem[] };

/** A reader's fatal error ("file.csv, line 3: …" or "file.csv: …") as a problem with its location. */
function problemFromSourceError(file: SourceFile, error: SourceError): ImportProblem {
  const prefix = `${file.label}, `;
  if (error.message.startsWith(prefix)) {
    const rest = error.message.slice(prefix.length);
    const colon = rest.indexOf(": ");
    if (colon !== -1) return { file: file.label, location: rest.slice(0, colon), message: rest.slice(colon + 2) };
  }
  return {
    file: file.label,
    location: "file",
    message: error.message.startsWith(`${file.label}: `) ? error.message.slice(file.label.length + 2) : error.message,
  };
}

/** The columns and first rows of a file (for detection and previews). */
export async function sampleSource(file: SourceFile, rows = SAMPLE_ROWS): Promise<SampledSource> {
  const sample: Record<string, unknown>[] = [];
  const problems: ImportProblem[] = [];
  const columns = new Set<string>(file.format === "parquet" ? await parquetColumns(file.path).catch(() => []) : []);
  const reader = readRecords(file);
  try {
    for await (const record of reader) {
      if ("error" in record) problems.push({ file: file.label, location: record.location, message: record.error });
      else if (record.value && typeof record.value === "object" && !Array.isArray(record.value)) {
        sample.push(record.value as Record<string, unknown>);
        for (const key of Object.keys(record.value)) columns.add(key);
      } else problems.push({ file: file.label, location: record.location, message: "expected an object with named fields" });
      if (sample.length + problems.length >= rows) break;
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    problems.push(problemFromSourceError(file, error));
  } finally {
    await reader.return(undefined);
  }
  return { columns: [...columns], sample, problems };
}

/** The mapping to use: detected, then overridden, then validated (naming the fields to fix). */
export function resolveMapping(
  sampled: SampledSource,
  kind: DatasetKind | undefined,
  overrides: Partial<Omit<ColumnMapping, "kind">> = {},
): { mapping: ColumnMapping; layout: string } {
  const detected = detectMapping(sampled.columns, sampled.sample, kind);
  const resolvedKind = kind ?? detected?.mapping.kind;
  if (!resolvedKind) {
    throw new ImportFailure(
      "no_mapping",
      `Could not tell what the columns mean (columns: ${sampled.columns.join(", ") || "none"}). Choose the kind and map the columns.`,
    );
  }
  const base = detected && detected.mapping.kind === resolvedKind ? detected.mapping : { kind: resolvedKind };
  const merged: Record<string, unknown> = { kind: resolvedKind };
  for (const [field, column] of Object.entries(base)) if (column !== undefined && field !== "kind") merged[field] = column;
  for (const [field, column] of Object.entries(overrides)) {
    if (column === undefined) continue;
    if (column === null || column === "") delete merged[field];
    else merged[field] = column;
  }
  const parsed = columnMappingSchema.safeParse(merged);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    throw new ImportFailure("no_mapping", `Map the columns: ${Object.values(fieldErrors).join("; ")}`, [], 0, fieldErrors);
  }
  const mapping = Object.fromEntries(Object.entries(parsed.data).filter(([, column]) => column !== undefined)) as ColumnMapping;
  const missing = (Object.entries(mapping) as [string, string][])
    .filter(([field]) => field !== "kind" && field !== "labelScheme")
    .flatMap(([field, column]) =>
      field === "label" || field === "prompt" ? labelColumns(column).map((c) => [field, c] as const) : [[field, column] as const],
    )
    .filter(([, column]) => !sampled.columns.includes(column));
  if (missing.length > 0 && sampled.columns.length > 0) {
    const fieldErrors = Object.fromEntries(missing.map(([field, column]) => [field, `There is no column "${column}" in the file`]));
    throw new ImportFailure(
      "no_mapping",
      `${missing.map(([field, column]) => `The ${fieldLabels[field as MappingField]} column "${column}"`).join(", ")} ${missing.length === 1 ? "is" : "are"} not in the file (its columns: ${sampled.columns.join(", ")})`,
      [],
      0,
      fieldErrors,
    );
  }
  const sameAsDetected =
    detected &&
    Object.keys({ ...detected.mapping, ...mapping }).every(
      (key) => detected.mapping[key as keyof ColumnMapping] === mapping[key as keyof ColumnMapping],
    );
  const layout = sameAsDetected ? detected.layout : "custom column mapping";
  return { mapping, layout };
}

/** Check a dataset name: present, short, not taken. */
export function checkDatasetName(db: Db, name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new ImportFailure("bad_name", "Give the dataset a name", [], 0, { name: "Give the dataset a name" });
  if (trimmed.length > 120)
    throw new ImportFailure("bad_name", "A dataset name can be at most 120 characters", [], 0, { name: "At most 120 characters" });
  const taken = findDatasetByName(db, trimmed);
  if (taken) {
    const message =
      taken.status === "importing"
        ? `A dataset named "${trimmed}" is being imported right now`
        : `A dataset named "${trimmed}" already exists`;
    throw new ImportFailure("name_taken", message, [], 0, { name: `${message}; pick another name` });
  }
  return trimmed;
}

type Visit = (item: NormalizedItem, position: number, where: { file: string; location: string }) => void;

/** Stream every row of every file through the mapping; returns counts, reports problems. */
async function scan(
  files: SourceFile[],
  mapping: ColumnMapping,
  defaultSubset: string | null,
  visit: Visit,
  report: (problem: ImportProblem) => void,
  progress: (rows: number, bytes: number) => void,
  signal?: AbortSignal,
): Promise<{ rows: number; skippedTies: number }> {
  let rows = 0;
  let skippedTies = 0;
  let position = 0;
  let bytesBefore = 0;
  for (const file of files) {
    let fileBytes = 0;
    const reader = readRecords(file, (bytes) => {
      fileBytes = bytes;
      progress(rows, bytesBefore + bytes);
    });
    try {
      for await (const record of reader) {
        if (signal?.aborted) throw new ImportFailure("canceled", "The import was canceled; nothing was stored");
        if ("error" in record) {
          report({ file: file.label, location: record.location, message: record.error });
          continue;
        }
        const result = normalizeRecord(record.value, mapping, { index: position, defaultSubset });
        if ("problems" in result) {
          for (const problem of result.problems)
            report({ file: file.label, location: record.location, field: problem.field, message: problem.message });
        } else if ("skip" in result) {
          skippedTies++;
        } else {
          visit(result.item, position, { file: file.label, location: record.location });
          rows++;
          position++;
        }
      }
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      report(problemFromSourceError(file, error));
    }
    bytesBefore += fileBytes;
  }
  return { rows, skippedTies };
}

/** resolveMapping, with the file named in its refusal. */
function resolveMappingOf(label: string, ...args: Parameters<typeof resolveMapping>): ReturnType<typeof resolveMapping> {
  try {
    return resolveMapping(...args);
  } catch (error) {
    if (error instanceof ImportFailure && !error.message.startsWith(label))
      throw new ImportFailure(error.reason, `${label}: ${error.message}`, error.problems, error.totalProblems, error.fieldErrors);
    throw error;
  }
}

/** The first file's first rows, read to detect (or check) the column mapping; refused when they cannot be read. */
async function mappingOfFirstFile(request: ImportRequest): Promise<{ mapping: ColumnMapping; layout: string }> {
  const first = request.files[0]!;
  const sampled = await sampleSource(first);
  if (sampled.sample.length === 0 && sampled.problems.length > 0)
    throw new ImportFailure(
      "unreadable",
      `${first.label} could not be read`,
      sampled.problems.slice(0, MAX_REPORTED_PROBLEMS),
      sampled.problems.length,
    );
  if (sampled.sample.length === 0)
    throw new ImportFailure("no_rows", `${first.label} has no rows: it holds only blank lines or an empty list`);
  return resolveMappingOf(first.label, sampled, request.kind, request.mapping);
}

export async function importDataset(db: Db, request: ImportRequest): Promise<ImportSummary> {
  const started = performance.now();
  if (request.files.length === 0) throw new ImportFailure("unreadable", "Nothing to import: no files");
  const name = checkDatasetName(db, request.name);

  const { mapping, layout } = await mappingOfFirstFile(request);
  const kind = mapping.kind;
  const defaultSubset = kind === "pairs" ? name : null;
  const totalBytes = request.files.reduce((sum, file) => sum + fileSize(file), 0);

  let lastReport = 0;
  const progress =
    (phase: ImportProgress["phase"]) =>
    (rows: number, bytes: number, force = false) => {
      const now = performance.now();
      if (!force && now - lastReport < 200) return;
      lastReport = now;
      const elapsedMs = now - started;
      request.onProgress?.({
        phase,
        rows,
        bytes,
        totalBytes,
        rowsPerSecond: elapsedMs > 0 ? Math.round((rows / elapsedMs) * 1000) : 0,
        elapsedMs,
      });
    };

  // ---- check pass: validate and hash everything, write nothing.
  const problems: ImportProblem[] = [];
  let totalProblems = 0;
  const report = (problem: ImportProblem) => {
    totalProblems++;
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(problem);
  };
  const datasetHash = createHash("sha256").update(kind);
  // Duplicate ids are found through a temporary table, not a set in memory.
  const ids = createIdChecker(db);
  const checkProgress = progress("checking");
  let checked: { rows: number; skippedTies: number };
  try {
    checked = await scan(
      request.files,
      mapping,
      defaultSubset,
      (item, position, where) => {
        datasetHash.update(item.contentHash);
        const first = ids.seen(item.sourceId, position);
        if (first !== null)
          report({
            ...where,
            field: mapping.id ?? "id",
            message: `duplicate id ${JSON.stringify(item.sourceId)} (row ${first} has it too)`,
          });
      },
      report,
      checkProgress,
      request.signal,
    );
  } finally {
    ids.close();
  }
  if (totalProblems > 0) {
    throw new ImportFailure(
      "invalid_rows",
      `${totalProblems} problem${totalProblems === 1 ? "" : "s"} found; nothing was imported`,
      problems,
      totalProblems,
    );
  }
  if (checked.rows === 0) {
    throw new ImportFailure(
      "no_rows",
      checked.skippedTies > 0 ? `All ${checked.skippedTies} rows are ties; nothing to import` : "The file has no rows to import",
    );
  }
  const contentHash = datasetHash.digest("hex");
  const same = findDatasetByContent(db, kind, contentHash);
  if (same) {
    throw new ImportFailure(
      "duplicate_content",
      `This content was already imported as "${same.name}" (#${same.id}); nothing was stored twice`,
      [],
      0,
      undefined,
      { id: same.id, name: same.name },
    );
  }

  // ---- store pass: insert in batches under an "importing" row.
  const datasetId = createImportingDataset(db, {
    name,
    kind,
    source: request.source,
    format: request.files[0]!.format + (request.files[0]!.gzip ? "+gzip" : ""),
    contentHash,
    description: request.description ?? null,
    responseNames:
      request.responseNames ?? (mapping.kind === "responses" && mapping.responseA ? [mapping.responseA, mapping.responseB!] : null),
    builtin: request.builtin ?? false,
  });
  const insert = createItemInserter(db);
  const storeProgress = progress("storing");
  let batch: ItemToInsert[] = [];
  let stored = 0;
  try {
    await scan(
      request.files,
      mapping,
      defaultSubset,
      (item, position) => {
        batch.push({ ...item, position });
        if (batch.length >= BATCH_SIZE) {
          insert(datasetId, batch);
          stored += batch.length;
          batch = [];
        }
      },
      (problem) => {
        throw new Error(`The file changed while it was being imported (${formatProblem(problem)})`);
      },
      (_rows, bytes) => storeProgress(stored, bytes),
      request.signal,
    );
    if (batch.length > 0) insert(datasetId, batch);
    stored += batch.length;
    finishDatasetImport(db, datasetId, stored);
  } catch (error) {
    discardDatasetImport(db, datasetId);
    throw error;
  }
  storeProgress(stored, totalBytes, true);
  const durationMs = Math.round(performance.now() - started);
  return {
    datasetId,
    name,
    kind,
    rows: stored,
    skippedTies: checked.skippedTies,
    mapping,
    layout,
    durationMs,
    rowsPerSecond: Math.round((stored / Math.max(1, durationMs)) * 1000),
  };
}

function fileSize(file: SourceFile): number {
  try {
    return fs.statSync(file.path).size;
  } catch {
    return 0;
  }
}
