// The annotation sets list: what each set holds, where it came from, how far the labelling is.
import Link from "next/link";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AnnotationSetListRow } from "@/lib/db/queries/annotations";
import { formatCount } from "@/lib/format/numbers";
import { formatDateTime } from "@/lib/format/time";

export const SET_KIND_NAMES = {
  "training-pairs": "Training pairs",
  "eval-disagreements": "Eval disagreements",
  "judge-job": "Judge job items",
} as const;

export function AnnotationSetsTable({ rows }: { rows: AnnotationSetListRow[] }) {
  return (
    <Table aria-label="Annotation sets">
      <TableHeader>
        <TableRow>
          <TableHead>Set</TableHead>
          <TableHead>Kind</TableHead>
          <TableHead>From</TableHead>
          <TableHead className="w-48">Items done</TableHead>
          <TableHead className="text-right">Labels</TableHead>
          <TableHead className="text-right">People</TableHead>
          <TableHead>Created</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((set) => (
          <TableRow key={set.id}>
            <TableCell className="font-medium">
              <Link href={`/labels/${set.id}`} className="hover:underline">
                {set.name}
              </Link>{" "}
              <span className="text-muted-foreground">#{set.id}</span>
            </TableCell>
            <TableCell className="text-sm">{SET_KIND_NAMES[set.kind]}</TableCell>
            <TableCell className="max-w-72 text-sm text-muted-foreground [overflow-wrap:anywhere]">{set.description}</TableCell>
            <TableCell>
              <div className="grid gap-1">
                <ProgressBar
                  value={set.itemCount === 0 ? 0 : set.completeItems / set.itemCount}
                  label={`${set.name}: items with all their labels`}
                />
                <span className="text-xs text-muted-foreground tabular-nums">
                  {formatCount(set.completeItems)} of {formatCount(set.itemCount)}
                  {set.labelsPerItem > 1 ? ` (${set.labelsPerItem} labels each)` : ""}
                </span>
              </div>
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatCount(set.humanLabels)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatCount(set.annotators)}</TableCell>
            <TableCell className="text-sm text-muted-foreground">{formatDateTime(set.createdAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
