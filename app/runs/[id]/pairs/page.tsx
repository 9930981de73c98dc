// Training pairs of one iteration: each (pair, order) with how its samples voted and what the
// filter kept; filters, sort and page live in the URL; counted and paged in SQL.
import type { Metadata } from "next";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { GroupResults } from "@/components/traces/group-results";
import { TraceListPage } from "@/components/traces/trace-list-page";
import { countPairGroups, listPairGroups } from "@/lib/db/queries/traces";
import { loadTracePage, shownIteration, TRACE_PAGE_SIZE, type TracePageProps } from "../trace-page";
import { groupFilters } from "@/lib/traces/list-params";
import { filterStatusOptions, groupListFields, valueFilter } from "@/lib/traces/filter-options";

export const metadata: Metadata = { title: "Training pairs" };

export default async function PairsPage(props: TracePageProps) {
  const { runId, db, context, list, judged } = await loadTracePage(props);
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
  const iteration = shownIteration(judged, list);
  const filters = groupFilters(list);
  const total = countPairGroups(db, iteration.id, filters);
  const rows = listPairGroups(db, iteration.id, filters, list.sort, { limit: TRACE_PAGE_SIZE, offset: (list.page - 1) * TRACE_PAGE_SIZE });

  return (
    <TraceListPage
      header={header}
      searchLabel="Search instructions and responses"
      fields={groupListFields(judged, {
        scopes: [],
        filters: [
          { name: "filter", label: "Filter", options: filterStatusOptions },
          ...valueFilter("category", "Category", context.categories, "Any"),
        ],
        orderLabel: "Better response in",
      })}
    >
      <GroupResults runId={runId} iteration={iteration} rows={rows} total={total} list={list} pageSize={TRACE_PAGE_SIZE} />
    </TraceListPage>
  );
}
