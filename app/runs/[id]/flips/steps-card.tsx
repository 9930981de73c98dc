// The Flips page's table of every step (iteration i → i + 1): items that went wrong → right and
// right → wrong, and the net; each step links to its own view.
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCount } from "@/lib/format/numbers";

export function StepsCard({
  title,
  steps,
  current,
  hrefFor,
}: {
  title: string;
  steps: { from: number; to: number; improved: number; regressed: number }[];
  current: number;
  hrefFor: (to: number) => string;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Every step</CardTitle>
        <CardDescription>{title}</CardDescription>
      </CardHeader>
      <CardContent>
        <table className="w-full text-sm tabular-nums" aria-label="Flips per step">
          <thead className="text-left text-xs uppercase tracking-wide text-muted-foreground">
            <tr>
              <th className="py-1.5 pr-3 font-medium">Step</th>
              <th className="py-1.5 pr-3 text-right font-medium">Wrong → right</th>
              <th className="py-1.5 pr-3 text-right font-medium">Right → wrong</th>
              <th className="py-1.5 pr-3 text-right font-medium">Net</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr key={s.to} className={s.to === current ? "border-t bg-primary/5" : "border-t"} data-testid={`step-${s.to}`}>
                <td className="py-1.5 pr-3">
                  <Link className="underline" href={hrefFor(s.to)}>
                    Iteration {s.from} → {s.to}
                  </Link>
                </td>
                <td className="py-1.5 pr-3 text-right text-success">{formatCount(s.improved)}</td>
                <td className="py-1.5 pr-3 text-right text-destructive">{formatCount(s.regressed)}</td>
                <td className="py-1.5 pr-3 text-right font-medium">
                  {s.improved - s.regressed >= 0 ? "+" : "−"}
                  {formatCount(Math.abs(s.improved - s.regressed))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}
