// One sampled judgment: its verdict chip, whether the filter kept it, tokens, finish reason and
// latency, and the reasoning trace (Markdown or raw) with the final verdict marked.
import { Check } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { JudgmentDetail } from "@/lib/db/queries/traces";
import { JudgmentMeta } from "./judgment-meta";
import { TraceText } from "./trace-text";
import { FILTER_STATUS_TEXT, VerdictChip } from "./verdict-chip";

export function JudgmentCard({ judgment, raw, showIteration }: { judgment: JudgmentDetail; raw: boolean; showIteration?: boolean }) {
  const j = judgment;
  return (
    <article
      tabIndex={0}
      data-list-item
      data-testid="judgment-card"
      aria-label={`Iteration ${j.iteration}, better response in ${j.goodPosition}, sample ${j.sample + 1}: ${j.outcome}`}
      className="grid min-w-0 gap-2 rounded-lg border bg-card p-3 outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <header className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        {showIteration ? <span className="font-medium text-foreground">Iteration {j.iteration}</span> : null}
        <span>sample {j.sample + 1}</span>
        <VerdictChip verdict={j.verdict} outcome={j.outcome} />
        {j.filterStatus === "kept" ? (
          <Badge variant="success" data-testid="kept-mark">
            <Check className="size-3" aria-hidden /> kept for training
          </Badge>
        ) : j.filterStatus ? (
          <span>{FILTER_STATUS_TEXT[j.filterStatus]}</span>
        ) : null}
        <JudgmentMeta j={j} />
      </header>
      <TraceText text={j.trace} raw={raw} verdict={j.verdict} />
    </article>
  );
}
