// The errors a run's or a judge job's stage met, by kind, with how many and a sample message of each.
import { formatCount } from "@/lib/format/numbers";
import type { ProgressSnapshot } from "@/lib/runner/progress";
import { InlineAlert } from "./inline-alert";

export function ProgressErrors({ errors }: { errors: ProgressSnapshot["errors"] | undefined }) {
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return null;
  return (
    <InlineAlert tone="warning">
      <ul className="grid gap-1">
        {entries.map(([kind, e]) => (
          <li key={kind}>
            <strong>
              {formatCount(e.count)} {kind}
            </strong>
            : {e.sample}
          </li>
        ))}
      </ul>
    </InlineAlert>
  );
}
