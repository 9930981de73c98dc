// Eval items of one iteration and eval set: each (item, order) with the judge's sampled votes and
// their majority, filtered by subset, outcome, majority and order, searched, sorted and paged in SQL.
import type { Metadata } from "next";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { GroupResults } from "@/components/traces/group-results";
import { TraceListPage } from "@/components/traces/trace-list-page";
import { countEvalGroups, listEvalGroups } from "@/lib/db/queries/traces";
import { loadTracePage, shownIteration, TRACE_PAGE_SIZE, type TracePageProps } from "../trace-page";
import { evalSetField, groupListFields, valueFilter } from "@/lib/traces/filter-options";
import { groupFilters } from "@/lib/traces/list-params";

export const metadata: Metadata = { title: "Eval items" };

export default async function EvalItemsPage(props: TracePageProps) {
  const { runId, db, context, list, judged } = await loadTracePage(props, "evalJudgments");
  const header = (
    <PageHeader
      title="Eval items"
      description="How each iteration's judge voted on the labelled eval items, in both orders. Open an item to read the traces and see where the judge changed its mind."
    />
  );
  if (judged.length === 0 || context.evalSets.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="No eval results yet">
          Each iteration's judge is scored on the eval sets when its evaluation stage finishes.
        </EmptyState>
      </>
    );
  }
  const iteration = shownIteration(judged, list);
  const set = context.evalSets.find((s) => s.id === list.set) ?? context.evalSets[0]!;
  const filters = groupFilters(list);
  const total = countEvalGroups(db, iteration.id, set.id, filters);
  const rows = listEvalGroups(db, iteration.id, set.id, filters, list.sort, {
    limit: TRACE_PAGE_SIZE,
    offset: (list.page - 1) * TRACE_PAGE_SIZE,
  });

  return (
    <TraceListPage
      header={header}
      searchLabel="Search prompts or an item id"
      fields={groupListFields(judged, {
        scopes: [evalSetField(context.evalSets), ...valueFilter("subset", "Subset", set.subsets, "All", 2)],
        filters: [],
        orderLabel: "Chosen response in",
      })}
    >
      <GroupResults runId={runId} iteration={iteration} set={set} rows={rows} total={total} list={list} pageSize={TRACE_PAGE_SIZE} />
    </TraceListPage>
  );
}
