// The Flips page's list: the eval items whose label changed between two iterations, each opening
// with the two judges' traces side by side, paged.
import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";
import { Pagination } from "@/components/shell/pagination";
import { Badge } from "@/components/ui/badge";
import type { Flip } from "@/lib/db/queries/traces";
import { formatCount } from "@/lib/format/numbers";
import { labelOf } from "@/lib/traces/verdict-matrix";
import { TRACE_PAGE_SIZE } from "../trace-page";

const labelBadge = (score: number) => {
  const label = labelOf(score);
  return <Badge variant={label === "right" ? "success" : label === "wrong" ? "destructive" : "secondary"}>{label}</Badge>;
};

export function FlippedItems({
  runId,
  step,
  flips,
  narrowed,
  page,
  hrefFor,
}: {
  runId: number;
  step: { from: number; to: number };
  flips: { total: number; flips: Flip[] };
  /** Only some subsets (a section or a subset) are shown. */
  narrowed: boolean;
  page: number;
  hrefFor: (page: number) => string;
}) {
  return (
    <section aria-labelledby="flipped-title" className="grid gap-2">
      <h2 id="flipped-title" className="text-base font-semibold">
        Items that flipped, iteration {step.from} → {step.to}{" "}
        <span className="font-normal text-muted-foreground" data-testid="flip-count">
          ({formatCount(flips.total)})
        </span>
      </h2>
      {flips.flips.length === 0 ? (
        <EmptyState title="No item flipped">The two judges agree on every item{narrowed ? " of this selection" : ""}.</EmptyState>
      ) : (
        <ol className="grid divide-y rounded-lg border bg-card" aria-label="Flipped items">
          {flips.flips.map((flip) => (
            <li key={flip.itemId} data-testid="flip-row">
              <Link
                href={`/runs/${runId}/eval/${flip.itemId}?iteration=${step.to}&compare=${step.from}`}
                className="grid gap-1 px-3 py-2.5 outline-none hover:bg-muted/50 focus-visible:ring-2 focus-visible:ring-ring sm:grid-cols-[1fr_auto] sm:gap-4"
              >
                <span className="min-w-0">
                  <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <span className="font-mono">item {flip.itemId}</span>
                    {flip.subset ? <Badge variant="secondary">{flip.subset}</Badge> : null}
                  </span>
                  <span className="mt-0.5 line-clamp-2 text-sm">{flip.text}</span>
                </span>
                <span className="flex items-center gap-2 text-xs">
                  {labelBadge(flip.before)} → {labelBadge(flip.after)}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageSize={TRACE_PAGE_SIZE} total={flips.total} noun="flipped items" hrefFor={hrefFor} />
    </section>
  );
}
