// Compare two finished runs: the selection lives in the URL, the chart's points are the database's
// numbers, the paper's reference lines are refused for partial RewardBench scores, and the paired
// deltas between two judges match a paired comparison computed from the stored judgments.
import { sql } from "drizzle-orm";
import { compareRun } from "../lib/charts/compare-chart-data";
import { pairedItemScores } from "../lib/db/queries/eval-metrics";
import { iterationSummaries } from "../lib/db/queries/run-summary";
import { pairedRewardBench } from "../lib/metrics";
import { expect, test } from "./fixtures";
import { TRACE_EVAL_SET } from "./support/demo-runs";
import { withE2eDatabase } from "./support/e2e-database";

test("compare two runs: chart points from the database, paper reference, paired deltas", async ({ demoRuns, comparePage, page }) => {
  test.setTimeout(300_000);
  const [first, second] = await demoRuns(2);
  await page.goto("/runs");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare" })).toBeVisible();
  await expect(page.getByTestId("chart-compare").getByTestId("chart-empty")).toContainText("Select one or more runs");
  await comparePage.toggleRun(first!);
  await comparePage.toggleRun(second!);
  await comparePage.chooseMetric("Chat Hard");

  const runs = withE2eDatabase((db) =>
    [first!, second!].map((id) =>
      compareRun(id, db.get<{ name: string }>(sql`select name from runs where id = ${id}`)!.name, iterationSummaries(db, id)),
    ),
  );
  const data = await comparePage.chartData();
  expect(data.columns).toEqual(["Iteration", ...runs.map((r) => `#${r.id} ${r.name}`)]);
  expect(data.rows).toEqual(
    runs[0]!.points.map((point, i) => [String(point.iteration), ...runs.map((r) => String(r.points[i]!.metrics["Chat Hard"]))]),
  );

  // The selection survives a reload.
  await page.reload();
  expect(await comparePage.chartData()).toEqual(data);

  // The paper's published result is a full four-section score; these runs are scored on Chat Hard
  // only, so their overall is labelled as the mean of present sections and the lines are not offered.
  await comparePage.chooseMetric("RewardBench");
  await expect(page.getByTestId("chart-compare")).toHaveAttribute("aria-label", "RewardBench (mean of present sections) per iteration");
  await expect(page.getByLabel(/Paper reference/)).toBeDisabled();
  await expect(page.getByTestId("paper-reference-note")).toContainText("not drawn against them");
  await page.goto(`${page.url()}&ref=paper`);
  await expect(page.getByText("paper final 88.3")).toHaveCount(0);

  // Paired deltas: the default pair is the first run's seed judge against the second run's final judge.
  const expected = withE2eDatabase((db) => {
    const it = (runId: number, index: number) =>
      db.get<{ id: number }>(sql`select id from iterations where run_id = ${runId} and "index" = ${index}`)!.id;
    const setId = db.get<{ id: number }>(sql`select id from datasets where name = ${TRACE_EVAL_SET}`)!.id;
    const last = runs[1]!.points.at(-1)!.iteration;
    return {
      setId,
      metrics: pairedRewardBench(
        pairedItemScores(db, { iterationId: it(first!, 0), datasetId: setId }, { iterationId: it(second!, last), datasetId: setId }),
      ),
    };
  });
  await expect(page.getByTestId("paired-comparison")).toContainText(`#${second} · iteration ${runs[1]!.points.at(-1)!.iteration}`);
  const table = comparePage.pairedTable(expected.setId);
  for (const metric of expected.metrics) {
    const delta = metric.delta.delta * 100;
    const row = table.locator(`tr[data-metric="${metric.metric}"]`);
    await expect(row.getByTestId("delta")).toHaveText(`${delta >= 0 ? "+" : "−"}${Math.abs(delta).toFixed(1)}`);
    await expect(row).toContainText(String(metric.mcnemar.c));
  }

  // Another baseline: the second run's seed judge.
  await page.getByLabel("Baseline judge").selectOption(`${second}:0`);
  await expect(page).toHaveURL(new RegExp(`judges=${second}(%3A|:)0`));
  await expect(page.getByTestId("paired-comparison").getByRole("heading").first()).toContainText(`against #${second} · iteration 0`);
});
