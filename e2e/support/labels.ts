// An annotation set with labels, for the specs that only read one (screenshots): the newest set of
// the run that has labels, else one made through the New annotation set page (3 pairs per category)
// and labelled by keyboard (12 answers, alternating A and B).
import { expect, type Browser } from "@playwright/test";
import { sql } from "drizzle-orm";
import { withE2eDatabase } from "./e2e-database";

export async function ensureLabelledSet(browser: Browser, runId: number): Promise<number> {
  const existing = withE2eDatabase(
    (db) =>
      db.get<{ id: number }>(
        sql`select s.id from annotation_sets s where s.run_id = ${runId} and exists (select 1 from annotations a where a.set_id = s.id) order by s.id desc`,
      )?.id,
  );
  if (existing) return existing;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(`/labels/new?run=${runId}`);
    await page.getByLabel("Pairs per category").fill("3");
    await page.getByLabel("Name").fill(`Audit of run #${runId} (screenshots)`);
    await page.getByRole("button", { name: "Make the set" }).click();
    await expect(page).toHaveURL(/\/labels\/\d+$/);
    const setId = Number(/\/labels\/(\d+)$/.exec(page.url())![1]);
    await page.goto(`/labels/${setId}/annotate`);
    await page.getByLabel("Name").fill("Screenshot annotator");
    await page.keyboard.press("Enter");
    const progress = page.getByTestId("labelling-progress");
    for (let answered = 1; answered <= 12; answered++) {
      await expect(page.getByTestId("labelling-item")).toBeVisible();
      await page.keyboard.press(answered % 2 === 0 ? "2" : "1");
      await expect(progress).toContainText(`${answered} answered`);
    }
    return setId;
  } finally {
    await page.close();
  }
}
