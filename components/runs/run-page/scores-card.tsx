"use client";
// Scores per iteration: RewardBench (overall, labelled "mean of present sections" when sections
// are missing, and its four sections), accuracy per eval set with its interval, the A-position
// rate, and which verdict rules scored the run.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PARTIAL_OVERALL_LABEL } from "@/lib/metrics/rewardbench-scores";
import type { RunConfig } from "@/lib/pipeline/run-config";
import type { RunView } from "@/lib/runs/run-view";
import { pct } from "./format";

const ruleName = (rule: RunConfig["judging"]["verdictRule"]) =>
  rule === "ram" ? "RAM" : rule === "rewardbench" ? "RewardBench" : "lenient";

export function ScoresCard({ data }: { data: RunView }) {
  const evalNames = [...new Set(data.iterations.flatMap((it) => it.evals.map((e) => e.datasetName)))];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Scores per iteration</CardTitle>
        <CardDescription>
          RewardBench over every eval set&apos;s RewardBench subsets (official weights; without all four sections the overall is the
          &ldquo;mean of present sections&rdquo;, not a RewardBench score), and accuracy per eval set with its 95% interval.
          {data.config ? (
            <span className="mt-1 block" data-testid="verdict-rules">
              Verdicts read by the {ruleName(data.config.evaluation.verdictRule)} rule in evaluation and the{" "}
              {ruleName(data.config.judging.verdictRule)} rule in training.
            </span>
          ) : null}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {data.iterations.every((it) => it.evals.length === 0) ? (
          <p className="text-sm text-muted-foreground">No scores yet: each iteration is scored when its evaluation finishes.</p>
        ) : (
          <Table aria-label="Scores per iteration">
            <TableHeader>
              <TableRow>
                <TableHead>Iteration</TableHead>
                <TableHead className="text-right">RewardBench</TableHead>
                <TableHead className="text-right">Chat</TableHead>
                <TableHead className="text-right">Chat Hard</TableHead>
                <TableHead className="text-right">Safety</TableHead>
                <TableHead className="text-right">Reasoning</TableHead>
                {evalNames.map((name) => (
                  <TableHead key={name} className="text-right">
                    {name}
                  </TableHead>
                ))}
                <TableHead className="text-right">A-rate</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.iterations
                .filter((it) => it.evals.length > 0)
                .map((it) => {
                  const section = (name: string) => it.pooled.sections.find((s) => s.section === name)?.score;
                  const aRates = it.evals.map((e) => e.metrics.aPositionRate).filter((v): v is number => v !== null);
                  return (
                    <TableRow key={it.iteration.index} data-testid={`scores-iteration-${it.iteration.index}`}>
                      <TableCell>
                        {it.iteration.index}
                        {it.iteration.index === 0 ? <span className="text-muted-foreground"> (seed)</span> : null}
                      </TableCell>
                      <TableCell className="text-right font-medium tabular-nums" data-testid="rewardbench-score">
                        {pct(it.pooled.overall)}
                        {it.pooled.overall !== null && it.pooled.overallPartial ? (
                          <span className="ml-1 text-xs text-muted-foreground">{PARTIAL_OVERALL_LABEL}</span>
                        ) : null}
                      </TableCell>
                      {["Chat", "Chat Hard", "Safety", "Reasoning"].map((name) => (
                        <TableCell key={name} className="text-right tabular-nums">
                          {pct(section(name))}
                        </TableCell>
                      ))}
                      {evalNames.map((name) => {
                        const set = it.evals.find((e) => e.datasetName === name);
                        return (
                          <TableCell
                            key={name}
                            className="text-right tabular-nums"
                            title={
                              set?.metrics.accuracy
                                ? `95% interval ${pct(set.metrics.accuracy.low)}–${pct(set.metrics.accuracy.high)}`
                                : undefined
                            }
                          >
                            {pct(set?.metrics.accuracy?.accuracy)}
                            {set?.metrics.accuracy ? (
                              <span className="ml-1 text-xs text-muted-foreground">
                                ±{pct((set.metrics.accuracy.high - set.metrics.accuracy.low) / 2, 1)}
                              </span>
                            ) : null}
                          </TableCell>
                        );
                      })}
                      <TableCell className="text-right tabular-nums">
                        {aRates.length ? pct(aRates.reduce((a, b) => a + b, 0) / aRates.length) : "—"}
                      </TableCell>
                    </TableRow>
                  );
                })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
