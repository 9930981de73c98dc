// The run's stages in order (select, pairs, then per iteration: evaluate, judge, filter, train),
// each marked done, current (running, paused or failed there) or to come.
import { Check, CircleDot, Circle, AlertTriangle, PauseCircle } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { RunView } from "@/lib/runs/run-view";
import { cn } from "@/lib/ui/cn";

type Step = { key: string; label: string; iteration: number | null; stage: string };

export function runSteps(iterations: number): Step[] {
  const steps: Step[] = [
    { key: "select", label: "Select", iteration: null, stage: "select" },
    { key: "pairs", label: "Pairs", iteration: null, stage: "pairs" },
  ];
  for (let i = 0; i <= iterations; i++) {
    steps.push({ key: `evaluate-${i}`, label: "Evaluate", iteration: i, stage: "evaluate" });
    if (i < iterations) {
      steps.push({ key: `judge-${i}`, label: "Judge", iteration: i, stage: "judge" });
      steps.push({ key: `filter-${i}`, label: "Filter", iteration: i, stage: "filter" });
      steps.push({ key: `train-${i}`, label: "Train", iteration: i, stage: "train" });
    }
  }
  return steps;
}

export function RunTimeline({ view }: { view: RunView }) {
  const iterations = view.config?.iterations ?? 0;
  const steps = runSteps(iterations);
  const { status, currentIteration, currentStage } = view.run;
  const currentIndex =
    status === "completed"
      ? steps.length
      : steps.findIndex((s) => s.stage === currentStage && (s.iteration === null || s.iteration === currentIteration));
  const groups: { title: string; steps: (Step & { index: number })[] }[] = [
    { title: "Data", steps: steps.slice(0, 2).map((s, index) => ({ ...s, index })) },
  ];
  for (let i = 0; i <= iterations; i++) {
    groups.push({ title: `Iteration ${i}`, steps: steps.map((s, index) => ({ ...s, index })).filter((s) => s.iteration === i) });
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Stages</CardTitle>
      </CardHeader>
      <CardContent>
        <ol className="flex flex-wrap gap-x-6 gap-y-3" aria-label="Stages">
          {groups.map((group) => (
            <li key={group.title} className="min-w-fit">
              <div className="mb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">{group.title}</div>
              <ol className="flex gap-1.5">
                {group.steps.map((step) => {
                  const state =
                    currentIndex === -1 ? "todo" : step.index < currentIndex ? "done" : step.index === currentIndex ? status : "todo";
                  const Icon =
                    state === "done"
                      ? Check
                      : state === "running" || state === "queued"
                        ? CircleDot
                        : state === "paused"
                          ? PauseCircle
                          : state === "failed" || state === "canceled"
                            ? AlertTriangle
                            : Circle;
                  return (
                    <li
                      key={step.key}
                      aria-current={step.index === currentIndex ? "step" : undefined}
                      aria-label={`${group.title}: ${step.label}, ${state === "todo" ? "to come" : state}`}
                      className={cn(
                        "flex items-center gap-1 rounded-md border px-2 py-1 text-xs",
                        state === "done" && "border-success/40 bg-success/10 text-success",
                        (state === "running" || state === "queued") && "border-primary bg-primary/10 text-primary",
                        state === "paused" && "border-warning/50 bg-warning/10 text-warning",
                        (state === "failed" || state === "canceled") && "border-destructive/50 bg-destructive/10 text-destructive",
                        state === "todo" && "text-muted-foreground",
                      )}
                    >
                      <Icon className={cn("size-3.5", state === "running" && "animate-pulse")} aria-hidden />
                      {step.label}
                    </li>
                  );
                })}
              </ol>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
