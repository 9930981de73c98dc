// A dataset: what it is, its subsets (or categories) with counts, and its rows, searchable, a page at a time;
// data that can be judged links to a new judge job on it.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DeleteDatasetButton } from "@/components/datasets/delete-dataset-button";
import { ItemFilters } from "@/components/datasets/item-filters";
import { DATASET_KIND_LABELS, DatasetRows } from "@/components/datasets/dataset-rows";
import { EmptyState } from "@/components/feedback/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Gavel } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { countDatasetItems, countItemsByCategory, countItemsBySubset, getDatasetById, listDatasetItems } from "@/lib/db/queries/datasets";
import { formatCount } from "@/lib/format/numbers";
import { formatDateTime } from "@/lib/format/time";

export const metadata: Metadata = { title: "Dataset" };

const PAGE_SIZE = 50;

type SearchParams = Promise<{ q?: string | string[]; subset?: string | string[]; page?: string | string[] }>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function DatasetPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  await connection();
  const { id } = await params;
  const db = getDb();
  const dataset = /^\d+$/.test(id) ? getDatasetById(db, Number(id)) : undefined;
  if (!dataset) notFound();
  const search = await searchParams;
  const query = first(search.q)?.trim().slice(0, 200) || undefined;
  const subset = first(search.subset) || undefined;
  const pageText = first(search.page);
  const page = pageText && /^\d{1,7}$/.test(pageText) ? Math.max(1, Number(pageText)) : 1;

  const subsets = countItemsBySubset(db, dataset.id);
  const categories = dataset.kind !== "pairs" ? countItemsByCategory(db, dataset.id) : [];
  const filter = { query, subset };
  const total = countDatasetItems(db, dataset.id, filter);
  const items = listDatasetItems(db, dataset.id, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (p: number) => {
    const next = new URLSearchParams();
    if (query) next.set("q", query);
    if (subset) next.set("subset", subset);
    if (p > 1) next.set("page", String(p));
    const text = next.toString();
    return `/datasets/${dataset.id}${text ? `?${text}` : ""}`;
  };
  const pairs = dataset.kind === "pairs";

  return (
    <>
      <PageHeader
        title={dataset.name}
        description={
          <>
            <Badge variant="secondary">{DATASET_KIND_LABELS[dataset.kind]}</Badge> {formatCount(dataset.rowCount)} rows · imported{" "}
            {formatDateTime(dataset.createdAt)} · <span className="font-mono text-xs">{dataset.source}</span>
            {dataset.description ? <span className="mt-1 block">{dataset.description}</span> : null}
          </>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {dataset.kind !== "instructions" ? (
              <Button asChild variant="outline">
                <Link href={`/judge/new?dataset=${encodeURIComponent(dataset.name)}`}>
                  <Gavel /> Judge this data
                </Link>
              </Button>
            ) : null}
            <DeleteDatasetButton id={dataset.id} name={dataset.name} />
          </div>
        }
      />

      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <Card className="self-start">
          <CardHeader>
            <CardTitle>{pairs ? "Subsets" : "Categories"}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-1 text-sm" aria-label={pairs ? "Subsets" : "Categories"}>
              {(pairs
                ? subsets.map((s) => ({ name: s.subset, items: s.items }))
                : categories.map((c) => ({ name: c.category, items: c.items }))
              ).map((entry) => (
                <li key={entry.name ?? "(none)"} className="flex justify-between gap-3">
                  {pairs && entry.name ? (
                    <Link
                      href={pageHref(1).replace(/\?.*$/, "") + `?subset=${encodeURIComponent(entry.name)}`}
                      className="truncate hover:underline"
                    >
                      {entry.name}
                    </Link>
                  ) : (
                    <span className="truncate">{entry.name ?? "(none)"}</span>
                  )}
                  <span className="tabular-nums text-muted-foreground">{formatCount(entry.items)}</span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>

        <div className="grid min-w-0 gap-3">
          <ItemFilters subsets={subsets.map((s) => s.subset).filter((s): s is string => s !== null)} />
          {items.length === 0 ? (
            <EmptyState title="No rows match">{query ? `Nothing contains “${query}”.` : "This subset has no rows."}</EmptyState>
          ) : (
            <DatasetRows items={items} kind={dataset.kind} />
          )}
          <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-muted-foreground">
            <span data-testid="row-count">
              {formatCount(total)} {total === 1 ? "row" : "rows"}
              {query || subset ? " match" : ""} · page {page} of {pages}
            </span>
            <span className="flex gap-2">
              {page > 1 ? (
                <Link className="underline" href={pageHref(page - 1)}>
                  Previous
                </Link>
              ) : null}
              {page < pages ? (
                <Link className="underline" href={pageHref(page + 1)}>
                  Next
                </Link>
              ) : null}
            </span>
          </nav>
        </div>
      </div>
    </>
  );
}
