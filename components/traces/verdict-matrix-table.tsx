// The verdict matrix: one row per iteration, how its samples voted in each order, the item's label,
// and whether it flipped from the previous iteration. A row's button selects that iteration below.
import { ArrowDownRight, ArrowUpRight, Shuffle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { MatrixRow } from "@/lib/traces/verdict-matrix";
import { cn } from "@/lib/ui/cn";
import { VoteStrip } from "./vote-strip";

const labelText = { right: "right", wrong: "wrong", undecided: "undecided" } as const;

export function VerdictMatrixTable({
  rows,
  judges,
  selected,
  onSelect,
}: {
  rows: MatrixRow[];
  judges: Map<number, string>;
  selected: number[];
  onSelect: (iteration: number) => void;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Verdicts across iterations">
        <thead className="text-left text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            <th className="py-1.5 pr-3 font-medium">Iteration · judge</th>
            <th className="py-1.5 pr-3 font-medium">Better response in A</th>
            <th className="py-1.5 pr-3 font-medium">Better response in B</th>
            <th className="py-1.5 pr-3 font-medium">Item</th>
            <th className="py-1.5 font-medium">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.iteration}
              className={cn("border-t", selected.includes(row.iteration) && "bg-primary/5")}
              data-testid={`matrix-row-${row.iteration}`}
            >
              <td className="py-2 pr-3">
                <button
                  type="button"
                  className="rounded-sm text-left underline-offset-2 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                  onClick={() => onSelect(row.iteration)}
                  aria-label={`Show the judgments of iteration ${row.iteration}`}
                >
                  <span className="font-medium">{row.iteration}</span>{" "}
                  <span className="font-mono text-xs text-muted-foreground">{judges.get(row.iteration)}</span>
                </button>
              </td>
              <td className="py-2 pr-3">
                {row.A ? <VoteStrip votes={row.A.votes} /> : <span className="text-muted-foreground">not judged</span>}
              </td>
              <td className="py-2 pr-3">
                {row.B ? <VoteStrip votes={row.B.votes} /> : <span className="text-muted-foreground">not judged</span>}
              </td>
              <td className="py-2 pr-3" data-testid="item-label">
                {row.label ? (
                  <Badge variant={row.label === "right" ? "success" : row.label === "wrong" ? "destructive" : "secondary"}>
                    {labelText[row.label]}
                  </Badge>
                ) : (
                  "—"
                )}
              </td>
              <td className="py-2" data-testid="item-flip">
                {row.flip === "improved" ? (
                  <span className="inline-flex items-center gap-1 text-success">
                    <ArrowUpRight className="size-4" aria-hidden /> wrong → right
                  </span>
                ) : row.flip === "regressed" ? (
                  <span className="inline-flex items-center gap-1 text-destructive">
                    <ArrowDownRight className="size-4" aria-hidden /> right → wrong
                  </span>
                ) : row.flip === "changed" ? (
                  <span className="inline-flex items-center gap-1 text-muted-foreground">
                    <Shuffle className="size-4" aria-hidden /> changed
                  </span>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
