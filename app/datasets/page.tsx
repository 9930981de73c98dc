// Datasets page: instruction pools (the loop's input) and labelled pair sets (evaluation).
import { Database } from "lucide-react";
import type { Metadata } from "next";
import { connection } from "next/server";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/lib/db/client";
import { listDatasets } from "@/lib/db/queries/datasets";
import { formatDateTime } from "@/lib/format/time";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage() {
  await connection();
  const datasets = listDatasets(getDb());
  return (
    <>
      <PageHeader
        title="Datasets"
        description="Instruction pools feed the loop; labelled pair sets (RewardBench format) score each iteration's judge."
      />
      {datasets.length === 0 ? (
        <EmptyState icon={<Database />} title="No datasets yet">
          An instruction pool is a list of user instructions with no labels. A labelled pair set holds a prompt, a chosen and a rejected
          response, like RewardBench. Both are stored here once imported.
        </EmptyState>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Kind</TableHead>
              <TableHead className="text-right">Rows</TableHead>
              <TableHead className="text-right">Subsets</TableHead>
              <TableHead>Source</TableHead>
              <TableHead>Imported</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {datasets.map((dataset) => (
              <TableRow key={dataset.id}>
                <TableCell className="font-medium">
                  {dataset.name} {dataset.builtin ? <Badge variant="outline">demo</Badge> : null}
                </TableCell>
                <TableCell>
                  <Badge variant="secondary">{dataset.kind === "pairs" ? "labelled pairs" : "instruction pool"}</Badge>
                </TableCell>
                <TableCell className="text-right tabular-nums">{dataset.rowCount.toLocaleString("en-US")}</TableCell>
                <TableCell className="text-right tabular-nums">{dataset.subsetCount}</TableCell>
                <TableCell className="max-w-xs truncate font-mono text-xs text-muted-foreground" title={dataset.source}>
                  {dataset.source}
                </TableCell>
                <TableCell className="tabular-nums">{formatDateTime(dataset.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
