"use client";
// Accuracy per subset and iteration, as a heat map.
import { subsetTable } from "@/lib/charts/run-chart-data";
import type { RunView } from "@/lib/runs/run-view";
import { ChartCard } from "./chart-card";
import { NO_SCORES } from "./chart-defaults";
import { SubsetHeatmap } from "./subset-heatmap";

export function SubsetsChart({ view, prefix }: { view: RunView; prefix: string }) {
  const subsets = subsetTable(view);
  return (
    <ChartCard
      id="subsets"
      filePrefix={prefix}
      title="Accuracy per subset"
      description="Every subset of every eval set, per iteration: green above 50%, red below. Hover a cell for its exact value."
      table={subsets}
      empty={NO_SCORES}
    >
      <SubsetHeatmap table={subsets} iterations={subsets.iterations} />
    </ChartCard>
  );
}
