"use client";
// What a new judge job will cost before it is launched: items, comparisons, judgments and
// requests (one per comparison and order when the backend samples n at once, N otherwise).
import { Loader2 } from "lucide-react";
import type { JobEstimate } from "@/app/judge/actions";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActionResult } from "@/lib/errors";
import { formatCount } from "@/lib/format/numbers";
import type { JobDraft } from "./form-types";

export function EstimateCard({
  estimate,
  loading,
  draft,
}: {
  estimate: ActionResult<JobEstimate> | null;
  loading: boolean;
  draft: JobDraft;
}) {
  const e = estimate?.ok ? estimate.data : null;
  const shape = e
    ? e.responseCounts
        .map((c) => (c.responses === 2 ? `${formatCount(c.items)} pairwise` : `${formatCount(c.items)} best-of-${c.responses}`))
        .join(", ")
    : "";
  return (
    <Card data-testid="job-estimate" aria-live="polite">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Before launch {loading ? <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Updating" /> : null}
        </CardTitle>
        <CardDescription>{e ? `Judge: ${e.judge}` : "The work this job plans, counted from the data."}</CardDescription>
      </CardHeader>
      <CardContent>
        {e ? (
          <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-xs text-muted-foreground">Items</dt>
              <dd className="tabular-nums" data-testid="estimate-items">
                {formatCount(e.items)} <span className="text-xs text-muted-foreground">({shape})</span>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-muted-foreground">Comparisons</dt>
              <dd className="tabular-nums">{formatCount(e.comparisons)}</dd>
            </div>
            <div>
              <dt className="text-xs text-muted-foreground">Judgments</dt>
              <dd className="tabular-nums" data-testid="estimate-judgments">
                {formatCount(e.judgments)}{" "}
                <span className="text-xs text-muted-foreground">
                  ({draft.bothOrders ? "2 orders" : "1 order"} × {draft.samples})
                </span>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-muted-foreground">Model calls</dt>
              <dd className="tabular-nums" data-testid="estimate-calls">
                {formatCount(e.requests)}{" "}
                <span className="text-xs text-muted-foreground">
                  to {e.backend} {e.supportsN ? "(n samples per call)" : "(one call per sample)"}
                </span>
              </dd>
            </div>
          </dl>
        ) : estimate && !estimate.ok ? (
          <p className="text-sm text-destructive">{estimate.message}</p>
        ) : (
          <p className="text-sm text-muted-foreground">Counting…</p>
        )}
      </CardContent>
    </Card>
  );
}
