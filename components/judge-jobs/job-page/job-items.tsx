// A page of a judge job's items with their verdicts (filtered in SQL by verdict, category,
// agreement with the label, position consistency, or a search of the prompts), each linking to
// the item's traces.
import Link from "next/link";
import { labelText } from "@/components/datasets/response-list";
import { EmptyState } from "@/components/feedback/empty-state";
import { Pagination } from "@/components/shell/pagination";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ListFilters, type FilterField } from "@/components/traces/list-filters";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { JobItemRow } from "@/lib/db/queries/judge-job-views";
import { formatCount, formatPercent } from "@/lib/format/numbers";
import { hasJobFilters, jobSearch, type JobParams } from "@/lib/judge-jobs/list-params";
import { responseLetter } from "@/lib/pipeline/jobs/item-plan";

export const JOB_ITEMS_PAGE = 50;

export function JobItems({
  jobId,
  rows,
  total,
  params,
  pairwise,
  responses,
  categories,
  labelled,
}: {
  jobId: number;
  rows: JobItemRow[];
  total: number;
  params: JobParams;
  pairwise: boolean;
  responses: number;
  categories: string[];
  labelled: boolean;
}) {
  const verdicts = pairwise ? ["A", "B", "tie", "unparsed"] : Array.from({ length: responses }, (_, i) => responseLetter(i));
  const fields: FilterField[] = [
    {
      name: "verdict",
      label: pairwise ? "Verdict" : "Ranked best",
      options: [{ value: "", label: "Any" }, ...verdicts.map((v) => ({ value: v, label: v === "unparsed" ? "no verdict" : v }))],
    },
    ...(categories.length > 0
      ? [
          {
            name: "category",
            label: "Category",
            options: [{ value: "", label: "All" }, ...categories.map((c) => ({ value: c, label: c }))],
          },
        ]
      : []),
    ...(labelled
      ? [
          {
            name: "agreement",
            label: "Label",
            options: [
              { value: "", label: "Any" },
              { value: "agree", label: "Agrees" },
              { value: "disagree", label: "Disagrees" },
            ],
          },
        ]
      : []),
    {
      name: "inconsistent",
      label: "Orders",
      options: [
        { value: "", label: "Any" },
        { value: "1", label: "Disagree with each other" },
      ],
    },
  ];
  return (
    <Card id="items">
      <CardHeader>
        <CardTitle>Items</CardTitle>
        <CardDescription>Every finished item with its verdict; open one to read the judge&apos;s traces.</CardDescription>
        <div className="mt-2">
          <ListFilters fields={fields} searchLabel="Search prompts" />
        </div>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <EmptyState title={hasJobFilters(params) ? "No item matches these filters" : "No item is finished yet"}>
            {hasJobFilters(params) ? "Clear the filters to see every item." : "Items appear here as soon as their comparisons are decided."}
          </EmptyState>
        ) : (
          <>
            <p className="mb-2 text-sm text-muted-foreground" data-testid="items-count">
              {formatCount(total)} item{total === 1 ? "" : "s"}
            </p>
            <Table aria-label="Judged items">
              <TableHeader>
                <TableRow>
                  <TableHead>Prompt</TableHead>
                  <TableHead>Category</TableHead>
                  <TableHead>{pairwise ? "Verdict" : "Best"}</TableHead>
                  <TableHead className="text-right">Vote share</TableHead>
                  <TableHead>Orders</TableHead>
                  {labelled ? <TableHead>Label</TableHead> : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.itemId}>
                    <TableCell className="max-w-xl">
                      <Link className="line-clamp-2 hover:underline [overflow-wrap:anywhere]" href={`/judge/${jobId}/items/${row.itemId}`}>
                        {row.text}
                      </Link>
                      <span className="text-xs text-muted-foreground">id {row.sourceId}</span>
                    </TableCell>
                    <TableCell className="text-sm">{row.category ?? "—"}</TableCell>
                    <TableCell>
                      <Badge variant={row.verdict === "unparsed" ? "warning" : row.verdict === "tie" ? "secondary" : "outline"}>
                        {row.verdict === "unparsed" ? "no verdict" : row.verdict}
                      </Badge>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {row.voteShare === null ? "—" : formatPercent(row.voteShare, 0)}
                    </TableCell>
                    <TableCell className="text-sm">
                      {row.consistent === null ? "one order" : row.consistent ? "agree" : "disagree"}
                    </TableCell>
                    {labelled ? (
                      <TableCell className="text-sm">
                        {labelText(row.label)}{" "}
                        {row.agrees === null ? null : row.agrees ? (
                          <span className="text-success">✓</span>
                        ) : (
                          <span className="text-destructive" aria-label="disagrees">
                            ✗
                          </span>
                        )}
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Pagination
              page={params.page}
              pageSize={JOB_ITEMS_PAGE}
              total={total}
              hrefFor={(p) => `/judge/${jobId}${jobSearch({ ...params, page: p })}#items`}
              noun="items"
            />
          </>
        )}
      </CardContent>
    </Card>
  );
}
