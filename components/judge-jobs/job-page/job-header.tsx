"use client";
// A judge job's head: name, status and its reason, judge and data, times, and the controls
// (pause, resume, cancel, re-judge with another judge). While the job is active the page refreshes
// itself every 1.5 s, so its numbers, charts and items follow the work.
import { Copy, Pause, Play, Square, Tags } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { cancelJudgeJobAction, pauseJudgeJobAction, resumeJudgeJobAction } from "@/app/judge/actions";
import { useServerAction } from "@/components/feedback/use-server-action";
import { useRefreshWhile } from "@/components/shell/use-refresh-while";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { Button } from "@/components/ui/button";
import { formatDuration } from "@/lib/format/numbers";
import type { JudgeJobView } from "@/lib/judge-jobs/job-view";

type Control = "pause" | "resume" | "cancel";
const ACTIONS = { pause: pauseJudgeJobAction, resume: resumeJudgeJobAction, cancel: cancelJudgeJobAction };

export function JobHeader({ view }: { view: JudgeJobView }) {
  const router = useRouter();
  const { job, dataset } = view;
  const active = job.status === "running" || job.status === "queued";
  useRefreshWhile(active, 1500);
  const control = useServerAction((action: Control) => ACTIONS[action]({ jobId: job.id }), {
    onDone: (result, action) => {
      if (!result.ok) toast.error(result.message);
      else toast.success(action === "pause" ? "Paused" : action === "resume" ? "Resumed" : "Canceled");
      router.refresh();
    },
  });
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
          {job.name} <span className="text-base font-normal text-muted-foreground">#{job.id}</span>
          <RunStatusBadge status={job.status} />
        </h1>
        <p className="mt-1 text-sm text-muted-foreground [overflow-wrap:anywhere]">
          Judge:{" "}
          {job.judge.run ? (
            <Link className="underline" href={`/runs/${job.judge.run.id}`}>
              {job.judge.label}
            </Link>
          ) : (
            job.judge.label
          )}
          {job.judge.demonstrations > 0 ? ` with ${job.judge.demonstrations} demonstrations` : ""} · data:{" "}
          <Link className="underline" href={`/datasets/${dataset.id}`}>
            {dataset.name}
          </Link>
          {job.startedAt ? ` · started ${new Date(job.startedAt).toLocaleString("en-GB")}` : ""}
          {job.finishedAt && job.startedAt ? ` · took ${formatDuration(job.finishedAt - job.startedAt)}` : ""}
          {job.parentJobId ? (
            <>
              {" "}
              · re-judges{" "}
              <Link className="underline" href={`/judge/${job.parentJobId}`}>
                job #{job.parentJobId}
              </Link>
            </>
          ) : null}
        </p>
        {job.statusReason ? (
          <p className="mt-2 text-sm" data-testid="status-reason">
            {job.statusReason}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        {active ? (
          <Button variant="outline" onClick={() => control.mutate("pause")} disabled={control.isPending}>
            <Pause /> Pause
          </Button>
        ) : null}
        {job.status === "paused" || job.status === "failed" ? (
          <Button onClick={() => control.mutate("resume")} disabled={control.isPending}>
            <Play /> Resume
          </Button>
        ) : null}
        {job.status !== "completed" && job.status !== "canceled" ? (
          <Button
            variant="ghost"
            onClick={() => confirm("Cancel this job? Its results so far are kept, but it cannot be resumed.") && control.mutate("cancel")}
            disabled={control.isPending}
          >
            <Square /> Cancel
          </Button>
        ) : null}
        <Button variant="ghost" asChild>
          <Link href={`/judge/new?from=${job.id}`}>
            <Copy /> Re-judge with another judge
          </Link>
        </Button>
        {view.pairwise && view.done > 0 ? (
          <Button variant="ghost" asChild>
            <Link href={`/labels/new?job=${job.id}`}>
              <Tags /> Label items
            </Link>
          </Button>
        ) : null}
      </div>
    </div>
  );
}
