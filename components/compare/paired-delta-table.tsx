// Paired deltas of two judges on the same items: the score of each, the difference with its paired
// bootstrap 95% interval, and McNemar's test on the items that flipped (b right→wrong, c wrong→right),
// with a plain-words reading so a user can tell a real change from noise.
import { pairedReading, type PairedMetric } from "@/lib/metrics";
import { cn } from "@/lib/ui/cn";

const pts = (value: number) => (value * 100).toFixed(1);
const signed = (value: number) => `${value >= 0 ? "+" : "−"}${pts(Math.abs(value))}`;

export function PairedDeltaTable({
  metrics,
  beforeLabel,
  afterLabel,
  testId,
}: {
  metrics: PairedMetric[];
  beforeLabel: string;
  afterLabel: string;
  testId?: string;
}) {
  if (metrics.length === 0) return <p className="text-sm text-muted-foreground">The two judges share no eval items.</p>;
  return (
    <div className="overflow-x-auto">
      <table
        className="w-full text-sm tabular-nums"
        aria-label={`Paired deltas, ${afterLabel} against ${beforeLabel}`}
        data-testid={testId}
      >
        <thead className="text-left text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            <th className="py-1.5 pr-3 font-medium">Metric</th>
            <th className="py-1.5 pr-3 text-right font-medium">Items</th>
            <th className="py-1.5 pr-3 text-right font-medium">{beforeLabel}</th>
            <th className="py-1.5 pr-3 text-right font-medium">{afterLabel}</th>
            <th className="py-1.5 pr-3 text-right font-medium">Δ points</th>
            <th className="py-1.5 pr-3 text-right font-medium">95% interval</th>
            <th className="py-1.5 pr-3 text-right font-medium" title="Items right before and wrong after">
              b
            </th>
            <th className="py-1.5 pr-3 text-right font-medium" title="Items wrong before and right after">
              c
            </th>
            <th className="py-1.5 pr-3 text-right font-medium" title="McNemar's test on b and c">
              p
            </th>
            <th className="py-1.5 font-medium">Reading</th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((m) => {
            const reading = pairedReading(m);
            return (
              <tr key={m.metric} className="border-t" data-metric={m.metric}>
                <td className="py-1.5 pr-3 font-medium">{m.metric}</td>
                <td className="py-1.5 pr-3 text-right">{m.delta.items.toLocaleString("en-US")}</td>
                <td className="py-1.5 pr-3 text-right">{pts(m.delta.before)}</td>
                <td className="py-1.5 pr-3 text-right">{pts(m.delta.after)}</td>
                <td
                  className={cn(
                    "py-1.5 pr-3 text-right font-medium",
                    m.delta.delta > 0 ? "text-success" : m.delta.delta < 0 ? "text-destructive" : "",
                  )}
                  data-testid="delta"
                >
                  {signed(m.delta.delta)}
                </td>
                <td className="py-1.5 pr-3 text-right text-muted-foreground">
                  {signed(m.delta.low)} to {signed(m.delta.high)}
                </td>
                <td className="py-1.5 pr-3 text-right">{m.mcnemar.b}</td>
                <td className="py-1.5 pr-3 text-right">{m.mcnemar.c}</td>
                <td className="py-1.5 pr-3 text-right">
                  {m.mcnemar.pValue === null ? "—" : m.mcnemar.pValue < 0.001 ? "<0.001" : m.mcnemar.pValue.toFixed(3)}
                </td>
                <td
                  className={cn(
                    "py-1.5",
                    reading.tone === "better" ? "text-success" : reading.tone === "worse" ? "text-destructive" : "text-muted-foreground",
                  )}
                >
                  {reading.text}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
