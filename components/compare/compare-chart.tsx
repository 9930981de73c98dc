"use client";
/**
 * The Compare chart: one line per selected run for the chosen metric across iterations, with the
 * paper's published RewardBench result (seed and final judge) as optional reference lines.
 */
import { usePathname, useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/charts/chart-card";
import { axisProps, CHART_HEIGHT, gridProps, legendProps, seriesColor, tooltipProps } from "@/components/charts/chart-style";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { canShowPaperReference, compareTable, PAPER_REFERENCE, type CompareRun } from "@/lib/charts/compare-chart-data";
import { PARTIAL_OVERALL_LABEL } from "@/lib/metrics/rewardbench-scores";
import { compareSearch, type CompareParams } from "@/lib/traces/compare-params";

export function CompareChart({
  runs,
  metrics,
  metric,
  params: current,
}: {
  runs: CompareRun[];
  metrics: string[];
  metric: string | null;
  params: CompareParams;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [params, setOptimistic] = useOptimistic(current);
  const [, startTransition] = useTransition();
  const go = (next: CompareParams) =>
    startTransition(() => {
      setOptimistic(next);
      router.replace(`${pathname}${compareSearch(next)}`, { scroll: false });
    });
  const table = metric ? compareTable(runs, metric) : { columns: [], rows: [] };
  const isRewardBench = metric === "RewardBench";
  // The paper's lines are full four-section RewardBench scores: drawn only against such scores.
  const full = canShowPaperReference(runs);
  const showReference = isRewardBench && full && params.ref === "paper";
  const title = !metric
    ? "Metric per iteration"
    : isRewardBench && !full && runs.length > 0
      ? `RewardBench (${PARTIAL_OVERALL_LABEL}) per iteration`
      : `${metric} per iteration`;
  return (
    <ChartCard
      id="compare"
      filePrefix="compare"
      title={title}
      description="One line per run; iteration 0 is each run's seed judge. Scores in percent."
      table={table}
      empty={runs.length === 0 ? "Select one or more runs above." : "The selected runs have no scores for this metric yet."}
      controls={
        <div className="flex flex-wrap items-center gap-4">
          <LabelledSelect
            id="compare-metric"
            label="Metric"
            inline

            name="metric"
            value={metric ?? ""}
            onChange={(e) => go({ ...params, metric: e.target.value })}
          >
            {metrics.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </LabelledSelect>
          {isRewardBench ? (
            <label className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-[var(--primary)]"
                disabled={!full}
                aria-describedby={full ? undefined : "paper-reference-note"}
                checked={full && params.ref === "paper"}
                onChange={(e) => go({ ...params, ref: e.target.checked ? "paper" : undefined })}
              />
              Paper reference ({PAPER_REFERENCE.model}: {PAPER_REFERENCE.seed} → {PAPER_REFERENCE.final})
            </label>
          ) : null}
          {isRewardBench && !full && runs.length > 0 ? (
            <p id="paper-reference-note" className="text-xs text-muted-foreground" data-testid="paper-reference-note">
              The paper&apos;s lines are full RewardBench scores (all four sections); these runs&apos; eval sets cover only some sections,
              so their overall is the {PARTIAL_OVERALL_LABEL} and is not drawn against them.
            </p>
          ) : null}
        </div>
      }
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT + 40}>
        <LineChart data={table.rows} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="iteration" {...axisProps} />
          <YAxis {...axisProps} domain={[0, 100]} unit="%" width={48} />
          <Tooltip
            {...tooltipProps}
            labelFormatter={(label) => `Iteration ${label}`}
            formatter={(value) => (typeof value === "number" ? `${value.toFixed(1)}%` : "—")}
          />
          <Legend {...legendProps} />
          {showReference ? (
            <ReferenceLine
              y={PAPER_REFERENCE.seed}
              stroke="var(--muted-foreground)"
              strokeDasharray="4 4"
              label={{
                value: `paper seed ${PAPER_REFERENCE.seed}`,
                position: "insideBottomRight",
                fill: "var(--muted-foreground)",
                fontSize: 11,
              }}
            />
          ) : null}
          {showReference ? (
            <ReferenceLine
              y={PAPER_REFERENCE.final}
              stroke="var(--muted-foreground)"
              strokeDasharray="4 4"
              label={{
                value: `paper final ${PAPER_REFERENCE.final}`,
                position: "insideTopRight",
                fill: "var(--muted-foreground)",
                fontSize: 11,
              }}
            />
          ) : null}
          {table.columns.slice(1).map((column, i) => (
            <Line
              key={column.key}
              dataKey={column.key}
              name={column.label}
              stroke={seriesColor(i)}
              strokeWidth={2}
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
