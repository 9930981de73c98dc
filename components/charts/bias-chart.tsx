"use client";
// Bias and agreement per iteration for one eval set (chosen in the chart): position consistency, A-position rate, length bias, kappas.
import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, YAxis } from "recharts";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { accuracyTable, biasTable } from "@/lib/charts/run-chart-data";
import type { RunView } from "@/lib/runs/run-view";
import { ChartCard } from "./chart-card";
import { NO_SCORES, iterationAxis, iterationLabel } from "./chart-defaults";
import { axisProps, CHART_HEIGHT, gridProps, legendProps, seriesColor, tooltipProps } from "./chart-style";

export function BiasChart({ view, prefix }: { view: RunView; prefix: string }) {
  const accuracy = accuracyTable(view);
  const [biasSet, setBiasSet] = useState<string | null>(null);
  const biasSetName = biasSet ?? accuracy.sets[0] ?? "";
  const bias = biasTable(view, biasSetName);
  return (
    <ChartCard
      id="bias"
      filePrefix={`${prefix}-${biasSetName.replace(/[^\w-]+/g, "_")}`}
      title="Bias and agreement per iteration"
      description="Position consistency (same verdict in both orders), A-position rate (50% is unbiased), length bias (accuracy when the better answer is longer minus when shorter) on the left axis; kappa between orders and with the previous iteration on the right."
      table={bias}
      empty={NO_SCORES}
      controls={
        accuracy.sets.length > 1 ? (
          <LabelledSelect id="bias-eval-set" label="Eval set" inline value={biasSetName} onChange={(e) => setBiasSet(e.target.value)}>
            {accuracy.sets.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </LabelledSelect>
        ) : null
      }
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={bias.rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid {...gridProps} />
          {iterationAxis()}
          <YAxis yAxisId="pct" {...axisProps} domain={[-50, 100]} ticks={[-50, -25, 0, 25, 50, 75, 100]} unit="%" width={48} />
          <YAxis yAxisId="kappa" orientation="right" {...axisProps} domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 1]} width={40} />
          <ReferenceLine yAxisId="pct" y={50} stroke="var(--muted-foreground)" strokeDasharray="2 4" />
          <Tooltip
            {...tooltipProps}
            labelFormatter={iterationLabel}
            formatter={(value, name) =>
              typeof value !== "number"
                ? "—"
                : String(name).startsWith("Kappa")
                  ? value.toFixed(3)
                  : String(name).startsWith("Length")
                    ? `${value > 0 ? "+" : ""}${value.toFixed(1)} points`
                    : `${value.toFixed(1)}%`
            }
          />
          <Legend {...legendProps} />
          <Line
            yAxisId="pct"
            dataKey="consistency"
            name="Position consistency"
            stroke={seriesColor(0)}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            yAxisId="pct"
            dataKey="aRate"
            name="A-position rate"
            stroke={seriesColor(1)}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            yAxisId="pct"
            dataKey="lengthGap"
            name="Length bias"
            stroke={seriesColor(2)}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            yAxisId="kappa"
            dataKey="orderKappa"
            name="Kappa between orders"
            stroke={seriesColor(3)}
            strokeDasharray="5 3"
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            yAxisId="kappa"
            dataKey="kappaPrevious"
            name="Kappa with previous iteration"
            stroke={seriesColor(4)}
            strokeDasharray="5 3"
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
