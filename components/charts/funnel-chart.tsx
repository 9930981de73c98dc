"use client";
// The rejection-sampling funnel per iteration (and, for DPO rounds, its yield).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, YAxis } from "recharts";
import { funnelTable } from "@/lib/charts/run-chart-data";
import type { RunView } from "@/lib/runs/run-view";
import { ChartCard } from "./chart-card";
import { countFormatter, iterationAxis, iterationLabel } from "./chart-defaults";
import { axisProps, CHART_HEIGHT, gridProps, legendProps, seriesColor, tooltipProps } from "./chart-style";

export function FunnelChart({ view, prefix }: { view: RunView; prefix: string }) {
  const funnel = funnelTable(view);
  return (
    <ChartCard
      id="funnel"
      filePrefix={prefix}
      title="Rejection-sampling funnel"
      description="Per iteration: pair-orders judged, sampled judgments, correct ones, pair-orders with a usable correct trace, and what was kept after A/B balancing to train the next judge."
      table={funnel}
      empty="Nothing filtered yet: the funnel appears when an iteration's filter stage finishes."
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={funnel.rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid {...gridProps} vertical={false} />
          {iterationAxis()}
          <YAxis {...axisProps} width={56} tickFormatter={(v: number) => v.toLocaleString("en-US")} />
          <Tooltip {...tooltipProps} cursor={{ fill: "var(--muted)" }} labelFormatter={iterationLabel} formatter={countFormatter} />
          <Legend {...legendProps} />
          {funnel.columns.slice(1).map((column, i) => (
            <Bar key={column.key} dataKey={column.key} name={column.label} fill={seriesColor(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
