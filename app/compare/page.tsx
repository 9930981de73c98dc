// Compare: runs side by side on the same metrics across iterations, and paired deltas between two
// judges on the eval items both saw (bootstrap interval, McNemar's test). The selection is the URL.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CompareChart } from "@/components/compare/compare-chart";
import { CompareControls } from "@/components/compare/compare-controls";
import { PairedDeltaTable } from "@/components/compare/paired-delta-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { pairedItemScores } from "@/lib/db/queries/eval-metrics";
import { evalScores, iterationSummaries } from "@/lib/db/queries/run-summary";
import { getIteration } from "@/lib/db/queries/run-work";
import { getRunById, listRuns, scoredIterationsByRun } from "@/lib/db/queries/runs";
import { compareMetrics, compareRun } from "@/lib/charts/compare-chart-data";
import { pairedRewardBench } from "@/lib/metrics";
import { compareParams, judgeKey, type JudgeRef } from "@/lib/traces/compare-params";

export const metadata: Metadata = { title: "Compare" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ComparePage({ searchParams }: Props) {
  await connection();
  const db = getDb();
  const params = compareParams(await searchParams);
  const recent = listRuns(db, { limit: 100, offset: 0 });
  const scored = scoredIterationsByRun(
    db,
    recent.map((r) => r.id),
  );
  const choices = recent
    .map((run) => ({ id: run.id, name: run.name, status: run.status, scored: scored.get(run.id) ?? [] }))
    .filter((run) => run.scored.length > 0 || params.runs.includes(run.id));

  const selected = params.runs.map((id) => getRunById(db, id)).filter((run) => run !== undefined);
  const series = selected.map((run) => compareRun(run.id, run.name, iterationSummaries(db, run.id)));
  const metrics = compareMetrics(series);
  const metric = params.metric && metrics.includes(params.metric) ? params.metric : (metrics[0] ?? null);

  const judgeOptions = series.flatMap((run) =>
    run.points.map((p) => ({ runId: run.id, iteration: p.iteration, label: `#${run.id} · iteration ${p.iteration} · ${run.name}` })),
  );
  const valid = (j: JudgeRef) => judgeOptions.some((o) => judgeKey(o) === judgeKey(j));
  let judges = params.judges.filter(valid);
  if (judges.length < 2 && judgeOptions.length >= 2) judges = [judgeOptions[0]!, judgeOptions[judgeOptions.length - 1]!];
  const labelOf = (j: JudgeRef) => judgeOptions.find((o) => judgeKey(o) === judgeKey(j))?.label ?? judgeKey(j);

  const [baseline, ...candidates] = judges;
  const baselineIteration = baseline ? getIteration(db, baseline.runId, baseline.iteration) : undefined;
  const comparisons = baselineIteration
    ? candidates.map((candidate) => {
        const candidateIteration = getIteration(db, candidate.runId, candidate.iteration)!;
        const candidateSets = new Map(evalScores(db, candidateIteration.id).map((s) => [s.datasetId, s.datasetName]));
        const sets = evalScores(db, baselineIteration.id)
          .filter((s) => candidateSets.has(s.datasetId))
          .map((s) => ({
            id: s.datasetId,
            name: s.datasetName,
            metrics: pairedRewardBench(
              pairedItemScores(
                db,
                { iterationId: baselineIteration.id, datasetId: s.datasetId },
                { iterationId: candidateIteration.id, datasetId: s.datasetId },
              ),
            ),
          }));
        return { candidate, sets };
      })
    : [];

  return (
    <>
      <PageHeader
        title="Compare"
        description="Runs side by side, and whether one judge really beats another: paired differences on the eval items both judged, with a bootstrap 95% interval and McNemar's test on the items that flipped."
      />
      <div className="grid gap-6">
        <CompareControls params={params} selected={judges} runs={choices} judges={judgeOptions} />
        <CompareChart runs={series} metrics={metrics} metric={metric} params={params} />
        {baseline && comparisons.length > 0
          ? comparisons.map(({ candidate, sets }) => (
              <Card key={judgeKey(candidate)} data-testid="paired-comparison">
                <CardHeader>
                  <CardTitle>
                    {labelOf(candidate)} against {labelOf(baseline)}
                  </CardTitle>
                  <CardDescription>
                    Paired on the items both judged. Δ is in points; b counts items right before and wrong after, c the reverse; p is
                    McNemar&apos;s test on them (exact below 25 flips). &ldquo;Could be noise&rdquo;: the interval includes zero or p ≥
                    0.05.{" "}
                    {candidate.runId === baseline.runId ? (
                      <Link className="underline" href={`/runs/${candidate.runId}/flips?step=${candidate.iteration}`}>
                        See the items that flipped
                      </Link>
                    ) : null}
                  </CardDescription>
                </CardHeader>
                <CardContent className="grid gap-5">
                  {sets.length === 0 ? (
                    <p className="text-sm text-muted-foreground">
                      These two judges were scored on no common eval set, so they cannot be paired.
                    </p>
                  ) : (
                    sets.map((set) => (
                      <section key={set.id} className="grid gap-2" aria-label={set.name}>
                        <h3 className="text-sm font-semibold">{set.name}</h3>
                        <PairedDeltaTable metrics={set.metrics} beforeLabel="Baseline" afterLabel="Compared" testId={`paired-${set.id}`} />
                      </section>
                    ))
                  )}
                </CardContent>
              </Card>
            ))
          : null}
      </div>
    </>
  );
}
