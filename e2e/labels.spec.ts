// Human comparison in the browser: make an annotation set of a demo run's training pairs (k per
// category), label 20 pairs with the keyboard only (1 = A, undo with u, the hidden labels revealed
// after each answer; then a note, a tie and a skip), and see the synthetic-label audit and the
// "agreement with people" chart change on the set page and on the run page; the numbers are
// checked against the database.
import { sql } from "drizzle-orm";
import { expect, test } from "./fixtures";
import { withE2eDatabase } from "./support/e2e-database";

const SET = `Audit e2e-${Date.now().toString(36)}`;
const LABELS = 20;

test("label 20 demo pairs by keyboard, then the audit and the agreement chart change", async ({ demoRuns, page }) => {
  test.setTimeout(240_000);
  const [runId] = (await demoRuns(1)) as [number];

  // A set of 4 training pairs per category of the run, made on the New annotation set page.
  await page.goto("/labels");
  await page
    .getByRole("link", { name: /New annotation set/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "New annotation set" })).toBeVisible();
  await page.getByLabel("Kind").selectOption("training-pairs");
  await page.getByLabel("Run", { exact: true }).selectOption(String(runId));
  await page.getByLabel("Pairs per category").fill("4");
  await page.getByLabel("Name").fill(SET);
  await page.getByRole("button", { name: "Make the set" }).click();
  await expect(page.getByRole("heading", { name: SET })).toBeVisible();
  const setId = Number(/\/labels\/(\d+)/.exec(page.url())![1]);
  const total = withE2eDatabase((db) => db.get<{ n: number }>(sql`select item_count as n from annotation_sets where id = ${setId}`)!.n);
  expect(total).toBeGreaterThanOrEqual(LABELS);
  await expect(page.getByTestId("set-progress")).toContainText(`0 of ${total} items labelled`);
  await expect(page.getByTestId("audit")).toContainText("No labels yet");
  await expect(page.getByTestId("chart-people")).toContainText("No labels yet");

  // Labelling by keyboard: the name once, then 1 (A is better) for each pair; one undo on the way.
  await page.getByRole("link", { name: "Start labelling" }).click();
  await page.getByLabel("Name").fill("E2E annotator");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("annotator")).toHaveText("E2E annotator");
  const progress = page.getByTestId("labelling-progress");
  await expect(progress).toContainText(`0 answered · ${total} to go`);
  for (let answered = 1; answered <= LABELS; answered++) {
    await expect(page.getByTestId("labelling-item")).toBeVisible();
    await page.keyboard.press("1");
    await expect(progress).toContainText(`${answered} answered`);
    if (answered === 1) {
      // The hidden answers are shown for the item just labelled: the construction's y_w and the judges' verdicts.
      await expect(page.getByTestId("reveal")).toContainText("you chose A");
      await expect(page.getByTestId("reveal")).toContainText("construction (y_w)");
      await expect(page.getByTestId("reveal")).toContainText("iteration 0");
    }
    if (answered === 10) {
      const before = await page.getByTestId("labelling-item").getAttribute("data-item-position");
      await page.keyboard.press("u");
      await expect(progress).toContainText("9 answered");
      await expect(page.getByTestId("labelling-item")).not.toHaveAttribute("data-item-position", before!);
      await page.keyboard.press("1");
      await expect(progress).toContainText("10 answered");
      // That item's hidden labels had been seen: the new answer is kept, but not counted.
      await expect(page.getByTestId("reveal")).toContainText("not counted");
    }
  }
  await expect(progress).toContainText(`${LABELS} answered · ${total - LABELS} to go`);

  // The other keys on the next two items: a note (n, typed, Enter) then a tie (3); then a skip (s).
  // Neither is one of the 20 labels the audit counts below (a tie is not "prefer y_w"; a skip is no label).
  await page.keyboard.press("n");
  await page.getByLabel(/Note for this item/).fill("Both are fine; B is shorter.");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Note attached to your next answer")).toBeVisible();
  await page.keyboard.press("3");
  await expect(progress).toContainText(`${LABELS + 1} answered`);
  await page.keyboard.press("s");
  await expect(progress).toContainText(`${LABELS + 2} answered`);
  const extra = withE2eDatabase((db) =>
    db.all<{ choice: string; note: string | null }>(
      sql`select choice, note from annotations where set_id = ${setId} and choice in ('tie', 'skip') order by id`,
    ),
  );
  expect(extra).toEqual([
    { choice: "tie", note: "Both are fine; B is shorter." },
    { choice: "skip", note: null },
  ]);

  // Every label is in the database already, in the item's own terms: "A" is y_w unless the item was shown swapped.
  const stored = withE2eDatabase((db) =>
    db.all<{ choice: string; swapped: number; blind: number }>(sql`
      select a.choice, i.swapped, a.blind from annotations a join annotation_items i on i.id = a.item_id
      where a.set_id = ${setId} and a.choice in ('first', 'second')`),
  );
  expect(stored).toHaveLength(LABELS);
  for (const label of stored) expect(label.choice).toBe(label.swapped ? "second" : "first");
  expect(stored.filter((l) => !l.blind)).toHaveLength(1); // the one answered again after the undo
  const blind = stored.filter((l) => l.blind);
  const preferYw = blind.filter((l) => l.choice === "first").length;
  const counted = blind.length + 1; // the 19 blind answers and the tie

  // The set page now shows the audit (the share of labelled pairs where people prefer y_w) and the chart.
  await page.goto(`/labels/${setId}`);
  // 21 items have a label (the 20 and the tie; the skip is not a label); one of them is not counted.
  await expect(page.getByTestId("set-progress")).toContainText(`${LABELS + 1} of ${total} items labelled`);
  await expect(page.getByTestId("set-progress")).toContainText("1 given after seeing the answers, not counted");
  const share = ((preferYw / counted) * 100).toFixed(1);
  await expect(page.getByTestId("audit-overall")).toContainText(`${share}%`);
  await expect(page.getByTestId("audit-overall")).toContainText(`n = ${counted}`);
  await expect(page.getByTestId("audit-overall")).toContainText(`${preferYw} prefer it, ${blind.length - preferYw} prefer y_l, 1 tie`);
  await expect(page.getByTestId("audit-disagreements")).toContainText(`(${blind.length - preferYw + 1}`);
  const judges = page.getByRole("table", { name: "Judges vs people" });
  await expect(judges.getByRole("row", { name: /iteration 0/ })).toContainText(String(counted));
  await expect(page.getByTestId("chart-people")).not.toContainText("No labels yet");
  await expect(page.getByTestId("chart-people").locator(".recharts-line")).toHaveCount(2);

  // The labels export has one row per label, with the order shown and the time taken.
  const csv = await (await page.request.get(`/api/annotation-sets/${setId}/export/labels.csv`)).text();
  const lines = csv.trim().split("\n");
  expect(lines[0]).toBe(
    "item,source,category,filter_status,reference,annotator,choice,shown_order,time_ms,note,imported,blind,labelled_at",
  );
  expect(lines).toHaveLength(LABELS + 2 + 1); // 20 + the tie + the skip, and the header

  // The run page's chart next to RewardBench now has the iterations' agreement with people, and the
  // run offers to label its pairs (the New annotation set form, with this run chosen).
  await page.goto(`/runs/${runId}`);
  await expect(page.getByRole("link", { name: "Label pairs" })).toHaveAttribute("href", `/labels/new?run=${runId}`);
  await expect(page.getByTestId("chart-people")).toContainText(`${counted} human label(s)`);
  await expect(page.getByTestId("chart-people").locator(".recharts-line")).toHaveCount(2);
});
