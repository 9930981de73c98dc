// A judge job's results in numbers: for pairwise data who wins (A's win rate among the decided
// prompts with its 95% interval; ties and unreadable verdicts counted apart), for best-of-n how
// often each position was ranked best; agreement with the labels when the data has them;
// position consistency and how sure the judge was.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCount, formatPercent } from "@/lib/format/numbers";
import type { JudgeJobView, Rate } from "@/lib/judge-jobs/job-view";

function Stat({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {detail ? <dd className="text-xs text-muted-foreground">{detail}</dd> : null}
    </div>
  );
}

const interval = (r: { low: number; high: number }) => `95%: ${formatPercent(r.low)}–${formatPercent(r.high)}`;
const rateText = (r: Rate, of: string) => (r ? `${interval(r)} · ${formatCount(r.count)} of ${formatCount(r.of)} ${of}` : "—");

export function ResultsCard({ view, names }: { view: JudgeJobView; names: [string, string] }) {
  const w = view.winRate;
  const a = view.agreement;
  return (
    <Card data-testid="job-results">
      <CardHeader>
        <CardTitle>Results</CardTitle>
        <CardDescription>
          {formatCount(view.done)} of {formatCount(view.job.itemCount)} items finished
          {view.pairwise ? "" : `; best-of-${view.job.maxResponses} by ${view.job.config.ranking}`}
          {view.coinFlips > 0 ? `; ${formatCount(view.coinFlips)} knockout ties settled by a seeded coin` : ""}.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {view.pairwise && w ? (
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Stat
              label={`${names[0]} wins (of decided)`}
              value={w.winRateA ? formatPercent(w.winRateA.rate) : "—"}
              detail={w.winRateA ? `${interval(w.winRateA)} · ${formatCount(w.winRateA.decided)} decided` : "nothing decided yet"}
              testId="win-rate"
            />
            <Stat label={`${names[0]} / ${names[1]} wins`} value={`${formatCount(w.counts.a)} / ${formatCount(w.counts.b)}`} />
            <Stat
              label="Ties · no verdict"
              value={`${formatCount(w.counts.tie)} · ${formatCount(w.counts.unparsed)}`}
              detail="not in the win rate"
            />
            <Stat
              label="Win rate, ties as half"
              value={w.winRateWithTiesAsHalf === null ? "—" : formatPercent(w.winRateWithTiesAsHalf)}
              detail="as AlpacaEval-style tables report it"
            />
          </dl>
        ) : (
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {view.bestCounts.map((c) => (
              <Stat key={c.response} label={`Response ${c.response} ranked best`} value={formatCount(c.n)} />
            ))}
          </dl>
        )}
        {a || view.bestOfNAccuracy ? (
          <section aria-labelledby="agreement-title" className="grid gap-2">
            <h3 id="agreement-title" className="text-sm font-semibold">
              Agreement with the labels
            </h3>
            {a ? (
              <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="label-agreement">
                <Stat
                  label="Accuracy without ties"
                  value={a.withoutTies ? formatPercent(a.withoutTies.rate) : "—"}
                  detail={
                    a.withoutTies
                      ? `${interval(a.withoutTies)} · ${formatCount(a.withoutTies.items)} items, ${formatCount(a.excludedFromWithoutTies)} left out (a tie or no verdict)`
                      : undefined
                  }
                  testId="agreement-without-ties"
                />
                <Stat
                  label="3-way agreement (A / B / tie)"
                  value={a.threeWay ? formatPercent(a.threeWay.rate) : "—"}
                  detail={a.threeWay ? `${interval(a.threeWay)} · ${formatCount(a.labelled)} labelled items` : undefined}
                  testId="agreement-three-way"
                />
                <Stat
                  label="Cohen's kappa"
                  value={a.kappa === null ? "—" : a.kappa.toFixed(3)}
                  detail={`over ${formatCount(a.kappaItems)} items with a verdict`}
                />
              </dl>
            ) : (
              <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="label-agreement">
                <Stat
                  label="Labelled best ranked first"
                  value={view.bestOfNAccuracy ? formatPercent(view.bestOfNAccuracy.rate) : "—"}
                  detail={rateText(view.bestOfNAccuracy, "labelled items")}
                  testId="agreement-best-of-n"
                />
              </dl>
            )}
          </section>
        ) : null}
        <section aria-labelledby="consistency-title" className="grid gap-2">
          <h3 id="consistency-title" className="text-sm font-semibold">
            Consistency and confidence
          </h3>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Stat
              label="Same verdict in both orders"
              value={view.consistency ? formatPercent(view.consistency.rate) : "—"}
              detail={
                view.consistency ? rateText(view.consistency, view.pairwise ? "items" : "items (every comparison)") : "judged in one order"
              }
              testId="consistency"
            />
            <Stat
              label="Mean vote share"
              value={view.meanVoteShare === null ? "—" : formatPercent(view.meanVoteShare)}
              detail="share of samples behind each verdict"
            />
            <Stat
              label="Judgments"
              value={formatCount(view.judgments)}
              detail={`${formatCount(view.tokens.prompt + view.tokens.completion)} tokens`}
            />
          </dl>
        </section>
      </CardContent>
    </Card>
  );
}
