"use client";
// The New Run form's estimate: model calls and tokens per stage, per iteration and for the whole run.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCount } from "@/lib/format/numbers";
import type { RunEstimate } from "@/lib/pipeline/estimate";

export function EstimateCard({ estimate }: { estimate: RunEstimate | null }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Estimate</CardTitle>
        <CardDescription>Model calls are exact for these sizes; tokens use average lengths.</CardDescription>
      </CardHeader>
      <CardContent>
        {estimate ? (
          <div className="grid gap-2 text-sm" data-testid="estimate">
            <table className="w-full max-w-2xl text-left">
              <thead className="text-xs uppercase text-muted-foreground">
                <tr>
                  <th className="py-1 font-medium">Stage</th>
                  <th className="py-1 text-right font-medium">Calls</th>
                  <th className="py-1 text-right font-medium">Tokens</th>
                  <th className="py-1 pl-4 font-medium">Size</th>
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {estimate.stages.map((s) => (
                  <tr key={s.stage}>
                    <td className="py-0.5">{s.stage}</td>
                    <td className="py-0.5 text-right">{formatCount(s.calls)}</td>
                    <td className="py-0.5 text-right">{formatCount(Math.round(s.tokens))}</td>
                    <td className="py-0.5 pl-4 text-muted-foreground">{s.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              Per iteration: <strong>{formatCount(estimate.perIteration.calls)}</strong> calls, about{" "}
              {formatCount(Math.round(estimate.perIteration.tokens))} tokens. Whole run:{" "}
              <strong>{formatCount(estimate.total.calls)}</strong> calls, about {formatCount(Math.round(estimate.total.tokens))} tokens.
            </p>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">Fill in the settings to see the estimate.</p>
        )}
      </CardContent>
    </Card>
  );
}
