// The instruction x and the modified instruction x', with the words that differ highlighted
// (jsdiff's word diff): removed words marked in x, added words in x'.
import { diffWords } from "diff";

export function InstructionDiff({ original, modified }: { original: string; modified: string | null }) {
  if (modified === null) {
    return <p className="whitespace-pre-wrap [overflow-wrap:anywhere] text-sm">{original}</p>;
  }
  const parts = diffWords(original, modified);
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
      <div>
        <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">Instruction x</h3>
        <p className="whitespace-pre-wrap [overflow-wrap:anywhere] rounded-md border p-3 text-sm" data-testid="instruction">
          {parts.map((part, i) =>
            part.added ? null : part.removed ? (
              <del key={i} className="rounded bg-destructive/15 px-0.5 text-destructive no-underline decoration-destructive">
                {part.value}
              </del>
            ) : (
              <span key={i}>{part.value}</span>
            ),
          )}
        </p>
      </div>
      <div>
        <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">Modified instruction x&apos;</h3>
        <p className="whitespace-pre-wrap [overflow-wrap:anywhere] rounded-md border p-3 text-sm" data-testid="modified-instruction">
          {parts.map((part, i) =>
            part.removed ? null : part.added ? (
              <ins key={i} className="rounded bg-success/15 px-0.5 text-success no-underline">
                {part.value}
              </ins>
            ) : (
              <span key={i}>{part.value}</span>
            ),
          )}
        </p>
      </div>
    </div>
  );
}
