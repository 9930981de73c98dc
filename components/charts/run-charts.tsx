"use client";
/**
 * The run page's charts, one per question: did RewardBench improve per iteration, on which
 * subsets, how sure is the accuracy, did the biases shrink, what did rejection sampling keep, and
 * where did the tokens go. Each has a tooltip with exact numbers, a legend, an empty state and
 * PNG/CSV downloads (ChartCard). Data tables come from lib/charts/run-chart-data.
 */
import { useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { accuracyTable, biasTable, funnelTable, rewardBenchTable, subsetTable, tokensTable } from "@/lib/charts/run-chart-data";
import type { RunView } from "@/lib/runs/run-view";
import { ChartCard } from "./chart-card";
import { axisProps, CHART_HEIGHT, gridProps, legendProps, seriesColor, tooltipProps } from "./chart-style";
import { SubsetHeatmap } from "./subset-heatmap";

const iterationAxis = (
  <XAxis
    dataKey="iteration"
    {...axisProps}
    tickFormatter={(v: number) => `${v}`}
    label={{ value: "iteration", position: "insideBottomRight", offset: -4, fill: "var(--muted-foreground)", fontSize: 11 }}
  />
);
const percentFormatter = (value: unknown) => (typeof value === "number" ? `${value.toFixed(1)}%` : "—");
const countFormatter = (value: unknown) => (typeof value === "number" ? value.toLocaleString("en-US") : "—");
const iterationLabel = (label: unknown) => `Iteration ${label}${label === 0 ? " (seed judge)" : ""}`;

export function RunCharts({ view }: { view: RunView }) {
  const prefix = `run-${view.run.id}`;
  const rewardBench = rewardBenchTable(view);
  const subsets = subsetTable(view);
  const accuracy = accuracyTable(view);
  const funnel = funnelTable(view);
  const tokens = tokensTable(view);
  const [biasSet, setBiasSet] = useState<string | null>(null);
  const biasSetName = biasSet ?? accuracy.sets[0] ?? "";
  const bias = biasTable(view, biasSetName);
  const noScores = "No scores yet: each iteration is scored when its evaluation stage finishes.";

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartCard
        id="rewardbench"
        filePrefix={prefix}
        title="RewardBench per iteration"
        description="Overall score and the four sections (official weights) over the RewardBench subsets among the eval sets; iteration 0 is the seed judge."
        table={rewardBench}
        empty={
          view.iterations.some((it) => it.evals.length > 0)
            ? "No RewardBench subsets among this run's eval sets. Import RewardBench (or LLMBar) and add it as an eval set to see these lines."
            : noScores
        }
      >
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <LineChart data={rewardBench.rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid {...gridProps} />
            {iterationAxis}
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

      <ChartCard
        id="accuracy"
        filePrefix={prefix}
        title="Accuracy per eval set"
        description="Share of items where the judge preferred the labelled better response (both orders averaged), with its 95% Wilson interval as whiskers."
        table={accuracy}
        empty={noScores}
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
            {iterationAxis}
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

      <ChartCard
        id="subsets"
        filePrefix={prefix}
        title="Accuracy per subset"
        description="Every subset of every eval set, per iteration: green above 50%, red below. Hover a cell for its exact value."
        table={subsets}
        empty={noScores}
      >
        <SubsetHeatmap table={subsets} iterations={subsets.iterations} />
      </ChartCard>

      <ChartCard
        id="bias"
        filePrefix={`${prefix}-${biasSetName.replace(/[^\w-]+/g, "_")}`}
        title="Bias and agreement per iteration"
        description="Position consistency (same verdict in both orders), A-position rate (50% is unbiased), length bias (accuracy when the better answer is longer minus when shorter) on the left axis; kappa between orders and with the previous iteration on the right."
        table={bias}
        empty={noScores}
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
            {iterationAxis}
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
            {iterationAxis}
            <YAxis {...axisProps} width={56} tickFormatter={(v: number) => v.toLocaleString("en-US")} />
            <Tooltip {...tooltipProps} cursor={{ fill: "var(--muted)" }} labelFormatter={iterationLabel} formatter={countFormatter} />
            <Legend {...legendProps} />
            {funnel.columns.slice(1).map((column, i) => (
              <Bar key={column.key} dataKey={column.key} name={column.label} fill={seriesColor(i)} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>

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
    </div>
  );
}
