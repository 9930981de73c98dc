// A judge job's results per category (when the data has a category column): items, A's win rate
// among the decided prompts (pairwise) and agreement with the labels, each with its 95% interval.
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatCount, formatPercent } from "@/lib/format/numbers";
import type { JudgeJobView } from "@/lib/judge-jobs/job-view";

const withInterval = (r: { rate: number; low: number; high: number } | null | undefined) =>
  r ? `${formatPercent(r.rate)} (${formatPercent(r.low, 0)}–${formatPercent(r.high, 0)})` : "—";

export function CategoriesCard({ view, names }: { view: JudgeJobView; names: [string, string] }) {
  if (view.categories.length === 0) return null;
  const labelled = view.categories.some((c) => c.agreement);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Per category</CardTitle>
      </CardHeader>
      <CardContent>
        <Table aria-label="Results per category">
          <TableHeader>
            <TableRow>
              <TableHead>Category</TableHead>
              <TableHead className="text-right">Items</TableHead>
              {view.pairwise ? (
                <>
                  <TableHead className="text-right">
                    {names[0]} / {names[1]} / tie / none
                  </TableHead>
                  <TableHead className="text-right">{names[0]} wins (95%)</TableHead>
                </>
              ) : null}
              {labelled ? <TableHead className="text-right">Agrees with the label (95%)</TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.categories.map((c) => (
              <TableRow key={c.category}>
                <TableCell>
                  <Link className="hover:underline" href={`/judge/${view.job.id}?category=${encodeURIComponent(c.category)}#items`}>
                    {c.category}
                  </Link>
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(c.items)}</TableCell>
                {view.pairwise && c.winRate ? (
                  <>
                    <TableCell className="text-right tabular-nums">
                      {c.winRate.counts.a} / {c.winRate.counts.b} / {c.winRate.counts.tie} / {c.winRate.counts.unparsed}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{withInterval(c.winRate.winRateA)}</TableCell>
                  </>
                ) : null}
                {labelled ? <TableCell className="text-right tabular-nums">{withInterval(c.agreement)}</TableCell> : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
