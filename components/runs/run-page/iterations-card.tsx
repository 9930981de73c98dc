"use client";
// What each iteration's judge did: its judgments, what the filter kept (and for DPO the pairs
// written), and the training round that made the next judge (trainer, method, base model, status).
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatCount } from "@/lib/format/numbers";
import { trainingRound, type RunConfig } from "@/lib/pipeline/run-config";
import type { RunView } from "@/lib/runs/run-view";

function baseLabel(config: RunConfig, index: number): string {
  const round = trainingRound(config, index);
  return round.base === "previous" && index > 0 ? "the previous judge" : "the base model, as every round";
}

export function IterationsCard({ view }: { view: RunView }) {
  const runId = view.run.id;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Iterations</CardTitle>
        <CardDescription>
          What each judge did: its judgments on the pairs, what the filter kept, the training that produced the next judge.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Table aria-label="Iterations">
          <TableHeader>
            <TableRow>
              <TableHead>Iteration · judge</TableHead>
              <TableHead className="text-right">Judgments</TableHead>
              <TableHead className="text-right">Correct</TableHead>
              <TableHead className="text-right">Wrong</TableHead>
              <TableHead className="text-right">Tie</TableHead>
              <TableHead className="text-right">Unparsed</TableHead>
              <TableHead className="text-right">Kept (A / B)</TableHead>
              <TableHead>Training</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.iterations.map((it) => {
              const stats = it.iteration.stats ?? {};
              const j = it.judgments;
              return (
                <TableRow key={it.iteration.index}>
                  <TableCell>
                    <div className="font-medium">{it.iteration.index}</div>
                    <div className="max-w-64 truncate font-mono text-xs text-muted-foreground" title={it.iteration.judgeModel}>
                      {it.iteration.judgeModel}
                      {it.iteration.demonstrations ? ` + ${it.iteration.demonstrations} demonstrations` : ""}
                    </div>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {j.judgments ? (
                      <Link className="underline-offset-2 hover:underline" href={`/runs/${runId}/pairs?iteration=${it.iteration.index}`}>
                        {formatCount(j.judgments)}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{j.judgments ? formatCount(j.correct) : "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{j.judgments ? formatCount(j.wrong) : "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{j.judgments ? formatCount(j.tie) : "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{j.judgments ? formatCount(j.unparsed) : "—"}</TableCell>
                  <TableCell
                    className="text-right tabular-nums"
                    title={
                      stats.filtered
                        ? stats.dpo
                          ? `${stats.candidates ?? 0} with a correct and an incorrect trace, ${stats.withoutRejected ?? 0} without an incorrect one, ${stats.balancedOut ?? 0} removed by balancing`
                          : `${stats.candidates ?? 0} with a usable trace, ${stats.balancedOut ?? 0} removed by balancing`
                        : undefined
                    }
                  >
                    {stats.filtered ? `${formatCount(stats.kept ?? j.kept)} (${stats.keptA ?? 0} / ${stats.keptB ?? 0})` : "—"}
                    {stats.filtered && stats.dpo ? (
                      <div className="text-xs text-muted-foreground">{formatCount(stats.examples ?? 0)} DPO pairs</div>
                    ) : null}
                  </TableCell>
                  <TableCell className="text-sm">
                    {it.trainingJob ? (
                      <div className="grid gap-1">
                        <span>
                          <Badge
                            variant={
                              it.trainingJob.status === "succeeded"
                                ? "success"
                                : it.trainingJob.status === "failed"
                                  ? "destructive"
                                  : "secondary"
                            }
                          >
                            {it.trainingJob.status.replace("_", " ")}
                          </Badge>{" "}
                          {it.trainingJob.trainer.replaceAll("_", " ")}, {it.trainingJob.method.toUpperCase()}
                        </span>
                        <span className="text-xs text-muted-foreground" data-testid="training-base">
                          {it.trainingJob.trainer === "in_context" ? "demonstrations for " : "from "}
                          <span className="font-mono" title={it.trainingJob.baseModel}>
                            {it.trainingJob.baseModel}
                          </span>
                          {view.config ? ` (${baseLabel(view.config, it.iteration.index)})` : ""}
                        </span>
                        {it.trainingJob.error ? <span className="text-destructive">{it.trainingJob.error}</span> : null}
                      </div>
                    ) : (
                      <span className="text-muted-foreground">
                        {it.iteration.index === (view.config?.iterations ?? -1) ? "final judge" : "—"}
                      </span>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
