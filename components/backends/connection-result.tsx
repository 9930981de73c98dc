// The outcome of "Test connection": per replica, the models it serves or why it could not be reached.
import { CheckCircle2, XCircle } from "lucide-react";
import { InlineAlert } from "@/components/feedback/inline-alert";
import type { ConnectionCheck } from "@/lib/inference/list-models";

const MAX_MODELS_SHOWN = 24;

export function ConnectionResult({ check }: { check: ConnectionCheck }) {
  return (
    <div className="space-y-2" data-testid="connection-result" aria-live="polite">
      {check.warning ? <InlineAlert tone="warning">{check.warning}</InlineAlert> : null}
      {check.replicas.map((replica) => (
        <div key={replica.url} className="rounded-md border bg-background p-3 text-sm">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            {replica.ok ? (
              <CheckCircle2 className="size-4 text-success" aria-hidden />
            ) : (
              <XCircle className="size-4 text-destructive" aria-hidden />
            )}
            <span className="font-medium">{replica.ok ? "Connected" : "Failed"}</span>
            <span className="break-all font-mono text-xs text-muted-foreground">{replica.url}</span>
            <span className="ml-auto text-xs text-muted-foreground">{replica.latencyMs} ms</span>
          </div>
          {replica.ok ? (
            replica.models.length === 0 ? (
              <p className="mt-2 text-muted-foreground">The server answered but lists no models.</p>
            ) : (
              <div className="mt-2">
                <p className="text-xs text-muted-foreground">
                  {replica.models.length} {replica.models.length === 1 ? "model" : "models"} available
                </p>
                <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={`Models at ${replica.url}`}>
                  {replica.models.slice(0, MAX_MODELS_SHOWN).map((model) => (
                    <li key={model} className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
                      {model}
                    </li>
                  ))}
                  {replica.models.length > MAX_MODELS_SHOWN ? (
                    <li className="px-1.5 py-0.5 text-xs text-muted-foreground">and {replica.models.length - MAX_MODELS_SHOWN} more</li>
                  ) : null}
                </ul>
              </div>
            )
          ) : (
            <p className="mt-2 text-destructive [overflow-wrap:anywhere]">{replica.message}</p>
          )}
        </div>
      ))}
    </div>
  );
}
