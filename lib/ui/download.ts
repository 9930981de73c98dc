// Browser downloads of what a page already shows: a chart as PNG (the rendered card, via
// html-to-image, so CSS colours and the legend come along) and a chart's data table as CSV.
import { stringify } from "csv-stringify/browser/esm/sync";
import { toBlob } from "html-to-image";
import type { ChartTable } from "@/lib/charts/run-chart-data";

export function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function tableCsv(table: ChartTable): string {
  return stringify([table.columns.map((c) => c.label), ...table.rows.map((row) => table.columns.map((c) => row[c.key] ?? ""))]);
}

export function downloadCsv(filename: string, table: ChartTable): void {
  saveBlob(filename, new Blob([tableCsv(table)], { type: "text/csv;charset=utf-8" }));
}

/** A PNG of `node` at twice the screen resolution on the page's background; parts marked data-no-export are left out. */
export async function downloadPng(filename: string, node: HTMLElement): Promise<void> {
  const background = getComputedStyle(document.body).backgroundColor;
  const blob = await toBlob(node, {
    pixelRatio: 2,
    backgroundColor: background,
    filter: (element) => !(element instanceof HTMLElement && element.dataset.noExport !== undefined),
  });
  if (!blob) throw new Error("The browser could not draw the chart");
  saveBlob(filename, blob);
}
