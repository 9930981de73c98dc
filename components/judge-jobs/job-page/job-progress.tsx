// A judge job's live progress: judgments done of those planned, items finished, rate, ETA, tokens
// and errors by kind with a sample message of each.
import { Loader2 } from "lucide-react";
import { ProgressErrors } from "@/components/feedback/progress-errors";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatCount, formatDuration } from "@/lib/format/numbers";
import type { JudgeJobView } from "@/lib/judge-jobs/job-view";

export function JobProgress({ view }: { view: JudgeJobView }) {
  const p = view.progress;
  const running = view.job.status === "running";
  const stat = (label: string, value: string, testId?: string) => (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <Card data-testid="job-progress">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {running ? <Loader2 className="size-4 animate-spin text-primary" aria-hidden /> : null}
          {view.job.status === "queued" ? "Waiting for the runner" : (p?.label ?? "Judging")}
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        <ProgressBar value={view.job.plannedJudgments ? view.judgments / view.job.plannedJudgments : null} label="Judge job progress" />
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-5">
          {stat("Judgments", `${formatCount(view.judgments)} / ${formatCount(view.job.plannedJudgments)}`, "progress-judgments")}
          {stat("Items finished", `${formatCount(view.done)} / ${formatCount(view.job.itemCount)}`, "progress-items")}
          {stat("Rate", running && p ? `${p.ratePerSecond}/s` : "—")}
          {stat("ETA", running && p?.etaSeconds !== null && p?.etaSeconds !== undefined ? formatDuration(p.etaSeconds * 1000) : "—")}
          {stat("Tokens", formatCount(view.tokens.prompt + view.tokens.completion))}
        </dl>
        <ProgressErrors errors={p?.errors} />
      </CardContent>
    </Card>
  );
}
