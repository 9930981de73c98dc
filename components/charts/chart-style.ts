// Shared look of the Recharts charts: series colours from the theme's --chart-N variables, muted
// axes and grid, and a tooltip that follows light and dark mode.
import type { CSSProperties } from "react";

export const seriesColor = (index: number) => `var(--chart-${(index % 6) + 1})`;

export const axisProps = {
  stroke: "var(--muted-foreground)",
  tick: { fill: "var(--muted-foreground)", fontSize: 12 },
  tickLine: false,
} as const;

export const gridProps = { stroke: "var(--border)", strokeDasharray: "3 3" } as const;

export const tooltipProps = {
  contentStyle: {
    background: "var(--popover, var(--card))",
    border: "1px solid var(--border)",
    borderRadius: 8,
    color: "var(--foreground)",
    fontSize: 12,
  } satisfies CSSProperties,
  labelStyle: { color: "var(--foreground)", fontWeight: 600 } satisfies CSSProperties,
  cursor: { stroke: "var(--border)" },
} as const;

/** Legend entries in the order the series are drawn (Recharts sorts them by name otherwise). */
export const legendProps = { wrapperStyle: { fontSize: 12 }, itemSorter: null } as const;

export const CHART_HEIGHT = 260;
