"use client";
// The import preview's table: the first rows exactly as they will be stored, a problem marked on its row.
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ClampedText } from "./clamped-text";
import type { ImportPreview as Preview } from "@/lib/datasets/preview";

export function PreviewRows({ rows, showPairs, hasBaseline }: { rows: Preview["rows"]; showPairs: boolean; hasBaseline: boolean }) {
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-medium">First {rows.length} rows as they will be stored</h3>
      <Table aria-label="Preview">
        <TableHeader>
          <TableRow>
            <TableHead>Id</TableHead>
            {showPairs ? <TableHead>Subset</TableHead> : <TableHead>Category</TableHead>}
            <TableHead>{showPairs ? "Prompt" : "Instruction"}</TableHead>
            {showPairs ? <TableHead>Chosen</TableHead> : hasBaseline ? <TableHead>Baseline response</TableHead> : null}
            {showPairs ? <TableHead>Rejected</TableHead> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.index}>
              {row.problems.length > 0 || row.skipped ? (
                <TableCell
                  colSpan={showPairs ? 5 : hasBaseline ? 4 : 3}
                  className={row.skipped ? "text-muted-foreground" : "text-destructive"}
                >
                  Row {row.index}:{" "}
                  {row.skipped ? "a tie; skipped and counted" : row.problems.map((p) => `${p.field} ${p.message}`).join("; ")}
                </TableCell>
              ) : (
                <>
                  <TableCell className="font-mono text-xs">{row.sourceId}</TableCell>
                  <TableCell className="text-xs">{showPairs ? row.subset : (row.category ?? "—")}</TableCell>
                  <TableCell className="min-w-56 max-w-sm text-xs">
                    <ClampedText text={row.prompt} />
                  </TableCell>
                  {showPairs || hasBaseline ? (
                    <TableCell className="min-w-44 max-w-xs text-xs">
                      <ClampedText text={row.chosen ?? "—"} />
                    </TableCell>
                  ) : null}
                  {showPairs ? (
                    <TableCell className="min-w-44 max-w-xs text-xs">
                      <ClampedText text={row.rejected} />
                    </TableCell>
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
