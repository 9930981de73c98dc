// Flips: for each step from one iteration's judge to the next, which eval items it changed its mind
// on (wrong → right, right → wrong), the paired deltas that say whether the step was a real
// improvement, and the list of flipped items, each opening with the two iterations' traces side by side.
import type { Metadata } from "next";
import Link from "next/link";
import { PairedDeltaTable } from "@/components/compare/paired-delta-table";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { ListFilters } from "@/components/traces/list-filters";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { pairedItemScores } from "@/lib/db/queries/eval-metrics";
import { listEvalFlips } from "@/lib/db/queries/traces";
import { formatCount } from "@/lib/format/numbers";
import { labelOf } from "@/lib/traces/verdict-matrix";
import { REWARDBENCH_SECTIONS, SECTION_SUBSETS, pairedRewardBench, type RewardBenchSection } from "@/lib/metrics";
import { flipsParams, flipsSearch } from "@/lib/traces/flips-params";
import { loadTracePage, TRACE_PAGE_SIZE, type TracePageProps } from "../trace-page";

export const metadata: Metadata = { title: "Flips" };

const labelBadge = (score: number) => {
  const label = labelOf(score);
  return <Badge variant={label === "right" ? "success" : label === "wrong" ? "destructive" : "secondary"}>{label}</Badge>;
};

