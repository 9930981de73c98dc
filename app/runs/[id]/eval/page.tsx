// Eval items of one iteration and eval set: each (item, order) with the judge's sampled votes and
// their majority, filtered by subset, outcome, majority and order, searched, sorted and paged in SQL.
import type { Metadata } from "next";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { GroupResults } from "@/components/traces/group-results";
import { ListFilters } from "@/components/traces/list-filters";
import { countEvalGroups, listEvalGroups } from "@/lib/db/queries/traces";
import { loadTracePage, TRACE_PAGE_SIZE, type TracePageProps } from "../trace-page";
import { iterationOptions, majorityOptions, orderOptions, outcomeOptions, sortOptions } from "@/lib/traces/filter-options";
import { groupFilters, parseListParams } from "@/lib/traces/list-params";

export const metadata: Metadata = { title: "Eval items" };

export default async function EvalItemsPage(props: TracePageProps) {
  const { runId, db, context, search } = await loadTracePage(props);
  const list = parseListParams(search);
  const judged = context.iterations.filter((it) => it.evalJudgments > 0);
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
  const iteration = judged.find((it) => it.index === list.iteration) ?? judged[judged.length - 1]!;
  if (list.iteration !== undefined && list.iteration !== iteration.index) list.iteration = undefined;
  const set = context.evalSets.find((s) => s.id === list.set) ?? context.evalSets[0]!;
  const filters = groupFilters(list);
  const total = countEvalGroups(db, iteration.id, set.id, filters);
  const rows = listEvalGroups(db, iteration.id, set.id, filters, list.sort, {
    limit: TRACE_PAGE_SIZE,
    offset: (list.page - 1) * TRACE_PAGE_SIZE,
  });
  const base = `/runs/${runId}/eval`;

  return (
    <>
      {header}
      <div className="grid gap-4">
        <ListFilters
          searchLabel="Search prompts or an item id"
          fields={[
            { name: "iteration", label: "Iteration", options: iterationOptions(judged), scope: true },
            { name: "set", label: "Eval set", options: context.evalSets.map((s) => ({ value: String(s.id), label: s.name })), scope: true },
            ...(set.subsets.length > 1
              ? [
                  {
                    name: "subset",
                    label: "Subset",
                    options: [{ value: "", label: "All" }, ...set.subsets.map((s) => ({ value: s, label: s }))],
                  },
                ]
              : []),
            { name: "majority", label: "Majority", options: majorityOptions },
            { name: "outcome", label: "Has a sample that is", options: outcomeOptions },
            { name: "order", label: "Chosen response in", options: orderOptions },
            { name: "sort", label: "Sort", options: sortOptions },
          ]}
        />
        <GroupResults
          kind="item"
          rows={rows}
          total={total}
          list={list}
          base={base}
          scope={`${set.name}, iteration ${iteration.index}`}
          judgeModel={iteration.judgeModel}
          iterationIndex={iteration.index}
          pageSize={TRACE_PAGE_SIZE}
          storageKey={`marks:run-${runId}:eval:${set.id}:${iteration.index}`}
          exportHref={`/api/runs/${runId}/export/eval?iteration=${iteration.index}`}
        />
      </div>
    </>
  );
}
