// Defaults the run page's charts share: the iteration axis, value formatters for tooltips, and
// the empty-state sentence before any iteration is scored.
import { XAxis } from "recharts";
import { axisProps } from "./chart-style";

export function iterationAxis() {
  return (
    <XAxis
      dataKey="iteration"
      {...axisProps}
      tickFormatter={(v: number) => `${v}`}
      label={{ value: "iteration", position: "insideBottomRight", offset: -4, fill: "var(--muted-foreground)", fontSize: 11 }}
    />
  );
}

export const percentFormatter = (value: unknown) => (typeof value === "number" ? `${value.toFixed(1)}%` : "—");
export const countFormatter = (value: unknown) => (typeof value === "number" ? value.toLocaleString("en-US") : "—");
export const iterationLabel = (label: unknown) => `Iteration ${label}${label === 0 ? " (seed judge)" : ""}`;
export const NO_SCORES = "No scores yet: each iteration is scored when its evaluation stage finishes.";
