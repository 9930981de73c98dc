"use client";
/**
 * The run page: status and controls (pause, resume, cancel, clone), live progress (polled every
 * second while the run is active), the stage timeline, scores per iteration, what each iteration
 * judged, kept and trained, pairs, tokens and the recent events. Model text never appears here as
 * HTML; numbers come from SQL aggregates.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Copy, Download, Loader2, Pause, Play, Square } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { cancelRunAction, pauseRunAction, resumeRunAction, submitManualModelAction } from "@/app/runs/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatCount, formatDuration } from "@/lib/format/numbers";
import { PAIR_DROP_REASONS } from "@/lib/pipeline/build-pairs";
import { PARTIAL_OVERALL_LABEL } from "@/lib/metrics/rewardbench-scores";
import { trainingRound, type RunConfig } from "@/lib/pipeline/run-config";
import type { RunView } from "@/lib/runs/run-view";
import { RunCharts } from "@/components/charts/run-charts";
import { RunExports } from "./run-exports";
import { RunStatusBadge } from "./run-status-badge";
import { RunTimeline } from "./run-timeline";

const pct = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "—" : `${(value * 100).toFixed(digits)}`;
const active = (status: string) => status === "queued" || status === "running";

export function RunPageView({ initial, backends }: { initial: RunView; backends: { id: number; name: string }[] }) {
  const queryClient = useQueryClient();
  const runId = initial.run.id;
  const { data = initial } = useQuery({
    queryKey: ["run", runId],
    queryFn: async (): Promise<RunView> => {
      const response = await fetch(`/api/runs/${runId}/summary`, { cache: "no-store" });
      if (!response.ok) throw new Error(`The server answered ${response.status}`);
      return response.json();
    },
    initialData: initial,
    refetchInterval: (query) => (active(query.state.data?.run.status ?? "") ? 1000 : false),
  });
  const { run, progress } = data;

  const control = useMutation({
    mutationFn: async (action: "pause" | "resume" | "cancel") => {
      const fn = action === "pause" ? pauseRunAction : action === "resume" ? resumeRunAction : cancelRunAction;
      return fn({ runId });
    },
    onSuccess: (result, action) => {
      if (!result.ok) toast.error(result.message);
      else toast.success(action === "pause" ? "Paused" : action === "resume" ? "Resumed" : "Canceled");
      queryClient.invalidateQueries({ queryKey: ["run", runId] });
    },
    onError: () => toast.error("The server could not be reached. Is Judge Lab still running?"),
  });

  const awaiting = data.iterations.find((it) => it.trainingJob?.status === "awaiting_model");
  const evalNames = [...new Set(data.iterations.flatMap((it) => it.evals.map((e) => e.datasetName)))];

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            {run.name} <span className="text-base font-normal text-muted-foreground">#{run.id}</span>
            <RunStatusBadge status={run.status} />
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Seed {run.seed}
            {run.startedAt ? ` · started ${new Date(run.startedAt).toLocaleString("en-GB")}` : ""}
            {run.finishedAt && run.startedAt ? ` · took ${formatDuration(run.finishedAt - run.startedAt)}` : ""}
            {run.clonedFromRunId ? (
              <>
                {" "}
                · cloned from{" "}
                <Link className="underline" href={`/runs/${run.clonedFromRunId}`}>
                  run #{run.clonedFromRunId}
                </Link>
              </>
            ) : null}
          </p>
          {run.statusReason ? (
            <p className="mt-2 text-sm" data-testid="status-reason">
              {run.statusReason}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          {active(run.status) ? (
            <Button variant="outline" onClick={() => control.mutate("pause")} disabled={control.isPending}>
              <Pause /> Pause
            </Button>
          ) : null}
          {run.status === "paused" || run.status === "failed" ? (
            <Button onClick={() => control.mutate("resume")} disabled={control.isPending || Boolean(awaiting)}>
              <Play /> Resume
            </Button>
          ) : null}
          {run.status !== "completed" && run.status !== "canceled" ? (
            <Button
              variant="ghost"
              onClick={() => confirm("Cancel this run? A canceled run cannot be resumed.") && control.mutate("cancel")}
              disabled={control.isPending}
            >
              <Square /> Cancel
            </Button>
          ) : null}
          <Button variant="ghost" asChild>
            <Link href={`/runs/new?from=${run.id}`}>
              <Copy /> Clone
            </Link>
          </Button>
        </div>
      </div>

      {progress?.stage && run.status !== "completed" ? <ProgressCard view={data} /> : null}
      {awaiting ? <ManualTrainerCard runId={runId} iterationIndex={awaiting.iteration.index} backends={backends} /> : null}

      <RunTimeline view={data} />

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

      <RunCharts view={data} />

      <IterationsCard view={data} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Pairs</CardTitle>
            <CardDescription>
              {data.selected > 0 ? `${formatCount(data.selected)} instructions selected` : "Not selected yet"}
            </CardDescription>
          </CardHeader>
          <CardContent className="text-sm">
            <p>
              <strong className="tabular-nums">{formatCount(data.pairs.ok)}</strong> kept,{" "}
              <strong className="tabular-nums">{formatCount(data.pairs.dropped)}</strong> dropped
            </p>
            {data.pairs.total > 0 ? (
              <p className="mt-1 text-muted-foreground" data-testid="good-source">
                {data.pairs.goodFromPool === 0
                  ? "Good responses (y_w): all generated by the generator"
                  : data.pairs.goodFromPool === data.pairs.total
                    ? "Good responses (y_w): all from the pool's own baseline responses"
                    : `Good responses (y_w): ${formatCount(data.pairs.goodFromPool)} from the pool's baseline responses, ${formatCount(data.pairs.total - data.pairs.goodFromPool)} generated`}
              </p>
            ) : null}
            {Object.keys(data.pairs.byReason).length > 0 ? (
              <ul className="mt-2 grid gap-1 text-muted-foreground">
                {Object.entries(data.pairs.byReason).map(([reason, count]) => (
                  <li key={reason}>
                    {formatCount(count)} {PAIR_DROP_REASONS[reason as keyof typeof PAIR_DROP_REASONS] ?? reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Tokens</CardTitle>
          </CardHeader>
          <CardContent>
            <table className="w-full text-sm tabular-nums" aria-label="Tokens per stage">
              <thead className="text-xs uppercase text-muted-foreground">
                <tr>
                  <th className="text-left font-medium">Stage</th>
                  <th className="text-right font-medium">Judgments / rows</th>
                  <th className="text-right font-medium">Prompt</th>
                  <th className="text-right font-medium">Completion</th>
                </tr>
              </thead>
              <tbody>
                {data.tokens.map((t) => (
                  <tr key={t.stage}>
                    <td>{t.stage}</td>
                    <td className="text-right">{formatCount(t.calls)}</td>
                    <td className="text-right">{formatCount(t.promptTokens)}</td>
                    <td className="text-right">{formatCount(t.completionTokens)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
      </div>

      <RunExports view={data} />

      <Card>
        <CardHeader>
          <CardTitle>Events</CardTitle>
        </CardHeader>
        <CardContent>
          {data.events.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing yet.</p>
          ) : (
            <ol className="grid gap-1 text-sm" aria-label="Events">
              {data.events.map((event) => (
                <li key={event.id} className="flex gap-3">
                  <span className="shrink-0 tabular-nums text-muted-foreground">
                    {new Date(event.createdAt).toLocaleTimeString("en-GB")}
                  </span>
                  <Badge variant={event.level === "error" ? "destructive" : event.level === "warn" ? "warning" : "outline"}>
                    {event.level}
                  </Badge>
                  <span className="min-w-0 [overflow-wrap:anywhere]">{event.message}</span>
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

function ProgressCard({ view }: { view: RunView }) {
  const p = view.progress!;
  const errors = Object.entries(p.errors);
  return (
    <Card data-testid="progress-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {view.run.status === "running" ? <Loader2 className="size-4 animate-spin text-primary" aria-hidden /> : null}
          {p.label || p.stage}
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        <ProgressBar value={p.total > 0 ? p.done / p.total : null} label="Stage progress" />
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-5" data-testid="stage-progress">
          <div>
            <dt className="text-xs text-muted-foreground">Done</dt>
            <dd className="tabular-nums" data-testid="progress-done">
              {formatCount(p.done)} / {formatCount(p.total)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Rate</dt>
            <dd className="tabular-nums">{view.run.status === "running" ? `${p.ratePerSecond}/s` : "—"}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">ETA</dt>
            <dd className="tabular-nums">
              {view.run.status === "running" && p.etaSeconds !== null ? formatDuration(p.etaSeconds * 1000) : "—"}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Tokens (stage)</dt>
            <dd className="tabular-nums">{formatCount(p.tokens.prompt + p.tokens.completion)}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Requests (stage)</dt>
            <dd className="tabular-nums">{formatCount(p.requests)}</dd>
          </div>
        </dl>
        {errors.length > 0 ? (
          <InlineAlert tone="warning">
            <ul className="grid gap-1">
              {errors.map(([kind, e]) => (
                <li key={kind}>
                  <strong>
                    {formatCount(e.count)} {kind}
                  </strong>
                  : {e.sample}
                </li>
              ))}
            </ul>
          </InlineAlert>
        ) : null}
      </CardContent>
    </Card>
  );
}

const ruleName = (rule: RunConfig["judging"]["verdictRule"]) =>
  rule === "ram" ? "RAM" : rule === "rewardbench" ? "RewardBench" : "lenient";

/** How a round chose its base model, in words: the paper's "seed" or RAM's "previous". */
function baseLabel(config: RunConfig, index: number): string {
  const round = trainingRound(config, index);
  return round.base === "previous" && index > 0 ? "the previous judge" : "the base model, as every round";
}

