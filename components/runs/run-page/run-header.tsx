"use client";
// The run page's head: name, status and its reason, seed and times, and the controls (pause,
// resume, cancel, clone).
import { Copy, Pause, Play, Square, Tags } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { formatDuration } from "@/lib/format/numbers";
import type { RunView } from "@/lib/runs/run-view";
import { RunStatusBadge } from "../run-status-badge";
import { active } from "./format";
import type { RunControl } from "./use-run-view";

export function RunHeader({
  run,
  control,
  awaiting,
  hasPairs,
}: {
  run: RunView["run"];
  control: { mutate: (action: RunControl) => void; isPending: boolean };
  awaiting: boolean;
  /** The run has usable training pairs: people can label them. */
  hasPairs: boolean;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
          {run.name} <span className="text-base font-normal text-muted-foreground">#{run.id}</span>
          <RunStatusBadge status={run.status} />
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Seed {run.seed}
          {run.startedAt ? ` · started ${new Date(run.startedAt).toLocaleString("en-GB")}` : ""}
          {run.finishedAt && run.startedAt ? ` · took ${formatDuration(run.finishedAt - run.startedAt)}` : ""}
          {run.clonedFromRunId ? (
            <>
              {" "}
              · cloned from{" "}
              <Link className="underline" href={`/runs/${run.clonedFromRunId}`}>
                run #{run.clonedFromRunId}
              </Link>
            </>
          ) : null}
        </p>
        {run.statusReason ? (
          <p className="mt-2 text-sm" data-testid="status-reason">
            {run.statusReason}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        {active(run.status) ? (
          <Button variant="outline" onClick={() => control.mutate("pause")} disabled={control.isPending}>
            <Pause /> Pause
          </Button>
        ) : null}
        {run.status === "paused" || run.status === "failed" ? (
          <Button onClick={() => control.mutate("resume")} disabled={control.isPending || Boolean(awaiting)}>
            <Play /> Resume
          </Button>
        ) : null}
        {run.status !== "completed" && run.status !== "canceled" ? (
          <Button
            variant="ghost"
            onClick={() => confirm("Cancel this run? A canceled run cannot be resumed.") && control.mutate("cancel")}
            disabled={control.isPending}
          >
            <Square /> Cancel
          </Button>
        ) : null}
        <Button variant="ghost" asChild>
          <Link href={`/runs/new?from=${run.id}`}>
            <Copy /> Clone
          </Link>
        </Button>
        {hasPairs ? (
          <Button variant="ghost" asChild>
            <Link href={`/labels/new?run=${run.id}`}>
              <Tags /> Label pairs
            </Link>
          </Button>
        ) : null}
      </div>
    </div>
  );
}
