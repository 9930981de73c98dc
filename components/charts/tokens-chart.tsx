"use client";
// Prompt and completion tokens per stage of the run.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { tokensTable } from "@/lib/charts/run-chart-data";
import type { RunView } from "@/lib/runs/run-view";
import { ChartCard } from "./chart-card";
import { countFormatter } from "./chart-defaults";
import { axisProps, CHART_HEIGHT, gridProps, legendProps, seriesColor, tooltipProps } from "./chart-style";

export function TokensChart({ view, prefix }: { view: RunView; prefix: string }) {
  const tokens = tokensTable(view);
  return (
    <ChartCard
      id="tokens"
      filePrefix={prefix}
      title="Tokens per stage"
      description="Prompt and completion tokens of every call the run made, by stage (selection, pair generation, judging, evaluation)."
      table={tokens}
      empty="No calls yet."
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={tokens.rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid {...gridProps} vertical={false} />
          <XAxis dataKey="stage" {...axisProps} />
          <YAxis {...axisProps} width={64} tickFormatter={(v: number) => v.toLocaleString("en-US")} />
          <Tooltip {...tooltipProps} cursor={{ fill: "var(--muted)" }} formatter={countFormatter} />
          <Legend {...legendProps} />
          <Bar dataKey="prompt" name="Prompt tokens" stackId="tokens" fill={seriesColor(0)} isAnimationActive={false} />
          <Bar dataKey="completion" name="Completion tokens" stackId="tokens" fill={seriesColor(1)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