function IterationsCard({ view }: { view: RunView }) {
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

function ManualTrainerCard({
  runId,
  iterationIndex,
  backends,
}: {
  runId: number;
  iterationIndex: number;
  backends: { id: number; name: string }[];
}) {
  const queryClient = useQueryClient();
  const [model, setModel] = useState("");
  const [backendId, setBackendId] = useState(String(backends[0]?.id ?? ""));
  const submit = useMutation({
    mutationFn: () => submitManualModelAction({ runId, iterationIndex, model, backendId: Number(backendId) }),
    onSuccess: (result) => {
      if (result.ok) {
        toast.success("The run goes on with the new judge");
        queryClient.invalidateQueries({ queryKey: ["run", runId] });
      }
    },
  });
  const failure = submit.data && !submit.data.ok ? submit.data : null;
  return (
    <Card className="border-warning/60">
      <CardHeader>
        <CardTitle>Waiting for the judge of iteration {iterationIndex + 1}</CardTitle>
        <CardDescription>
          Download the training set, train the judge anywhere, then enter the new model&apos;s name and the backend that serves it.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex flex-wrap gap-2">
          {(["sft", "dpo"] as const).map((method) =>
            (["trl", "openai"] as const).map((format) => (
              <Button key={`${method}-${format}`} variant="outline" size="sm" asChild>
                <a href={`/api/runs/${runId}/training-set?iteration=${iterationIndex}&method=${method}&format=${format}`}>
                  <Download /> {method.toUpperCase()} ({format === "trl" ? "TRL" : "OpenAI"})
                </a>
              </Button>
            )),
          )}
        </div>
        <form
          className="grid gap-3 md:grid-cols-[2fr_1fr_auto] md:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            submit.mutate();
          }}
        >
          <Field id="manual-model" label="Trained model name" error={failure?.fieldErrors?.model}>
            {(control) => <Input {...control} className="font-mono" value={model} onChange={(e) => setModel(e.target.value)} />}
          </Field>
          <Field id="manual-backend" label="Served by" error={failure?.fieldErrors?.backendId}>
            {(control) => (
              <NativeSelect {...control} value={backendId} onChange={(e) => setBackendId(e.target.value)}>
                {backends.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
          <Button type="submit" disabled={submit.isPending}>
            Continue the run
          </Button>
        </form>
        {failure ? <InlineAlert tone="error">{failure.message}</InlineAlert> : null}
      </CardContent>
    </Card>
  );
}