export default async function FlipsPage(props: TracePageProps) {
  const { runId, db, context, search } = await loadTracePage(props);
  const query = flipsParams(search);
  const judged = context.iterations.filter((it) => it.evalJudgments > 0);
  const header = (
    <PageHeader
      title="Flips"
      description="Eval items on which the judge changed its mind from one iteration to the next, and whether each step was a real improvement or noise."
    />
  );
  if (judged.length < 2 || context.evalSets.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="Nothing to compare yet">
          Flips need two scored iterations: the seed judge and at least one trained judge. They appear once iteration 1&apos;s evaluation
          finishes.
        </EmptyState>
      </>
    );
  }
  const steps = judged.slice(1).map((to, i) => ({ from: judged[i]!, to }));
  const step = steps.find((s) => s.to.index === query.step) ?? steps[steps.length - 1]!;
  const set = context.evalSets.find((s) => s.id === query.set) ?? context.evalSets[0]!;
  const section = REWARDBENCH_SECTIONS.find((s) => s === query.section) as RewardBenchSection | undefined;
  const subsets = section ? [...SECTION_SUBSETS[section]] : query.subset ? [query.subset] : undefined;

  const summaries = steps.map((s) => {
    const scope = { fromIterationId: s.from.id, toIterationId: s.to.id, datasetId: set.id, subsets };
    const counts = listEvalFlips(db, scope, "all", { limit: 0, offset: 0 });
    return { ...s, counts };
  });
  const paired = pairedRewardBench(
    pairedItemScores(db, { iterationId: step.from.id, datasetId: set.id }, { iterationId: step.to.id, datasetId: set.id }),
  );
  const flips = listEvalFlips(
    db,
    { fromIterationId: step.from.id, toIterationId: step.to.id, datasetId: set.id, subsets },
    query.direction,
    { limit: TRACE_PAGE_SIZE, offset: (query.page - 1) * TRACE_PAGE_SIZE },
  );
  const sectionsPresent = REWARDBENCH_SECTIONS.filter((s) => SECTION_SUBSETS[s].some((subset) => set.subsets.includes(subset)));
  const base = `/runs/${runId}/flips`;

  return (
    <>
      {header}
      <div className="grid gap-6">
        <ListFilters
          fields={[
            { name: "set", label: "Eval set", options: context.evalSets.map((s) => ({ value: String(s.id), label: s.name })), scope: true },
            {
              name: "step",
              label: "Step",
              options: [...steps].reverse().map((s) => ({ value: String(s.to.index), label: `Iteration ${s.from.index} → ${s.to.index}` })),
              scope: true,
            },
            ...(sectionsPresent.length > 0
              ? [
                  {
                    name: "section",
                    label: "Section",
                    options: [{ value: "", label: "All" }, ...sectionsPresent.map((s) => ({ value: s, label: s }))],
                  },
                ]
              : []),
            ...(set.subsets.length > 1 && !section
              ? [
                  {
                    name: "subset",
                    label: "Subset",
                    options: [{ value: "", label: "All" }, ...set.subsets.map((s) => ({ value: s, label: s }))],
                  },
                ]
              : []),
            {
              name: "direction",
              label: "Direction",
              options: [
                { value: "", label: "Both" },
                { value: "improved", label: "Wrong → right" },
                { value: "regressed", label: "Right → wrong" },
              ],
            },
          ]}
        />

        <Card>
          <CardHeader>
            <CardTitle>Every step</CardTitle>
            <CardDescription>
              Items of {set.name}
              {section ? ` in ${section}` : query.subset ? ` in ${query.subset}` : ""} whose verdict changed between consecutive judges.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <table className="w-full text-sm tabular-nums" aria-label="Flips per step">
              <thead className="text-left text-xs uppercase tracking-wide text-muted-foreground">
                <tr>
                  <th className="py-1.5 pr-3 font-medium">Step</th>
                  <th className="py-1.5 pr-3 text-right font-medium">Wrong → right</th>
                  <th className="py-1.5 pr-3 text-right font-medium">Right → wrong</th>
                  <th className="py-1.5 pr-3 text-right font-medium">Net</th>
                </tr>
              </thead>
              <tbody>
                {summaries.map((s) => (
                  <tr
                    key={s.to.index}
                    className={s.to.index === step.to.index ? "border-t bg-primary/5" : "border-t"}
                    data-testid={`step-${s.to.index}`}
                  >
                    <td className="py-1.5 pr-3">
                      <Link className="underline" href={`${base}${flipsSearch({ ...query, step: s.to.index, page: 1 })}`}>
                        Iteration {s.from.index} → {s.to.index}
                      </Link>
                    </td>
                    <td className="py-1.5 pr-3 text-right text-success">{formatCount(s.counts.improved)}</td>
                    <td className="py-1.5 pr-3 text-right text-destructive">{formatCount(s.counts.regressed)}</td>
                    <td className="py-1.5 pr-3 text-right font-medium">
                      {s.counts.improved - s.counts.regressed >= 0 ? "+" : "−"}
                      {formatCount(Math.abs(s.counts.improved - s.counts.regressed))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              Iteration {step.to.index} against iteration {step.from.index}, paired
            </CardTitle>
            <CardDescription>
              Both judges saw the same {set.name} items, so the difference is paired: a bootstrap interval over items, and McNemar&apos;s
              test on the items that flipped. &ldquo;Could be noise&rdquo; means the interval includes zero or the test is not significant
              at 5%.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <PairedDeltaTable
              metrics={paired}
              beforeLabel={`Iteration ${step.from.index}`}
              afterLabel={`Iteration ${step.to.index}`}
              testId="step-deltas"
            />
          </CardContent>
        </Card>

        <section aria-labelledby="flipped-title" className="grid gap-2">
          <h2 id="flipped-title" className="text-base font-semibold">
            Items that flipped, iteration {step.from.index} → {step.to.index}{" "}
            <span className="font-normal text-muted-foreground" data-testid="flip-count">
              ({formatCount(flips.total)})
            </span>
          </h2>
          {flips.flips.length === 0 ? (
            <EmptyState title="No item flipped">The two judges agree on every item{subsets ? " of this selection" : ""}.</EmptyState>
          ) : (
            <ol className="grid divide-y rounded-lg border bg-card" aria-label="Flipped items">
              {flips.flips.map((flip) => (
                <li key={flip.itemId} data-testid="flip-row">
                  <Link
                    href={`/runs/${runId}/eval/${flip.itemId}?iteration=${step.to.index}&compare=${step.from.index}`}
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
          <Pagination
            page={query.page}
            pageSize={TRACE_PAGE_SIZE}
            total={flips.total}
            noun="flipped items"
            hrefFor={(p) => `${base}${flipsSearch({ ...query, page: p })}`}
          />
        </section>
      </div>
    </>
  );
}
