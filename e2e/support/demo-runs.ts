// Finished demo runs for the specs that read traces, charts, Compare and exports. A run is launched
// through the New Run page (Demo preset, plus a Chat Hard sample as a RewardBench eval set so Chat
// Hard is scored) only when the database does not already hold enough of them, so specs can run in
// any order and alone. The sample is every other row of LLMBar when the shared data is there (its
// content differs from the full file the Datasets spec imports), else our stand-in (eval-sets.ts).
import { expect, type Browser } from "@playwright/test";
import { sql } from "drizzle-orm";
import { DatasetsPage } from "../pages/datasets-page";
import { RunsPage } from "../pages/runs-page";
import { withE2eDatabase } from "./e2e-database";
import { chatHardSample } from "./eval-sets";

export const TRACE_EVAL_SET = "Chat Hard sample (e2e)";
const RUN_PREFIX = "E2E demo";

function finishedRunIds(): number[] {
  return withE2eDatabase((db) =>
    db
      .all<{ id: number }>(sql`select id from runs where name like ${`${RUN_PREFIX}%`} and status = 'completed' order by id`)
      .map((r) => r.id),
  );
}

function hasDataset(name: string): boolean {
  return withE2eDatabase(
    (db) => db.get<{ n: number }>(sql`select count(*) as n from datasets where name = ${name} and status = 'ready'`)!.n > 0,
  );
}

/** The ids of at least `count` finished demo runs, launching the missing ones (about 20 s each). */
export async function ensureDemoRuns(browser: Browser, count: number): Promise<number[]> {
  let ids = finishedRunIds();
  if (ids.length >= count) return ids;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    if (!hasDataset(TRACE_EVAL_SET)) {
      const datasets = new DatasetsPage(page);
      await datasets.openImport();
      const sample = chatHardSample();
      await datasets.useServerPath(sample.file);
      await datasets.setName(TRACE_EVAL_SET);
      await datasets.startImport();
      await datasets.expectImported(sample.rows);
    }
    const runs = new RunsPage(page);
    while (ids.length < count) {
      await runs.openNewRun("?preset=demo");
      await page.getByLabel("Name", { exact: true }).fill(`${RUN_PREFIX} ${ids.length + 1}`);
      await page.getByLabel("Seed", { exact: true }).fill(String(ids.length + 1));
      await runs.toggleEvalSet(TRACE_EVAL_SET);
      await runs.launch();
      await runs.expectOnRunPage();
      await runs.expectStatus("completed", 180_000);
      await expect(page.getByRole("table", { name: "Iterations" })).toBeVisible();
      ids = finishedRunIds();
    }
    return ids;
  } finally {
    await page.close();
  }
}
