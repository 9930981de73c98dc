/**
 * The judge job page's chart tables (also its CSV download): for pairwise data the share of A
 * wins, ties, B wins and unreadable verdicts, overall and per category; for best-of-n how often each
 * response position was ranked best.
 */
import type { ChartTable } from "@/lib/charts/run-chart-data";
import type { JudgeJobView } from "./job-view";

const pct = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 1000) / 10);

export function verdictShareTable(view: JudgeJobView): ChartTable {
  if (!view.pairwise) {
    const total = view.bestCounts.reduce((n, c) => n + c.n, 0);
    return {
      columns: [
        { key: "response", label: "Response" },
        { key: "best", label: "Ranked best (%)" },
        { key: "items", label: "Items" },
      ],
      rows: total === 0 ? [] : view.bestCounts.map((c) => ({ response: c.response, best: pct(c.n, total), items: c.n })),
    };
  }
  const groups = [
    { group: "All", counts: view.winRate?.counts },
    ...view.categories.map((c) => ({ group: c.category, counts: c.winRate?.counts })),
  ].filter((g) => g.counts && g.counts.a + g.counts.b + g.counts.tie + g.counts.unparsed > 0);
  return {
    columns: [
      { key: "group", label: "Items" },
      { key: "a", label: "A wins (%)" },
      { key: "tie", label: "Tie (%)" },
      { key: "b", label: "B wins (%)" },
      { key: "unparsed", label: "No verdict (%)" },
    ],
    rows: groups.map(({ group, counts }) => {
      const c = counts!;
      const of = c.a + c.b + c.tie + c.unparsed;
      return { group, a: pct(c.a, of), tie: pct(c.tie, of), b: pct(c.b, of), unparsed: pct(c.unparsed, of) };
    }),
  };
}
