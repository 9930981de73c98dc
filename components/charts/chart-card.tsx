"use client";
/**
 * The frame of every chart: title, what it shows, the chart itself or an empty state saying why
 * there is nothing yet, and downloads of the chart as PNG and of its data as CSV. The data is also
 * in a visually hidden table, so a screen reader reads the numbers instead of the drawing.
 */
import { Download, ImageDown } from "lucide-react";
import { useRef, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ChartTable } from "@/lib/charts/run-chart-data";
import { downloadCsv, downloadPng } from "@/lib/ui/download";

export function ChartCard({
  id,
  title,
  description,
  table,
  empty,
  filePrefix,
  controls,
  children,
}: {
  /** Used in file names and test ids. */
  id: string;
  title: string;
  description: ReactNode;
  table: ChartTable;
  /** Why there is nothing to draw yet; the chart is replaced by this when there are no rows. */
  empty: string;
  filePrefix: string;
  controls?: ReactNode;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const hasData = table.rows.length > 0;
  return (
    <Card ref={ref} className="min-w-0" data-testid={`chart-${id}`} role="figure" aria-label={title}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="grid min-w-0 flex-1 gap-1">
          <CardTitle>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        {hasData ? (
          <div className="flex shrink-0 gap-1" data-no-export>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Download ${title} as PNG`}
              onClick={() =>
                ref.current && downloadPng(`${filePrefix}-${id}.png`, ref.current).catch((error: Error) => toast.error(error.message))
              }
            >
              <ImageDown /> PNG
            </Button>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Download the data of ${title} as CSV`}
              onClick={() => downloadCsv(`${filePrefix}-${id}.csv`, table)}
            >
              <Download /> CSV
            </Button>
          </div>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-3">
        {controls && hasData ? <div data-no-export>{controls}</div> : null}
        {hasData ? (
          <>
            <div aria-hidden>{children}</div>
            <div className="sr-only">
              <table data-testid="chart-data">
                <caption>{title}: the data</caption>
                <thead>
                  <tr>
                    {table.columns.map((c) => (
                      <th key={c.key} scope="col">
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row, i) => (
                    <tr key={i}>
                      {table.columns.map((c) => (
                        <td key={c.key}>{row[c.key] ?? "—"}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p className="rounded-md border border-dashed px-4 py-10 text-center text-sm text-muted-foreground" data-testid="chart-empty">
            {empty}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
