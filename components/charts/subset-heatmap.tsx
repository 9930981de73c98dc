// Accuracy per subset (rows) and iteration (columns) as a table whose cells are shaded from red
// (0%) through neutral (50%) to green (100%); the number is always printed, colour is only a hint.
import type { ChartTable } from "@/lib/charts/run-chart-data";

function shade(value: number): string {
  const strength = Math.min(1, Math.abs(value - 50) / 50);
  const hue = value >= 50 ? "var(--success)" : "var(--destructive)";
  return `color-mix(in oklch, ${hue} ${Math.round(strength * 45)}%, transparent)`;
}

export function SubsetHeatmap({ table, iterations }: { table: ChartTable; iterations: number[] }) {
  return (
    <div className="grid gap-2">
      <div className="max-h-[26rem] overflow-auto">
        <table className="w-full border-separate border-spacing-0.5 text-xs tabular-nums" aria-label="Accuracy per subset and iteration">
          <thead className="sticky top-0 bg-card text-muted-foreground">
            <tr>
              <th className="px-2 py-1 text-left font-medium">Subset</th>
              <th className="px-2 py-1 text-right font-medium">Items</th>
              {iterations.map((it) => (
                <th key={it} className="px-2 py-1 text-right font-medium">
                  It. {it}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={`${row.set}-${row.subset}`}>
                <th scope="row" className="max-w-56 truncate px-2 py-1 text-left font-normal" title={`${row.set} / ${row.subset}`}>
                  <span className="text-muted-foreground">{row.set} / </span>
                  {row.subset}
                </th>
                <td className="px-2 py-1 text-right text-muted-foreground">{row.items}</td>
                {iterations.map((it) => {
                  const value = row[`it${it}`];
                  return (
                    <td
                      key={it}
                      className="rounded px-2 py-1 text-right"
                      style={typeof value === "number" ? { background: shade(value) } : undefined}
                      title={typeof value === "number" ? `${row.subset}, iteration ${it}: ${value.toFixed(1)}%` : "not scored"}
                    >
                      {typeof value === "number" ? value.toFixed(1) : "—"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="flex items-center justify-center gap-2 text-xs text-muted-foreground" aria-hidden>
        0%
        <span className="inline-flex overflow-hidden rounded">
          {[0, 25, 50, 75, 100].map((v) => (
            <span key={v} className="h-3 w-8" style={{ background: shade(v) }} />
          ))}
        </span>
        100% accuracy
      </p>
    </div>
  );
}
