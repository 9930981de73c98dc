// Two judges on the same data: pick another job on this dataset, then see how often the two
// verdicts agree (with Cohen's kappa), the verdict-by-verdict table, each one's agreement with the
// labels, and the items where they differ, a page at a time.
import Link from "next/link";
import { Pagination } from "@/components/shell/pagination";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { JobDifference } from "@/lib/db/queries/judge-job-views";
import { formatCount, formatPercent } from "@/lib/format/numbers";
import type { JobComparison } from "@/lib/judge-jobs/compare-view";
import { jobSearch, type JobParams } from "@/lib/judge-jobs/list-params";
import { responseLetter } from "@/lib/pipeline/jobs/item-plan";

export const DIFF_PAGE = 25;

type Other = { id: number; name: string; judgeLabel: string; status: string };

export function CompareCard({
  jobId,
  others,
  params,
  comparison,
  differences,
}: {
  jobId: number;
  others: Other[];
  params: JobParams;
  comparison: JobComparison | null;
  differences: JobDifference[];
}) {
  if (others.length === 0)
    return (
      <Card>
        <CardHeader>
          <CardTitle>Compare with another judge</CardTitle>
          <CardDescription>
            No other job judged this data yet.{" "}
            <Link className="underline" href={`/judge/new?from=${jobId}`}>
              Re-judge it with another judge
            </Link>{" "}
            to see where two judges agree.
          </CardDescription>
        </CardHeader>
      </Card>
    );
  const verdicts = comparison ? [...new Set(comparison.matrix.flatMap((c) => [c.a, c.b]))].sort() : [];
  const cell = (a: string, b: string) => comparison?.matrix.find((c) => c.a === a && c.b === b)?.n ?? 0;
  return (
    <Card id="compare" data-testid="job-compare">
      <CardHeader>
        <CardTitle>Compare with another judge</CardTitle>
        <CardDescription>Another job on the same data, item by item.</CardDescription>
        <form method="get" action={`/judge/${jobId}`} className="mt-2 flex flex-wrap items-end gap-2">
          <label className="grid gap-1 text-xs font-medium text-muted-foreground">
            Other job
            <NativeSelect name="vs" defaultValue={params.vs ?? others[0]!.id} className="w-auto min-w-72">
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  #{o.id} {o.name}: {o.judgeLabel} ({o.status})
                </option>
              ))}
            </NativeSelect>
          </label>
          <Button type="submit" variant="outline">
            Compare
          </Button>
        </form>
      </CardHeader>
      {comparison ? (
        <CardContent className="grid gap-4">
          <p className="text-sm" data-testid="compare-summary">
            On {formatCount(comparison.items)} items both finished, the judges agree on{" "}
            <strong>{comparison.agreement ? formatPercent(comparison.agreement.rate) : "—"}</strong>
            {comparison.agreement ? ` (95%: ${formatPercent(comparison.agreement.low)}–${formatPercent(comparison.agreement.high)})` : ""};
            Cohen&apos;s kappa <strong>{comparison.kappa === null ? "—" : comparison.kappa.toFixed(3)}</strong>.
          </p>
          {verdicts.length > 0 ? (
            <Table aria-label="Verdicts of the two judges">
              <TableHeader>
                <TableRow>
                  <TableHead>
                    #{comparison.a.id} ↓ / #{comparison.b.id} →
                  </TableHead>
                  {verdicts.map((v) => (
                    <TableHead key={v} className="text-right">
                      {v}
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {verdicts.map((a) => (
                  <TableRow key={a}>
                    <TableCell className="font-medium">{a}</TableCell>
                    {verdicts.map((b) => (
                      <TableCell key={b} className={`text-right tabular-nums ${a === b ? "font-semibold" : ""}`}>
                        {formatCount(cell(a, b))}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
          <section aria-labelledby="differences-title" className="grid gap-2">
            <h3 id="differences-title" className="text-sm font-semibold">
              Where they differ
            </h3>
            {differences.length === 0 ? (
              <p className="text-sm text-muted-foreground">Nowhere (among the items both finished).</p>
            ) : (
              <ul className="grid gap-2" data-testid="differences">
                {differences.map((d) => (
                  <li key={d.itemId} className="rounded-md border p-2 text-sm">
                    <Link className="line-clamp-2 hover:underline [overflow-wrap:anywhere]" href={`/judge/${jobId}/items/${d.itemId}`}>
                      {d.text}
                    </Link>
                    <span className="text-xs text-muted-foreground">
                      #{comparison.a.id}: {d.a} · #{comparison.b.id}: {d.b}
                      {d.label !== null ? ` · label ${d.label === "tie" ? "tie" : responseLetter(Number(d.label))}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <Pagination
              page={params.diffPage}
              pageSize={DIFF_PAGE}
              total={comparison.items - comparison.agree}
              hrefFor={(p) => `/judge/${jobId}${jobSearch({ ...params, diffPage: p })}#compare`}
              noun="differences"
            />
          </section>
        </CardContent>
      ) : null}
    </Card>
  );
}
