"use client";
// The current stage's progress: done/total, rate, ETA, tokens and requests, errors by kind.
import { Loader2 } from "lucide-react";
import { ProgressErrors } from "@/components/feedback/progress-errors";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatCount, formatDuration } from "@/lib/format/numbers";
import type { RunView } from "@/lib/runs/run-view";

export function ProgressCard({ view }: { view: RunView }) {
  const p = view.progress!;
  return (
    <Card data-testid="progress-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {view.run.status === "running" ? <Loader2 className="size-4 animate-spin text-primary" aria-hidden /> : null}
          {p.label || p.stage}
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        <ProgressBar value={p.total > 0 ? p.done / p.total : null} label="Stage progress" />
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-5" data-testid="stage-progress">
          <div>
            <dt className="text-xs text-muted-foreground">Done</dt>
            <dd className="tabular-nums" data-testid="progress-done">
              {formatCount(p.done)} / {formatCount(p.total)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Rate</dt>
            <dd className="tabular-nums">{view.run.status === "running" ? `${p.ratePerSecond}/s` : "—"}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">ETA</dt>
            <dd className="tabular-nums">
              {view.run.status === "running" && p.etaSeconds !== null ? formatDuration(p.etaSeconds * 1000) : "—"}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Tokens (stage)</dt>
            <dd className="tabular-nums">{formatCount(p.tokens.prompt + p.tokens.completion)}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Requests (stage)</dt>
            <dd className="tabular-nums">{formatCount(p.requests)}</dd>
          </div>
        </dl>
        <ProgressErrors errors={p.errors} />
      </CardContent>
    </Card>
  );
}
