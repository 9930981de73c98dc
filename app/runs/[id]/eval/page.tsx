// Eval items of one iteration and eval set: each (item, order) with the judge's sampled votes and
// their majority, filtered by subset, outcome, majority and order, searched, sorted and paged in SQL.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { GroupList } from "@/components/traces/group-list";
import { ListFilters } from "@/components/traces/list-filters";
import { getDb } from "@/lib/db/client";
import { countEvalGroups, listEvalGroups, traceContext } from "@/lib/db/queries/traces";
import { formatCount } from "@/lib/format/numbers";
import { iterationOptions, majorityOptions, orderOptions, outcomeOptions, sortOptions } from "@/lib/traces/filter-options";
import { groupFilters, hasFilters, listSearch, parseListParams } from "@/lib/traces/list-params";

export const metadata: Metadata = { title: "Eval items" };

const PAGE_SIZE = 50;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EvalItemsPage({ params, searchParams }: Props) {
  await connection();
  const runId = Number((await params).id);
  if (!Number.isSafeInteger(runId)) notFound();
  const db = getDb();
  const context = traceContext(db, runId);
  const list = parseListParams(await searchParams);
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
  const rows = listEvalGroups(db, iteration.id, set.id, filters, list.sort, { limit: PAGE_SIZE, offset: (list.page - 1) * PAGE_SIZE });
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
        <p className="text-sm text-muted-foreground" data-testid="group-count" aria-live="polite">
          {formatCount(total)} {total === 1 ? "item-order" : "item-orders"}
          {hasFilters(list) ? " match" : ""} · {set.name}, iteration {iteration.index}, judge{" "}
          <span className="font-mono text-xs">{iteration.judgeModel}</span>
        </p>
        {rows.length === 0 ? (
          <EmptyState title="No items match">Loosen a filter or clear them all.</EmptyState>
        ) : (
          <GroupList
            kind="item"
            storageKey={`marks:run-${runId}:eval:${set.id}:${iteration.index}`}
            exportHref={`/api/runs/${runId}/export/eval?iteration=${iteration.index}`}
            rows={rows.map((row) => ({
              key: `${row.id}-${row.goodPosition}`,
              id: row.id,
              href: `${base}/${row.id}?iteration=${iteration.index}#order-${row.goodPosition}`,
              goodPosition: row.goodPosition,
              text: row.text,
              label: row.label,
              votes: row.votes.split(","),
              kept: 0,
              statuses: [],
            }))}
          />
        )}
        <Pagination
          page={list.page}
          pageSize={PAGE_SIZE}
          total={total}
          noun="item-orders"
          hrefFor={(p) => `${base}${listSearch({ ...list, page: p })}`}
        />
      </div>
    </>
  );
}
