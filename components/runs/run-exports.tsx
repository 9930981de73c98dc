// Everything a run can be downloaded as: per run, its config (importable on New Run to clone it)
// and a Markdown summary; per iteration, all judgments and the eval results per item (JSONL or
// CSV) and the SFT and DPO training sets in TRL and OpenAI formats.
import { Download } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { RunView } from "@/lib/runs/run-view";

const linkClass = "inline-flex items-center gap-1 underline-offset-2 hover:underline";

function FileLink({ href, children }: { href: string; children: string }) {
  return (
    <a className={linkClass} href={href} download>
      <Download className="size-3.5" aria-hidden />
      {children}
    </a>
  );
}

export function RunExports({ view }: { view: RunView }) {
  const base = `/api/runs/${view.run.id}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Exports</CardTitle>
        <CardDescription>
          The config JSON can be imported on the New Run page to run the same experiment again. Judgment exports hold every sampled trace.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        <div className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Run exports">
          <FileLink href={`${base}/export/config`}>Config (JSON)</FileLink>
          <FileLink href={`${base}/export/summary`}>Summary report (Markdown)</FileLink>
        </div>
        <table className="w-full text-sm" aria-label="Exports per iteration">
          <thead className="text-left text-xs uppercase tracking-wide text-muted-foreground">
            <tr>
              <th className="py-1.5 pr-3 font-medium">Iteration</th>
              <th className="py-1.5 pr-3 font-medium">Judgments</th>
              <th className="py-1.5 pr-3 font-medium">Eval results</th>
              <th className="py-1.5 font-medium">Training sets</th>
            </tr>
          </thead>
          <tbody>
            {view.iterations.map((it) => {
              const i = it.iteration.index;
              return (
                <tr key={i} className="border-t align-top" data-testid={`exports-iteration-${i}`}>
                  <td className="py-2 pr-3 font-medium">{i}</td>
                  <td className="py-2 pr-3">
                    {it.judgments.judgments > 0 ? (
                      <span className="flex flex-wrap gap-x-3">
                        <FileLink href={`${base}/export/judgments?iteration=${i}`}>JSONL</FileLink>
                        <FileLink href={`${base}/export/judgments?iteration=${i}&format=csv`}>CSV</FileLink>
                      </span>
                    ) : (
                      <span className="text-muted-foreground">none</span>
                    )}
                  </td>
                  <td className="py-2 pr-3">
                    {it.evals.length > 0 ? (
                      <span className="flex flex-wrap gap-x-3">
                        <FileLink href={`${base}/export/eval?iteration=${i}`}>JSONL</FileLink>
                        <FileLink href={`${base}/export/eval?iteration=${i}&format=csv`}>CSV</FileLink>
                      </span>
                    ) : (
                      <span className="text-muted-foreground">none</span>
                    )}
                  </td>
                  <td className="py-2">
                    {it.judgments.kept > 0 ? (
                      <span className="flex flex-wrap gap-x-3">
                        <FileLink href={`${base}/training-set?iteration=${i}&method=sft&format=trl`}>SFT · TRL</FileLink>
                        <FileLink href={`${base}/training-set?iteration=${i}&method=sft&format=openai`}>SFT · OpenAI</FileLink>
                        <FileLink href={`${base}/training-set?iteration=${i}&method=dpo&format=trl`}>DPO · TRL</FileLink>
                        <FileLink href={`${base}/training-set?iteration=${i}&method=dpo&format=openai`}>DPO · OpenAI</FileLink>
                      </span>
                    ) : (
                      <span className="text-muted-foreground">none</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}
