"use client";
// The runs list: status, where each run is, its stage progress and latest score. Refreshes itself
// every two seconds while any run is active.
import Link from "next/link";
import { useRefreshWhile } from "@/components/shell/use-refresh-while";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RunListItem } from "@/lib/db/queries/runs";
import { formatCount } from "@/lib/format/numbers";
import { PARTIAL_OVERALL_LABEL } from "@/lib/metrics/rewardbench-scores";
import type { ProgressSnapshot } from "@/lib/runner/progress";
import { RunStatusBadge } from "./run-status-badge";

type Row = RunListItem & { latest: { iteration: number; rewardBench: number | null; partial: boolean; accuracy: number | null } | null };

const when = (ms: number | null) =>
  ms === null ? "—" : new Date(ms).toLocaleString("en-GB", { day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit" });

export function RunsTable({ rows }: { rows: Row[] }) {
  useRefreshWhile(
    rows.some((r) => r.status === "running" || r.status === "queued"),
    2000,
  );
  return (
    <Table aria-label="Runs">
      <TableHeader>
        <TableRow>
          <TableHead>Run</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Iteration · stage</TableHead>
          <TableHead className="w-56">Progress</TableHead>
          <TableHead className="text-right">Latest score</TableHead>
          <TableHead>Started</TableHead>
          <TableHead>Finished</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((run) => {
          const progress = run.progress as ProgressSnapshot | null;
          return (
            <TableRow key={run.id}>
              <TableCell className="font-medium">
                <Link href={`/runs/${run.id}`} className="hover:underline">
                  {run.name}
                </Link>{" "}
                <span className="text-muted-foreground">#{run.id}</span>
              </TableCell>
              <TableCell>
                <RunStatusBadge status={run.status} />
                {run.statusReason && run.status !== "completed" ? (
                  <p className="mt-1 max-w-64 text-xs text-muted-foreground">{run.statusReason}</p>
                ) : null}
              </TableCell>
              <TableCell className="tabular-nums">
                {run.currentIteration === null ? "—" : `${run.currentIteration} of ${run.iterations} · ${run.currentStage ?? "—"}`}
              </TableCell>
              <TableCell>
                {progress?.stage && run.status !== "completed" ? (
                  <div className="grid gap-1">
                    <ProgressBar value={progress.total ? progress.done / progress.total : null} label={`Run ${run.id} stage progress`} />
                    <span className="text-xs tabular-nums text-muted-foreground">
                      {progress.label}: {formatCount(progress.done)}/{formatCount(progress.total)}
                    </span>
                  </div>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {run.latest ? (
                  <span title={`Iteration ${run.latest.iteration}`}>
                    {run.latest.rewardBench !== null
                      ? `RB ${(run.latest.rewardBench * 100).toFixed(1)}${run.latest.partial ? " *" : ""}`
                      : `acc ${((run.latest.accuracy ?? 0) * 100).toFixed(1)}`}
                    <span className="ml-1 text-xs text-muted-foreground">it. {run.latest.iteration}</span>
                  </span>
                ) : (
                  "—"
                )}
              </TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">{when(run.startedAt)}</TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">{when(run.finishedAt)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
      {rows.some((run) => run.latest?.partial && run.latest.rewardBench !== null) ? (
        <caption className="caption-bottom px-3 py-2 text-left text-xs text-muted-foreground">
          RB * : {PARTIAL_OVERALL_LABEL} (the eval sets do not cover all four RewardBench sections), not a RewardBench score.
        </caption>
      ) : null}
    </Table>
  );
}
