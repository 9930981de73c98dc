// Flips: for each step from one iteration's judge to the next, which eval items it changed its mind
// on (wrong → right, right → wrong), the paired deltas that say whether the step was a real
// improvement, and the list of flipped items, each opening with the two iterations' traces side by side.
import type { Metadata } from "next";
import { PairedDeltaTable } from "@/components/compare/paired-delta-table";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { ListFilters } from "@/components/traces/list-filters";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { pairedItemScores } from "@/lib/db/queries/eval-metrics";
import { listEvalFlips } from "@/lib/db/queries/traces";
import { REWARDBENCH_SECTIONS, SECTION_SUBSETS, pairedRewardBench, type RewardBenchSection } from "@/lib/metrics";
import { evalSetField, valueFilter } from "@/lib/traces/filter-options";
import { flipsParams, flipsSearch } from "@/lib/traces/flips-params";
import { loadTracePage, TRACE_PAGE_SIZE, type TracePageProps } from "../trace-page";
import { FlippedItems } from "./flipped-items";
import { StepsCard } from "./steps-card";

export const metadata: Metadata = { title: "Flips" };

export default async function FlipsPage(props: TracePageProps) {
  const { runId, db, context, search, judged } = await loadTracePage(props, "evalJudgments");
  const query = flipsParams(search);
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
            evalSetField(context.evalSets),
            {
              name: "step",
              label: "Step",
              options: [...steps].reverse().map((s) => ({ value: String(s.to.index), label: `Iteration ${s.from.index} → ${s.to.index}` })),
              scope: true,
            },
            ...valueFilter("section", "Section", sectionsPresent, "All"),
            ...(section ? [] : valueFilter("subset", "Subset", set.subsets, "All", 2)),
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

        <StepsCard
          title={`Items of ${set.name}${section ? ` in ${section}` : query.subset ? ` in ${query.subset}` : ""} whose verdict changed between consecutive judges.`}
          steps={summaries.map((s) => ({ from: s.from.index, to: s.to.index, improved: s.counts.improved, regressed: s.counts.regressed }))}
          current={step.to.index}
          hrefFor={(to) => `${base}${flipsSearch({ ...query, step: to, page: 1 })}`}
        />

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

        <FlippedItems
          runId={runId}
          step={{ from: step.from.index, to: step.to.index }}
          flips={flips}
          narrowed={Boolean(subsets)}
          page={query.page}
          hrefFor={(p) => `${base}${flipsSearch({ ...query, page: p })}`}
        />
      </div>
    </>
  );
}
