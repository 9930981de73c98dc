"use client";
/**
 * What to compare, kept in the URL: the runs whose lines are drawn, the baseline judge and the judge
 * compared with it (a judge is one iteration of one run), and the metric of the chart.
 */
import { usePathname, useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { compareSearch, judgeKey, type CompareParams } from "@/lib/traces/compare-params";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import type { RunStatus } from "@/lib/db/schema";

export type RunChoice = { id: number; name: string; status: RunStatus; scored: number[] };

export function CompareControls({
  params: current,
  selected,
  runs,
  judges,
}: {
  /** The selection as the URL has it. */
  params: CompareParams;
  /** The two judges compared: the URL's, or the defaults when it names none. */
  selected: CompareParams["judges"];
  runs: RunChoice[];
  judges: { runId: number; iteration: number; label: string }[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  // The new selection shows at once; the page's data follows when the navigation completes.
  const [params, setOptimistic] = useOptimistic(current);
  const [, startTransition] = useTransition();
  const go = (next: CompareParams) =>
    startTransition(() => {
      setOptimistic(next);
      router.push(`${pathname}${compareSearch(next)}`, { scroll: false });
    });
  const toggleRun = (id: number) => {
    const selected = params.runs.includes(id) ? params.runs.filter((r) => r !== id) : [...params.runs, id];
    go({ ...params, runs: selected, judges: params.judges.filter((j) => selected.includes(j.runId)) });
  };
  const [baseline, candidate] = params.judges.length >= 2 ? params.judges : selected;
  const setJudge = (position: 0 | 1, key: string) => {
    const [runId, iteration] = key.split(":").map(Number);
    const next = [baseline ?? judges[0]!, candidate ?? judges[judges.length - 1]!];
    next[position] = { runId: runId!, iteration: iteration! };
    go({ ...params, judges: next });
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>What to compare</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 lg:grid-cols-[1fr_1fr]">
        <fieldset className="grid gap-1">
          <legend className="mb-1 text-xs font-medium text-muted-foreground">Runs (one line each; at most 8)</legend>
          {runs.length === 0 ? (
            <p className="text-sm text-muted-foreground">No runs with scores yet.</p>
          ) : (
            <ul className="grid max-h-56 gap-1 overflow-auto pr-2">
              {runs.map((run) => (
                <li key={run.id}>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-4 accent-[var(--primary)]"
                      checked={params.runs.includes(run.id)}
                      onChange={() => toggleRun(run.id)}
                    />
                    <span className="truncate">
                      #{run.id} {run.name}
                    </span>
                    <RunStatusBadge status={run.status} />
                    <span className="ml-auto shrink-0 text-xs text-muted-foreground">
                      {run.scored.length} scored {run.scored.length === 1 ? "iteration" : "iterations"}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <div className="grid content-start gap-3">
          <p className="text-xs font-medium text-muted-foreground">Paired comparison: two judges on the items both saw</p>
          {judges.length < 2 ? (
            <p className="text-sm text-muted-foreground">Select runs with at least two scored iterations in all.</p>
          ) : (
            <div className="grid gap-3 sm:grid-cols-2">
              <LabelledSelect
                id="compare-baseline"
                label="Baseline judge"

                name="baseline"
                value={baseline ? judgeKey(baseline) : ""}
                onChange={(e) => setJudge(0, e.target.value)}
              >
                {judges.map((j) => (
                  <option key={judgeKey(j)} value={judgeKey(j)}>
                    {j.label}
                  </option>
                ))}
              </LabelledSelect>
              <LabelledSelect
                id="compare-candidate"
                label="Compared with"

                name="candidate"
                value={candidate ? judgeKey(candidate) : ""}
                onChange={(e) => setJudge(1, e.target.value)}
              >
                {judges.map((j) => (
                  <option key={judgeKey(j)} value={judgeKey(j)}>
                    {j.label}
                  </option>
                ))}
              </LabelledSelect>
            </div>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
