/**
 * The preview shown before an import commits: the files and their format, the columns, the
 * detected (or chosen) mapping, and the first rows as they would be stored, with any problem in
 * them. Reads only the first rows; nothing is written.
 */
import type { DatasetKind } from "@/lib/db/schema";
import { ImportFailure, resolveMapping, sampleSource, type ImportProblem } from "./import-dataset";
import type { ColumnMapping } from "./mapping";
import { normalizeRecord, type FieldProblem } from "./normalize";
import type { StagedSource } from "./staging";

export const PREVIEW_ROWS = 10;

export type PreviewRow = {
  index: number;
  sourceId: string | null;
  subset: string | null;
  category: string | null;
  prompt: string | null;
  chosen: string | null;
  rejected: string | null;
  /** Responses to judge: each response (clipped) and the label (best index or "tie"). */
  responses: string[] | null;
  label: string | null;
  skipped: "tie" | null;
  problems: FieldProblem[];
};

export type ImportPreview = {
  files: { label: string; format: string; gzip: boolean }[];
  columns: string[];
  layout: string | null;
  kind: DatasetKind | null;
  mapping: ColumnMapping | null;
  mappingError: { message: string; fieldErrors: Record<string, string> } | null;
  rows: PreviewRow[];
  problems: ImportProblem[];
  suggestedName: string;
};

const clip = (text: string | null) => (text && text.length > 240 ? `${text.slice(0, 240)}…` : text);

export async function previewStaged(
  staged: StagedSource,
  options: { kind?: DatasetKind; mapping?: Partial<Omit<ColumnMapping, "kind">>; name?: string } = {},
): Promise<ImportPreview> {
  const first = staged.files[0]!;
  const sampled = await sampleSource(first, PREVIEW_ROWS);
  const base: ImportPreview = {
    files: staged.files.map((file) => ({ label: file.label, format: file.format, gzip: file.gzip })),
    columns: sampled.columns,
    layout: null,
    kind: options.kind ?? null,
    mapping: null,
    mappingError: null,
    rows: [],
    problems: sampled.problems,
    suggestedName: staged.suggestedName,
  };
  let resolved: { mapping: ColumnMapping; layout: string };
  try {
    resolved = resolveMapping(sampled, options.kind, options.mapping);
  } catch (error) {
    if (!(error instanceof ImportFailure)) throw error;
    return { ...base, mappingError: { message: error.message, fieldErrors: error.fieldErrors ?? {} } };
  }
  const defaultSubset = resolved.mapping.kind === "pairs" ? options.name?.trim() || staged.suggestedName : null;
  const rows = sampled.sample.map((record, index): PreviewRow => {
    const result = normalizeRecord(record, resolved.mapping, { index, defaultSubset });
    if ("item" in result) {
      const { item } = result;
      return {
        index,
        sourceId: item.sourceId,
        subset: item.subset,
        category: item.category,
        prompt: clip(item.prompt),
        chosen: clip(item.chosen),
        rejected: clip(item.rejected),
        responses: item.responses?.map((r) => clip(r)!) ?? null,
        label: item.label,
        skipped: null,
        problems: [],
      };
    }
    return {
      index,
      sourceId: null,
      subset: null,
      category: null,
      prompt: null,
      chosen: null,
      rejected: null,
      responses: null,
      label: null,
      skipped: "skip" in result ? "tie" : null,
      problems: "problems" in result ? result.problems : [],
    };
  });
  return { ...base, layout: resolved.layout, kind: resolved.mapping.kind, mapping: resolved.mapping, rows };
}
