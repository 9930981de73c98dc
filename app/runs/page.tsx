// Runs page: every Self-Taught Evaluator run, newest first, one page at a time.
import { FlaskConical } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { EmptyState } from "@/components/feedback/empty-state";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination, pageFromSearchParam } from "@/components/shell/pagination";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/lib/db/client";
import { countRuns, listRuns } from "@/lib/db/queries/runs";
import { formatDateTime } from "@/lib/format/time";

export const metadata: Metadata = { title: "Runs" };

const PAGE_SIZE = 50;

export default async function RunsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await connection();
  const page = pageFromSearchParam((await searchParams).page);
  const db = getDb();
  const total = countRuns(db);
  const runs = listRuns(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Runs"
        description="Each run trains a judge with no human labels: build contrasting pairs, sample judgments, keep the correct ones, fine-tune, repeat, and score every iteration."
      />
      {total === 0 ? (
        <EmptyState
          icon={<FlaskConical />}
          title="No runs yet"
          action={
            <Button asChild variant="outline">
              <Link href="/backends">Set up a backend</Link>
            </Button>
          }
        >
          A run needs a backend to generate responses and a seed judge. Add the model servers you will use on the Backends page.
        </EmptyState>
      ) : (
        <>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Run</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Iteration · stage</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Finished</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {runs.map((run) => (
                <TableRow key={run.id}>
                  <TableCell className="font-medium">
                    {run.name} <span className="text-muted-foreground">#{run.id}</span>
                  </TableCell>
                  <TableCell>
                    <RunStatusBadge status={run.status} />
                    {run.statusReason ? <p className="mt-1 text-xs text-muted-foreground">{run.statusReason}</p> : null}
                  </TableCell>
                  <TableCell className="tabular-nums">
                    {run.currentIteration === null ? "—" : `${run.currentIteration} · ${run.currentStage ?? "—"}`}
                  </TableCell>
                  <TableCell className="tabular-nums">{formatDateTime(run.createdAt)}</TableCell>
                  <TableCell className="tabular-nums">{formatDateTime(run.finishedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} basePath="/runs" />
        </>
      )}
    </>
  );
}
