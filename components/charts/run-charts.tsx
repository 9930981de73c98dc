"use client";
/**
 * The run page's charts, one per question and one per file: did RewardBench improve per iteration, do the judges agree with people,
 * on which subsets, how sure is the accuracy, did the biases shrink, what did rejection sampling
 * keep, and where did the tokens go. Each has a tooltip with exact numbers, a legend, an empty
 * state and PNG/CSV downloads (ChartCard). Data tables come from lib/charts/run-chart-data.
 */
import type { RunView } from "@/lib/runs/run-view";
import { AccuracyChart } from "./accuracy-chart";
import { BiasChart } from "./bias-chart";
import { FunnelChart } from "./funnel-chart";
import { PeopleAgreementChart } from "./people-agreement-chart";
import { RewardBenchChart } from "./rewardbench-chart";
import { SubsetsChart } from "./subsets-chart";
import { TokensChart } from "./tokens-chart";

export function RunCharts({ view }: { view: RunView }) {
  const prefix = `run-${view.run.id}`;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <RewardBenchChart view={view} prefix={prefix} />
      <PeopleAgreementChart
        judges={view.people?.judges ?? []}
        prefix={prefix}
        description={
          view.people
            ? `How often each iteration's judge agrees with people, over ${view.people.labels} human label(s) in ${view.people.sets} training-pair annotation set(s) of this run.`
            : "How often each iteration's judge agrees with people who labelled this run's training pairs (Labels page)."
        }
        empty="Nobody has labelled this run's training pairs yet: make an annotation set on the Labels page."
      />
      <AccuracyChart view={view} prefix={prefix} />
      <SubsetsChart view={view} prefix={prefix} />
      <BiasChart view={view} prefix={prefix} />
      <FunnelChart view={view} prefix={prefix} />
      <TokensChart view={view} prefix={prefix} />
    </div>
  );
}
