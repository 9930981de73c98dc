// The problems an import found: the first ones (file, line or row, field, message) and how many in all.
import { InlineAlert } from "@/components/feedback/inline-alert";
import type { ImportProblem } from "@/lib/datasets/import-dataset";
import { formatCount } from "@/lib/format/numbers";

export function ProblemList({ message, problems, total }: { message: string; problems: ImportProblem[]; total: number }) {
  return (
    <InlineAlert tone="error">
      <p className="font-medium">{message}</p>
      {problems.length > 0 ? (
        <>
          <ol className="mt-2 max-h-80 space-y-1 overflow-y-auto text-xs" aria-label="Problems">
            {problems.map((problem, index) => (
              <li key={index} className="font-mono">
                <span className="text-muted-foreground">{problem.file}, </span>
                <span className="font-semibold">{problem.location}</span>
                {problem.field ? (
                  <>
                    , field <span className="font-semibold">{problem.field}</span>
                  </>
                ) : null}
                : {problem.message}
              </li>
            ))}
          </ol>
          {total > problems.length ? (
            <p className="mt-2 text-xs">
              Showing the first {problems.length} of {formatCount(total)} problems.
            </p>
          ) : null}
        </>
      ) : null}
    </InlineAlert>
  );
}
