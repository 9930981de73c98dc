"use client";
// RewardBench overall and its four sections per iteration.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from "recharts";
import { rewardBenchTable } from "@/lib/charts/run-chart-data";
import type { RunView } from "@/lib/runs/run-view";
import { ChartCard } from "./chart-card";
import { iterationAxis, iterationLabel, NO_SCORES, percentFormatter } from "./chart-defaults";
import { axisProps, CHART_HEIGHT, gridProps, legendProps, seriesColor, tooltipProps } from "./chart-style";

export function RewardBenchChart({ view, prefix }: { view: RunView; prefix: string }) {
  const rewardBench = rewardBenchTable(view);
  return (
    <ChartCard
      id="rewardbench"
      filePrefix={prefix}
      title="RewardBench per iteration"
      description="Overall score and the four sections (official weights) over the RewardBench subsets among the eval sets; iteration 0 is the seed judge."
      table={rewardBench}
      empty={
        view.iterations.some((it) => it.evals.length > 0)
          ? "No RewardBench subsets among this run's eval sets. Import RewardBench (or LLMBar) and add it as an eval set to see these lines."
          : NO_SCORES
      }
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={rewardBench.rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid {...gridProps} />
          {iterationAxis()}
          <YAxis {...axisProps} domain={[0, 100]} unit="%" width={48} />
          <Tooltip {...tooltipProps} formatter={percentFormatter} labelFormatter={iterationLabel} />
          <Legend {...legendProps} />
          {rewardBench.columns.slice(1).map((column, i) => (
            <Line
              key={column.key}
              dataKey={column.key}
              name={column.label}
              stroke={seriesColor(i)}
              strokeWidth={column.key === "RewardBench" ? 3 : 1.5}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
