// Datasets page: instruction pools (the loop's input) and labelled pair sets (evaluation).
import { Database, Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { DATASET_KIND_LABELS } from "@/components/datasets/dataset-rows";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/lib/db/client";
import { listDatasets } from "@/lib/db/queries/datasets";
import { formatCount } from "@/lib/format/numbers";
import { formatDateTime } from "@/lib/format/time";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage() {
  await connection();
  const datasets = listDatasets(getDb());
  const importButton = (
    <Button asChild>
      <Link href="/datasets/import">
        <Upload /> Import dataset
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Datasets"
        description="Instruction pools feed the loop; labelled pair sets (RewardBench format) score each iteration's judge."
        actions={datasets.length > 0 ? importButton : undefined}
      />
      {datasets.length === 0 ? (
        <EmptyState icon={<Database />} title="No datasets yet" action={importButton}>
          An instruction pool is a list of user instructions with no labels. A labelled pair set holds a prompt, a chosen and a rejected
          response, like RewardBench. Import either from a file, a URL or the Hugging Face hub.
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
                  <Link href={`/datasets/${dataset.id}`} className="hover:underline">
                    {dataset.name}
                  </Link>{" "}
                  {dataset.builtin ? <Badge variant="outline">demo</Badge> : null}
                </TableCell>
                <TableCell>
                  <Badge variant="secondary">{DATASET_KIND_LABELS[dataset.kind]}</Badge>
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(dataset.rowCount)}</TableCell>
                <TableCell className="text-right tabular-nums">{dataset.kind === "pairs" ? dataset.subsetCount : "—"}</TableCell>
                <TableCell className="max-w-xs truncate font-mono text-xs text-muted-foreground" title={dataset.source}>
                  {dataset.source}
                </TableCell>
                <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(dataset.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
