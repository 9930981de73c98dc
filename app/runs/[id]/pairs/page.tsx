// Training pairs of one iteration: each (pair, order) with how its samples voted and what the
// filter kept; filters, sort and page live in the URL; counted and paged in SQL.
import type { Metadata } from "next";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { GroupResults } from "@/components/traces/group-results";
import { ListFilters } from "@/components/traces/list-filters";
import { countPairGroups, listPairGroups } from "@/lib/db/queries/traces";
import { loadTracePage, TRACE_PAGE_SIZE, type TracePageProps } from "../trace-page";
import { groupFilters, parseListParams } from "@/lib/traces/list-params";
import { iterationOptions, majorityOptions, orderOptions, outcomeOptions, sortOptions } from "@/lib/traces/filter-options";

export const metadata: Metadata = { title: "Training pairs" };

export default async function PairsPage(props: TracePageProps) {
  const { runId, db, context, search } = await loadTracePage(props);
  const list = parseListParams(search);
  const judged = context.iterations.filter((it) => it.judgments > 0);
  const header = (
    <PageHeader
      title="Training pairs"
      description="Each pair judged in both orders: how the N sampled judgments voted, the majority, and whether the filter kept a trace for training. Open a pair to read its traces and follow it across iterations."
    />
  );
  if (judged.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="No judgments yet">The pairs appear here once the first judge has judged them.</EmptyState>
      </>
    );
  }
  const iteration = judged.find((it) => it.index === list.iteration) ?? judged[judged.length - 1]!;
  if (list.iteration !== undefined && list.iteration !== iteration.index) list.iteration = undefined;
  const filters = groupFilters(list);
  const total = countPairGroups(db, iteration.id, filters);
  const rows = listPairGroups(db, iteration.id, filters, list.sort, { limit: TRACE_PAGE_SIZE, offset: (list.page - 1) * TRACE_PAGE_SIZE });
  const base = `/runs/${runId}/pairs`;

  return (
    <>
      {header}
      <div className="grid gap-4">
        <ListFilters
          searchLabel="Search instructions and responses"
          fields={[
            { name: "iteration", label: "Iteration", options: iterationOptions(judged), scope: true },
            { name: "majority", label: "Majority", options: majorityOptions },
            { name: "outcome", label: "Has a sample that is", options: outcomeOptions },
            {
              name: "filter",
              label: "Filter",
              options: [
                { value: "", label: "Any" },
                { value: "kept", label: "Kept for training" },
                { value: "not_kept", label: "Not kept" },
                { value: "wrong", label: "Dropped: not correct" },
                { value: "below_majority", label: "Dropped: below majority" },
                { value: "surplus", label: "Dropped: surplus sample" },
                { value: "balanced_out", label: "Dropped: A/B balancing" },
                { value: "no_rejected", label: "Dropped: no incorrect sample (DPO)" },
              ],
            },
            ...(context.categories.length > 0
              ? [
                  {
                    name: "category",
                    label: "Category",
                    options: [{ value: "", label: "Any" }, ...context.categories.map((c) => ({ value: c, label: c }))],
                  },
                ]
              : []),
            { name: "order", label: "Better response in", options: orderOptions },
            { name: "sort", label: "Sort", options: sortOptions },
          ]}
        />
        <GroupResults
          kind="pair"
          rows={rows}
          total={total}
          list={list}
          base={base}
          scope={`iteration ${iteration.index}`}
          judgeModel={iteration.judgeModel}
          iterationIndex={iteration.index}
          pageSize={TRACE_PAGE_SIZE}
          storageKey={`marks:run-${runId}:pairs:${iteration.index}`}
          exportHref={`/api/runs/${runId}/export/judgments?iteration=${iteration.index}`}
        />
      </div>
    </>
  );
}
