// One sampled judgment of a judge job's comparison: which response it preferred (by its letter),
// the order it was shown in, tokens, finish reason, latency, and the reasoning trace as safe text.
import { Badge } from "@/components/ui/badge";
import { TraceText } from "@/components/traces/trace-text";
import type { JobJudgmentDetail } from "@/lib/db/queries/judge-job-views";
import { JudgmentMeta } from "@/components/traces/judgment-meta";

export function JobJudgmentCard({
  judgment,
  first,
  second,
  raw,
}: {
  judgment: JobJudgmentDetail;
  first: string;
  second: string;
  raw: boolean;
}) {
  const j = judgment;
  const picked = j.choice === "first" ? first : j.choice === "second" ? second : null;
  return (
    <article
      tabIndex={0}
      data-list-item
      data-testid="job-judgment-card"
      aria-label={`Sample ${j.sample + 1}: ${picked ? `prefers ${picked}` : j.choice === "tie" ? "tie" : "no verdict"}`}
      className="grid min-w-0 gap-2 rounded-lg border bg-card p-3 outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <header className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        <span>sample {j.sample + 1}</span>
        <Badge variant={picked ? "outline" : j.choice === "tie" ? "secondary" : "warning"}>
          {j.verdict ? `[[${j.verdict}]]` : j.choice === "tie" ? "tie" : "no verdict"}
          {picked ? ` · prefers ${picked}` : ""}
        </Badge>
        <JudgmentMeta j={j} />
      </header>
      <TraceText text={j.trace} raw={raw} verdict={j.verdict} />
    </article>
  );
}
