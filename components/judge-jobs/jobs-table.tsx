"use client";
// The judge jobs list: status, judge, data, progress, and the headline result of each (A's win
// rate, or agreement with the labels). Refreshes itself every two seconds while a job is active.
import Link from "next/link";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { useRefreshWhile } from "@/components/shell/use-refresh-while";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { JudgeJobListItem } from "@/lib/db/queries/judge-jobs";
import { formatCount, formatPercent } from "@/lib/format/numbers";
import type { ProgressSnapshot } from "@/lib/runner/progress";

const when = (ms: number | null) =>
  ms === null ? "—" : new Date(ms).toLocaleString("en-GB", { day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit" });

function headline(job: JudgeJobListItem): string {
  if (job.done === 0) return "—";
  const parts: string[] = [];
  if (job.maxResponses === 2 && job.a + job.b > 0) parts.push(`A wins ${formatPercent(job.a / (job.a + job.b))}`);
  if (job.labelled > 0) parts.push(`agrees ${formatPercent(job.agree / job.labelled)}`);
  return parts.join(" · ") || `${formatCount(job.done)} judged`;
}

export function JudgeJobsTable({ rows }: { rows: JudgeJobListItem[] }) {
  useRefreshWhile(
    rows.some((r) => r.status === "running" || r.status === "queued"),
    2000,
  );
  return (
    <Table aria-label="Judge jobs">
      <TableHeader>
        <TableRow>
          <TableHead>Job</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Judge</TableHead>
          <TableHead>Data</TableHead>
          <TableHead className="w-48">Progress</TableHead>
          <TableHead className="text-right">Result</TableHead>
          <TableHead>Created</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((job) => {
          const progress = job.progress as ProgressSnapshot | null;
          return (
            <TableRow key={job.id}>
              <TableCell className="font-medium">
                <Link href={`/judge/${job.id}`} className="hover:underline">
                  {job.name}
                </Link>{" "}
                <span className="text-muted-foreground">#{job.id}</span>
              </TableCell>
              <TableCell>
                <RunStatusBadge status={job.status} />
                {job.statusReason && job.status !== "completed" ? (
                  <p className="mt-1 max-w-64 text-xs text-muted-foreground">{job.statusReason}</p>
                ) : null}
              </TableCell>
              <TableCell className="max-w-64 text-sm [overflow-wrap:anywhere]">{job.judgeLabel}</TableCell>
              <TableCell className="text-sm">
                {job.dataset}
                <span className="block text-xs text-muted-foreground">
                  {formatCount(job.itemCount)} items · {job.maxResponses === 2 ? "pairwise" : `best-of-${job.maxResponses}`}
                </span>
              </TableCell>
              <TableCell>
                <div className="grid gap-1">
                  <ProgressBar value={job.itemCount ? job.done / job.itemCount : null} label={`Judge job ${job.id} progress`} />
                  <span className="text-xs tabular-nums text-muted-foreground">
                    {formatCount(job.done)}/{formatCount(job.itemCount)} items
                    {progress?.stage && job.status === "running" ? ` · ${progress.ratePerSecond}/s` : ""}
                  </span>
                </div>
              </TableCell>
              <TableCell className="text-right text-sm tabular-nums">{headline(job)}</TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">{when(job.createdAt)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
