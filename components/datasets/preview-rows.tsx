"use client";
// The import preview's table: the first rows exactly as they will be stored, a problem marked on its row.
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ClampedText } from "./clamped-text";
import { labelText, ResponseList } from "./response-list";
import type { ImportPreview as Preview } from "@/lib/datasets/preview";
import type { DatasetKind } from "@/lib/db/schema";

function headings(kind: DatasetKind, hasBaseline: boolean): string[] {
  if (kind === "pairs") return ["Id", "Subset", "Prompt", "Chosen", "Rejected"];
  if (kind === "responses") return ["Id", "Category", "Prompt", "Responses", "Label"];
  return ["Id", "Category", "Instruction", ...(hasBaseline ? ["Baseline response"] : [])];
}

export function PreviewRows({ rows, kind, hasBaseline }: { rows: Preview["rows"]; kind: DatasetKind; hasBaseline: boolean }) {
  const columns = headings(kind, hasBaseline);
  const cell = (text: string | null) => (
    <TableCell className="min-w-44 max-w-xs text-xs">
      <ClampedText text={text ?? "—"} />
    </TableCell>
  );
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-medium">First {rows.length} rows as they will be stored</h3>
      <Table aria-label="Preview">
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHead key={c}>{c}</TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.index}>
              {row.problems.length > 0 || row.skipped ? (
                <TableCell colSpan={columns.length} className={row.skipped ? "text-muted-foreground" : "text-destructive"}>
                  Row {row.index}:{" "}
                  {row.skipped ? "a tie; skipped and counted" : row.problems.map((p) => `${p.field} ${p.message}`).join("; ")}
                </TableCell>
              ) : (
                <>
                  <TableCell className="font-mono text-xs">{row.sourceId}</TableCell>
                  <TableCell className="text-xs">{kind === "pairs" ? row.subset : (row.category ?? "—")}</TableCell>
                  <TableCell className="min-w-56 max-w-sm text-xs">
                    <ClampedText text={row.prompt} />
                  </TableCell>
                  {kind === "pairs" ? (
                    <>
                      {cell(row.chosen)}
                      {cell(row.rejected)}
                    </>
                  ) : kind === "responses" ? (
                    <>
                      <TableCell className="min-w-56 max-w-md text-xs">
                        <ResponseList responses={row.responses} />
                      </TableCell>
                      <TableCell className="text-xs">{labelText(row.label)}</TableCell>
                    </>
                  ) : hasBaseline ? (
                    cell(row.chosen)
                  ) : null}
                </>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
