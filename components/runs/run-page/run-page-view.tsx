"use client";
/**
 * The run page: status and controls (pause, resume, cancel, clone), live progress (polled every
 * second while the run is active), the stage timeline, scores per iteration, what each iteration
 * judged, kept and trained, pairs, tokens and the recent events. Model text never appears here as
 * HTML; numbers come from SQL aggregates. One card per file beside this one.
 */
import { RunCharts } from "@/components/charts/run-charts";
import type { RunView } from "@/lib/runs/run-view";
import { RunExports } from "../run-exports";
import { RunTimeline } from "../run-timeline";
import { EventsCard } from "./events-card";
import { IterationsCard } from "./iterations-card";
import { ManualTrainerCard } from "./manual-trainer-card";
import { PairsAndTokensCards } from "./pairs-tokens-cards";
import { ProgressCard } from "./progress-card";
import { RunHeader } from "./run-header";
import { ScoresCard } from "./scores-card";
import { useRunView } from "./use-run-view";

export function RunPageView({ initial, backends }: { initial: RunView; backends: { id: number; name: string }[] }) {
  const { data, control } = useRunView(initial);
  const { run, progress } = data;
  const awaiting = data.iterations.find((it) => it.trainingJob?.status === "awaiting_model");
  return (
    <div className="grid gap-6">
      <RunHeader run={run} control={control} awaiting={Boolean(awaiting)} hasPairs={data.pairs.ok > 0} />
      {progress?.stage && run.status !== "completed" ? <ProgressCard view={data} /> : null}
      {awaiting ? <ManualTrainerCard runId={run.id} iterationIndex={awaiting.iteration.index} backends={backends} /> : null}
      <RunTimeline view={data} />
      <ScoresCard data={data} />
      <RunCharts view={data} />
      <IterationsCard view={data} />
      <PairsAndTokensCards data={data} />
      <RunExports view={data} />
      <EventsCard data={data} />
    </div>
  );
}
