"use client";
// Accuracy per eval set and iteration, with its 95% Wilson interval as whiskers.
import { CartesianGrid, ErrorBar, Legend, Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from "recharts";
import { accuracyTable } from "@/lib/charts/run-chart-data";
import type { RunView } from "@/lib/runs/run-view";
import { ChartCard } from "./chart-card";
import { NO_SCORES, iterationAxis, iterationLabel } from "./chart-defaults";
import { axisProps, CHART_HEIGHT, gridProps, legendProps, seriesColor, tooltipProps } from "./chart-style";

export function AccuracyChart({ view, prefix }: { view: RunView; prefix: string }) {
  const accuracy = accuracyTable(view);
  return (
    <ChartCard
      id="accuracy"
      filePrefix={prefix}
      title="Accuracy per eval set"
      description="Share of items where the judge preferred the labelled better response (both orders averaged), with its 95% Wilson interval as whiskers."
      table={accuracy}
      empty={NO_SCORES}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart
          data={accuracy.rows.map((row) => ({
            ...row,
            ...Object.fromEntries(
              accuracy.sets.map((_, i) => [
                `s${i}_err`,
                row[`s${i}`] === null
                  ? null
                  : [(row[`s${i}`] as number) - (row[`s${i}_low`] as number), (row[`s${i}_high`] as number) - (row[`s${i}`] as number)],
              ]),
            ),
          }))}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid {...gridProps} />
          {iterationAxis()}
          <YAxis {...axisProps} domain={[0, 100]} unit="%" width={48} />
          <Tooltip
            {...tooltipProps}
            labelFormatter={iterationLabel}
            formatter={(value, _name, item) => {
              const key = String(item.dataKey);
              const row = item.payload as Record<string, number | null>;
              return typeof value === "number"
                ? `${value.toFixed(1)}% (95%: ${row[`${key}_low`]?.toFixed(1)}–${row[`${key}_high`]?.toFixed(1)})`
                : "—";
            }}
          />
          <Legend {...legendProps} />
          {accuracy.sets.map((name, i) => (
            <Line
              key={name}
              dataKey={`s${i}`}
              name={name}
              stroke={seriesColor(i)}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            >
              <ErrorBar dataKey={`s${i}_err`} width={6} stroke={seriesColor(i)} isAnimationActive={false} />
            </Line>
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
