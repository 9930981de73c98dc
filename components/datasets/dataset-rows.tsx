// A page of a dataset's rows as a table, by kind: instruction pools (instruction), labelled pairs
// (prompt, chosen, rejected) and responses to judge (prompt, each response lettered, the label).
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DatasetItemView } from "@/lib/db/queries/datasets";
import type { DatasetKind } from "@/lib/db/schema";
import { ClampedText } from "./clamped-text";
import { labelText, ResponseList } from "./response-list";

export const DATASET_KIND_LABELS: Record<DatasetKind, string> = {
  pairs: "labelled pairs",
  instructions: "instruction pool",
  responses: "responses to judge",
};

export function DatasetRows({ items, kind }: { items: DatasetItemView[]; kind: DatasetKind }) {
  const text = (value: string | null) => (
    <TableCell className="min-w-48 max-w-xs text-xs">
      <ClampedText text={value} />
    </TableCell>
  );
  return (
    <Table aria-label="Rows">
      <TableHeader>
        <TableRow>
          <TableHead>Id</TableHead>
          <TableHead>{kind === "pairs" ? "Subset" : "Category"}</TableHead>
          <TableHead>{kind === "instructions" ? "Instruction" : "Prompt"}</TableHead>
          {kind === "pairs" ? (
            <>
              <TableHead>Chosen</TableHead>
              <TableHead>Rejected</TableHead>
            </>
          ) : null}
          {kind === "responses" ? (
            <>
              <TableHead>Responses</TableHead>
              <TableHead>Label</TableHead>
            </>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            <TableCell className="font-mono text-xs">{item.sourceId}</TableCell>
            <TableCell className="text-xs">{kind === "pairs" ? item.subset : (item.category ?? "—")}</TableCell>
            <TableCell className="min-w-64 max-w-md text-xs">
              <ClampedText text={item.prompt} />
            </TableCell>
            {kind === "pairs" ? (
              <>
                {text(item.chosen)}
                {text(item.rejected)}
              </>
            ) : null}
            {kind === "responses" ? (
              <>
                <TableCell className="min-w-64 max-w-md text-xs">
                  <ResponseList responses={item.responses} />
                </TableCell>
                <TableCell className="text-xs">{labelText(item.label)}</TableCell>
              </>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
