// Training pairs of one iteration: each (pair, order) with how its samples voted and what the
// filter kept; filters, sort and page live in the URL; counted and paged in SQL.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { GroupList } from "@/components/traces/group-list";
import { ListFilters } from "@/components/traces/list-filters";
import { getDb } from "@/lib/db/client";
import { countPairGroups, listPairGroups, traceContext } from "@/lib/db/queries/traces";
import { formatCount } from "@/lib/format/numbers";
import { groupFilters, hasFilters, listSearch, parseListParams } from "@/lib/traces/list-params";
import { iterationOptions, majorityOptions, orderOptions, outcomeOptions, sortOptions } from "@/lib/traces/filter-options";

export const metadata: Metadata = { title: "Training pairs" };

const PAGE_SIZE = 50;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PairsPage({ params, searchParams }: Props) {
  await connection();
  const runId = Number((await params).id);
  if (!Number.isSafeInteger(runId)) notFound();
  const db = getDb();
  const context = traceContext(db, runId);
  const list = parseListParams(await searchParams);
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
  const rows = listPairGroups(db, iteration.id, filters, list.sort, { limit: PAGE_SIZE, offset: (list.page - 1) * PAGE_SIZE });
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
        <p className="text-sm text-muted-foreground" data-testid="group-count" aria-live="polite">
          {formatCount(total)} {total === 1 ? "pair-order" : "pair-orders"}
          {hasFilters(list) ? " match" : ""} · iteration {iteration.index}, judge{" "}
          <span className="font-mono text-xs">{iteration.judgeModel}</span>
        </p>
        {rows.length === 0 ? (
          <EmptyState title="No pairs match">Loosen a filter or clear them all.</EmptyState>
        ) : (
          <GroupList
            kind="pair"
            storageKey={`marks:run-${runId}:pairs:${iteration.index}`}
            exportHref={`/api/runs/${runId}/export/judgments?iteration=${iteration.index}`}
            rows={rows.map((row) => ({
              key: `${row.id}-${row.goodPosition}`,
              id: row.id,
              href: `${base}/${row.id}?iteration=${iteration.index}#order-${row.goodPosition}`,
              goodPosition: row.goodPosition,
              text: row.text,
              label: row.label,
              votes: row.votes.split(","),
              kept: row.kept,
              statuses: row.statuses ? row.statuses.split(",") : [],
            }))}
          />
        )}
        <Pagination
          page={list.page}
          pageSize={PAGE_SIZE}
          total={total}
          noun="pair-orders"
          hrefFor={(p) => `${base}${listSearch({ ...list, page: p })}`}
        />
      </div>
    </>
  );
}
