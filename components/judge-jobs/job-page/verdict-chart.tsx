"use client";
// The judge job's chart: for pairwise data, the share of A wins, ties, B wins and unreadable
// verdicts overall and per category (stacked to 100%); for best-of-n, how often each response
// position was ranked best.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/charts/chart-card";
import { percentFormatter } from "@/components/charts/chart-defaults";
import { axisProps, CHART_HEIGHT, gridProps, legendProps, seriesColor, tooltipProps } from "@/components/charts/chart-style";
import { verdictShareTable } from "@/lib/judge-jobs/job-chart-data";
import type { JudgeJobView } from "@/lib/judge-jobs/job-view";

export function VerdictChart({ view, names }: { view: JudgeJobView; names: [string, string] }) {
  const table = verdictShareTable(view);
  const prefix = `judge-job-${view.job.id}`;
  if (!view.pairwise)
    return (
      <ChartCard
        id="best"
        filePrefix={prefix}
        title="Ranked best"
        description="Share of prompts whose best response (by the judge's ranking) was in each position of the list."
        table={table}
        empty="No item is finished yet."
      >
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={table.rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid {...gridProps} vertical={false} />
            <XAxis dataKey="response" {...axisProps} />
            <YAxis {...axisProps} unit="%" width={48} domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} />
            <Tooltip {...tooltipProps} cursor={{ fill: "var(--muted)" }} formatter={percentFormatter} />
            <Bar dataKey="best" name="Ranked best" fill={seriesColor(0)} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
    );
  return (
    <ChartCard
      id="verdicts"
      filePrefix={prefix}
      title="Verdicts"
      description={`Share of prompts where the judge preferred ${names[0]}, saw a tie, preferred ${names[1]}, or gave no readable verdict; overall and per category.`}
      table={table}
      empty="No item is finished yet."
    >
      <ResponsiveContainer width="100%" height={Math.max(CHART_HEIGHT, 40 + table.rows.length * 28)}>
        <BarChart data={table.rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid {...gridProps} horizontal={false} />
          <XAxis type="number" {...axisProps} unit="%" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} />
          <YAxis type="category" dataKey="group" {...axisProps} width={110} />
          <Tooltip {...tooltipProps} cursor={{ fill: "var(--muted)" }} formatter={percentFormatter} />
          <Legend {...legendProps} />
          <Bar dataKey="a" name={`${names[0]} wins`} stackId="v" fill={seriesColor(0)} isAnimationActive={false} />
          <Bar dataKey="tie" name="Tie" stackId="v" fill="var(--muted-foreground)" isAnimationActive={false} />
          <Bar dataKey="b" name={`${names[1]} wins`} stackId="v" fill={seriesColor(1)} isAnimationActive={false} />
          <Bar dataKey="unparsed" name="No verdict" stackId="v" fill={seriesColor(4)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
