// The results part of a trace list (training pairs or eval items): how many (subject, order)
// groups match and for which judge, the list itself (or an empty state), and the pages.
import type { ReactNode } from "react";
import { EmptyState } from "@/components/feedback/empty-state";
import { Pagination } from "@/components/shell/pagination";
import type { JudgmentGroup } from "@/lib/db/queries/traces";
import { formatCount } from "@/lib/format/numbers";
import { hasFilters, listSearch, type ListParams } from "@/lib/traces/list-params";
import { GroupList } from "./group-list";

export function GroupResults({
  kind,
  rows,
  total,
  list,
  base,
  scope,
  judgeModel,
  iterationIndex,
  pageSize,
  storageKey,
  exportHref,
}: {
  kind: "pair" | "item";
  rows: JudgmentGroup[];
  total: number;
  list: ListParams;
  /** The list's path; a row opens `${base}/<id>`. */
  base: string;
  /** What the count is of, after the number (the eval set, the iteration). */
  scope: ReactNode;
  judgeModel: string;
  iterationIndex: number;
  pageSize: number;
  storageKey: string;
  exportHref: string;
}) {
  const [one, many] = kind === "pair" ? ["pair-order", "pair-orders"] : ["item-order", "item-orders"];
  return (
    <>
      <p className="text-sm text-muted-foreground" data-testid="group-count" aria-live="polite">
        {formatCount(total)} {total === 1 ? one : many}
        {hasFilters(list) ? " match" : ""} · {scope}, judge <span className="font-mono text-xs">{judgeModel}</span>
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
