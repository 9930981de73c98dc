// Exports of an annotation set (lib/annotation/set-exports.ts): labels.jsonl / labels.csv,
// disagreements.jsonl (pairs people think the construction got wrong) and pairs.jsonl (the items
// people decided, as an eval set to import).
import { stringify } from "csv-stringify/sync";
import {
  disagreementExportRows,
  LABEL_EXPORT_COLUMNS,
  labelExportRows,
  labelledPairRows,
  SET_EXPORT_KINDS,
  type SetExportKind,
} from "@/lib/annotation/set-exports";
import { getDb } from "@/lib/db/client";
import { getAnnotationSet } from "@/lib/db/queries/annotations";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Booleans as words, and text a spreadsheet would run as a formula (=, +, -, @ first) quoted with a leading apostrophe. */
const SPREADSHEET_SAFE = {
  boolean: (value: boolean) => (value ? "true" : "false"),
  string: (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value),
};

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; kind: string }> }): Promise<Response> {
  const { id, kind } = await params;
  const db = getDb();
  const set = /^\d+$/.test(id) ? getAnnotationSet(db, Number(id)) : undefined;
  if (!set) return errorResponse("not_found:labels", `No annotation set ${id}`);
  if (!(SET_EXPORT_KINDS as readonly string[]).includes(kind))
    return errorResponse("not_found:export", `Unknown export "${kind}" (${SET_EXPORT_KINDS.join(", ")})`);
  const which = kind as SetExportKind;
  if (which === "disagreements.jsonl" && set.kind === "judge-job")
    return errorResponse(
      "not_found:export",
      "A judge job's items have no constructed better response: export labels.jsonl or pairs.jsonl instead",
    );
  const rows: object[] =
    which === "disagreements.jsonl"
      ? disagreementExportRows(db, set)
      : which === "pairs.jsonl"
        ? labelledPairRows(db, set.id)
        : labelExportRows(db, set.id);
  const csv = which.endsWith(".csv");
  const body = csv
    ? stringify(rows as Record<string, unknown>[], { header: true, columns: [...LABEL_EXPORT_COLUMNS], cast: SPREADSHEET_SAFE })
    : rows.map((row) => JSON.stringify(row)).join("\n") + (rows.length > 0 ? "\n" : "");
  return new Response(body, {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="annotation-set-${set.id}-${which}"`,
      "cache-control": "no-store",
    },
  });
}
