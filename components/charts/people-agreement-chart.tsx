"use client";
// Agreement with people per judge (a run's iterations, or judge jobs): 3-way agreement with the
// human labels (ties included) and accuracy without ties.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { peopleAgreementTable } from "@/lib/annotation/agreement-chart-data";
import type { JudgeHumanAgreement } from "@/lib/annotation/human-agreement";
import { ChartCard } from "./chart-card";
import { percentFormatter } from "./chart-defaults";
import { axisProps, CHART_HEIGHT, gridProps, legendProps, seriesColor, tooltipProps } from "./chart-style";

export function PeopleAgreementChart({
  judges,
  prefix,
  empty,
  description,
}: {
  judges: readonly JudgeHumanAgreement[];
  prefix: string;
  empty: string;
  description: string;
}) {
  const table = peopleAgreementTable(judges);
  return (
    <ChartCard
      id="people"
      filePrefix={prefix}
      title="Agreement with people per iteration"
      description={description}
      table={table}
      empty={empty}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={table.rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="judge" {...axisProps} />
          <YAxis {...axisProps} domain={[0, 100]} unit="%" width={48} />
          <Tooltip {...tooltipProps} formatter={percentFormatter} />
          <Legend {...legendProps} />
          <Line
            dataKey="threeWay"
            name="3-way agreement (ties count)"
            stroke={seriesColor(0)}
            strokeWidth={3}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="withoutTies"
            name="Accuracy without ties"
            stroke={seriesColor(1)}
            strokeWidth={1.5}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
