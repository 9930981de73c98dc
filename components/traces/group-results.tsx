// The results part of a trace list (training pairs or eval items): how many (subject, order)
// groups match and for which judge, the list itself (or an empty state), and the pages.
import { EmptyState } from "@/components/feedback/empty-state";
import { Pagination } from "@/components/shell/pagination";
import type { JudgmentGroup } from "@/lib/db/queries/traces";
import { formatCount } from "@/lib/format/numbers";
import { hasFilters, listSearch, type ListParams } from "@/lib/traces/list-params";
import { GroupList } from "./group-list";

/** `set` is the eval set of an item list (absent for training pairs). */
export function GroupResults({
  runId,
  iteration,
  set,
  rows,
  total,
  list,
  pageSize,
}: {
  runId: number;
  iteration: { index: number; judgeModel: string };
  set?: { id: number; name: string };
  rows: JudgmentGroup[];
  total: number;
  list: ListParams;
  pageSize: number;
}) {
  const kind = set ? "item" : "pair";
  const [one, many] = kind === "pair" ? ["pair-order", "pair-orders"] : ["item-order", "item-orders"];
  const base = `/runs/${runId}/${set ? "eval" : "pairs"}`;
  const iterationIndex = iteration.index;
  const scope = set ? `${set.name}, iteration ${iteration.index}` : `iteration ${iteration.index}`;
  const storageKey = set ? `marks:run-${runId}:eval:${set.id}:${iteration.index}` : `marks:run-${runId}:pairs:${iteration.index}`;
  const exportHref = `/api/runs/${runId}/export/${set ? "eval" : "judgments"}?iteration=${iteration.index}`;
  return (
    <>
      <p className="text-sm text-muted-foreground" data-testid="group-count" aria-live="polite">
        {formatCount(total)} {total === 1 ? one : many}
        {hasFilters(list) ? " match" : ""} · {scope}, judge <span className="font-mono text-xs">{iteration.judgeModel}</span>
      </p>
      {rows.length === 0 ? (
        <EmptyState title={kind === "pair" ? "No pairs match" : "No items match"}>Loosen a filter or clear them all.</EmptyState>
      ) : (
        <GroupList
          kind={kind}
          storageKey={storageKey}
          exportHref={exportHref}
          rows={rows.map((row) => ({
            key: `${row.id}-${row.goodPosition}`,
            id: row.id,
            href: `${base}/${row.id}?iteration=${iterationIndex}#order-${row.goodPosition}`,
            goodPosition: row.goodPosition,
            text: row.text,
            label: row.label,
            votes: row.votes.split(","),
            kept: kind === "pair" ? row.kept : 0,
            statuses: kind === "pair" && row.statuses ? row.statuses.split(",") : [],
          }))}
        />
      )}
      <Pagination
        page={list.page}
        pageSize={pageSize}
        total={total}
        noun={many}
        hrefFor={(p) => `${base}${listSearch({ ...list, page: p })}`}
      />
    </>
  );
}
