// The screenshots in the README: every page, in light mode at 1280 px (the run page also in dark
// mode and at a laptop width), from finished demo runs. Written to e2e/.artifacts/screenshots, or
// to docs/screenshots with `npm run screenshots` (JUDGE_LAB_SCREENSHOTS). Each must stay under 1 MB.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { expect, test } from "./fixtures";
import { TRACE_EVAL_SET } from "./support/demo-runs";
import { withE2eDatabase } from "./support/e2e-database";
import { ensureJudgeJobs } from "./support/judge-jobs";
import { ensureLabelledSet } from "./support/labels";

const dir = path.resolve(process.env.JUDGE_LAB_SCREENSHOTS ?? "e2e/.artifacts/screenshots");

async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: "disabled" });
  expect(fs.statSync(file).size, `${name}.png is over 1 MB`).toBeLessThan(1_000_000);
}

test("screenshots of every page", async ({ browser, demoRuns, page }) => {
  test.setTimeout(300_000);
  fs.mkdirSync(dir, { recursive: true });
  const [first, second] = await demoRuns(2);
  const { setId, pairId, itemId } = withE2eDatabase((db) => ({
    setId: db.get<{ id: number }>(sql`select id from datasets where name = ${TRACE_EVAL_SET}`)!.id,
    pairId: db.get<{ id: number }>(
      sql`select min(p.id) as id from pairs p where p.run_id = ${first} and p.status = 'ok' and exists (select 1 from judgments j where j.pair_id = p.id and j.outcome = 'wrong')`,
    )!.id,
    itemId: db.get<{ id: number }>(
      sql`select min(di.id) as id from dataset_items di join datasets d on d.id = di.dataset_id where d.name = ${TRACE_EVAL_SET} and di.subset = 'llmbar-natural'`,
    )!.id,
  }));
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto("/runs");
  await shoot(page, "runs");
  await page.goto("/runs/new?preset=demo");
  await shoot(page, "new-run", { fullPage: false });
  await page.goto(`/runs/${first}`);
  await expect(page.getByTestId("chart-rewardbench").locator(".recharts-line").first()).toBeVisible();
  await shoot(page, "run-overview");
  await page.goto(`/runs/${first}/pairs?iteration=0`);
  await shoot(page, "training-pairs", { fullPage: false });
  await page.goto(`/runs/${first}/pairs/${pairId}?iteration=0&compare=1`);
  await shoot(page, "pair-detail", { fullPage: false });
  await page.goto(`/runs/${first}/eval?set=${setId}&subset=llmbar-natural`);
  await shoot(page, "eval-items", { fullPage: false });
  await page.goto(`/runs/${first}/flips?set=${setId}&step=2&section=Chat+Hard`);
  await shoot(page, "flips");
  const flipped = page.getByTestId("flip-row").first().getByRole("link");
  await ((await flipped.count()) ? flipped.click() : page.goto(`/runs/${first}/eval/${itemId}?iteration=2&compare=1`));
  await expect(page.getByRole("heading", { name: "Verdicts across iterations" })).toBeVisible();
  await shoot(page, "eval-item", { fullPage: false });
  await page.goto(`/compare?runs=${first},${second}&judges=${first}:1,${first}:2&metric=Chat+Hard`);
  await expect(page.getByTestId("chart-compare").locator(".recharts-line").first()).toBeVisible();
  await shoot(page, "compare");
  await page.goto("/datasets");
  await shoot(page, "datasets");
  await page.goto(`/datasets/${setId}`);
  await shoot(page, "dataset", { fullPage: false });
  await page.goto("/datasets/import");
  await shoot(page, "dataset-import");
  await page.goto("/backends");
  await shoot(page, "backends");
  await page.goto("/backends/new");
  await shoot(page, "backend-form", { fullPage: false });

  // The Judge pages: the shipped pairwise demo data judged by the run's seed judge, then re-judged
  // by its last judge (whose page opens compared with the seed judge's job).
  const { seedJob, lastJob } = await ensureJudgeJobs(browser, first!);
  const judgedItem = withE2eDatabase(
    (db) =>
      db.get<{ id: number | null }>(
        sql`select min(a.item_id) as id from judge_item_results a join judge_item_results b on b.item_id = a.item_id and b.job_id = ${seedJob}
          where a.job_id = ${lastJob} and a.verdict <> b.verdict`,
      )?.id ?? db.get<{ id: number }>(sql`select min(item_id) as id from judge_item_results where job_id = ${lastJob}`)!.id,
  );
  await page.goto("/judge");
  await shoot(page, "judge-jobs");
  await page.goto(`/judge/new?judge=run:${first}:0`);
  await expect(page.getByTestId("estimate-items")).toBeVisible();
  await shoot(page, "judge-new");
  await page.goto(`/judge/${lastJob}`);
  await expect(page.getByTestId("chart-verdicts").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await shoot(page, "judge-job", { fullPage: false });
  await expect(page.getByTestId("compare-summary")).toBeVisible();
  await page.getByTestId("job-compare").evaluate((card) => card.scrollIntoView({ block: "start" }));
  await page.evaluate(() => window.scrollBy(0, -90));
  await shoot(page, "judge-compare", { fullPage: false });
  await page.goto(`/judge/${lastJob}/items/${judgedItem}`);
  await expect(page.getByTestId("job-judgment-card").first()).toBeVisible();
  await shoot(page, "judge-item", { fullPage: false });

  // The Labels pages: a set of the run's training pairs with labels, its page, and labelling (after one answer, the reveal).
  const labelSet = await ensureLabelledSet(browser, first!);
  await page.goto("/labels");
  await shoot(page, "labels");
  await page.goto(`/labels/${labelSet}`);
  // A flat line has no height, so wait for its dots.
  await expect(page.getByTestId("chart-people").locator(".recharts-dot").first()).toBeVisible();
  await shoot(page, "label-set");
  await page.goto(`/labels/${labelSet}/annotate`);
  const name = page.getByLabel("Name");
  const item = page.getByTestId("labelling-item");
  await expect(name.or(item).or(page.getByTestId("labelling-done"))).toBeVisible();
  if (await name.isVisible()) {
    await name.fill("Screenshot annotator");
    await page.keyboard.press("Enter");
  }
  await expect(item.or(page.getByTestId("labelling-done"))).toBeVisible();
  if (await item.isVisible()) {
    await page.keyboard.press("1");
    await expect(page.getByTestId("reveal")).toBeVisible();
  }
  await shoot(page, "labelling", { fullPage: false });

  // The run page in dark mode, and at a laptop width.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/runs/${first}`);
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByTestId("chart-rewardbench").evaluate((chart) => chart.scrollIntoView({ block: "start" }));
  await page.evaluate(() => window.scrollBy(0, -90));
  await shoot(page, "run-charts-dark", { fullPage: false });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`/runs/${first}/pairs/${pairId}?iteration=1`);
  await shoot(page, "pair-detail-1024", { fullPage: false });
});
