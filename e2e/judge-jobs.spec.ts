// Judge jobs: a run's judges put to work on someone's data. Import labelled responses (pairwise and
// best-of-4) through the Import page, judge each with the demo run's seed judge (iteration 0) and its
// last trained judge (iteration 3) through New judge job (checking the "Before launch" counts first),
// and see the trained judge agree with the labels more; compare the two judges item by item and read
// an item where they differ; filter the items by agreement and export them; and use the HTTP API (one
// judgment, a batch job followed to the end, a refused request). Numbers on the pages are checked
// against the database or against each other.
import { sql } from "drizzle-orm";
import { expect, test as base } from "./fixtures";
import { JudgePage } from "./pages/judge-page";
import { withE2eDatabase } from "./support/e2e-database";
import { DEMO_BEST_OF_4_FILE, DEMO_PAIRWISE_FILE, demoResponsesCopy, lastJudgeIteration, readDemoRows } from "./support/judge-jobs";

const test = base.extend<{ judgePage: JudgePage }>({
  judgePage: async ({ page }, use) => {
    await use(new JudgePage(page));
  },
});

const tag = `e2e-${Date.now().toString(36)}`;
const PAIRWISE = `Pairwise responses ${tag}`;
const BEST_OF_4 = `Best-of-4 responses ${tag}`;

const jobs = { pairwise0: 0, pairwise3: 0, bestOf0: 0, bestOf3: 0 };
const seen = { pairwise0: 0, pairwise3: 0, bestOf0: 0, bestOf3: 0 };

// The journey's tests build on the first one's jobs (ids kept above), in this order.
test.describe.serial("judge jobs in the browser", () => {
  test("the trained judge agrees with the labels more than the seed judge, pairwise and best-of-4", async ({
    demoRuns,
    judgePage,
    page,
  }) => {
    test.setTimeout(180_000);
    const [runId] = (await demoRuns(1)) as [number];
    expect(lastJudgeIteration(runId)).toBe(3);

    // Responses to judge, imported from a server path (copies with new ids: the shipped demo sets hold the same content).
    const pairwiseFile = demoResponsesCopy(DEMO_PAIRWISE_FILE, `${tag}-pw`);
    const bestOf4File = demoResponsesCopy(DEMO_BEST_OF_4_FILE, `${tag}-bo4`);
    await judgePage.importResponses(pairwiseFile.file, PAIRWISE, 120);
    await judgePage.importResponses(bestOf4File.file, BEST_OF_4, 60);

    // Pairwise, judged by iteration 3 in both orders: 120 items, one comparison each, 240 judgments.
    await judgePage.openNewJob();
    await judgePage.chooseRunJudge(runId, 3);
    await judgePage.chooseDataset(PAIRWISE);
    await expect(judgePage.bothOrders()).toBeChecked();
    await judgePage.expectEstimate({ items: 120, comparisons: 120, judgments: 240, calls: 240 });
    await expect(judgePage.estimateCard.getByTestId("estimate-items")).toContainText("120 pairwise");
    await expect(judgePage.estimateCard).toContainText(`iteration 3`);
    // One order halves the work.
    await judgePage.bothOrders().uncheck();
    await judgePage.expectEstimate({ items: 120, comparisons: 120, judgments: 120, calls: 120 });
    await judgePage.bothOrders().check();
    await judgePage.expectEstimate({ items: 120, comparisons: 120, judgments: 240, calls: 240 });
    await judgePage.setName(`Pairwise by iteration 3 ${tag}`);
    jobs.pairwise3 = await judgePage.launch();

    // The same data and settings with the seed judge: "Re-judge with another judge" from the job's page (while it runs).
    await page.getByRole("link", { name: "Re-judge with another judge" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Re-judge job #${jobs.pairwise3} with another judge` })).toBeVisible();
    await expect(judgePage.form.getByLabel("Dataset", { exact: true })).toHaveValue(PAIRWISE);
    await expect(judgePage.form.getByLabel("Name", { exact: true })).toHaveValue(`Pairwise by iteration 3 ${tag} (re-judged)`);
    await judgePage.chooseRunJudge(runId, 0);
    await judgePage.expectEstimate({ items: 120, comparisons: 120, judgments: 240, calls: 240 });
    await judgePage.setName(`Pairwise by iteration 0 ${tag}`);
    jobs.pairwise0 = await judgePage.launch();

    // Best-of-4 by a seeded knockout: 3 comparisons per item (round-robin: all 6 pairs), each in both orders.
    for (const iteration of [0, 3] as const) {
      await judgePage.openNewJob();
      await judgePage.chooseRunJudge(runId, iteration);
      await judgePage.chooseDataset(BEST_OF_4);
      if (iteration === 0) {
        await judgePage.setRanking("Round-robin");
        await judgePage.expectEstimate({ items: 60, comparisons: 360, judgments: 720, calls: 720 });
        await judgePage.setRanking("Seeded knockout");
      }
      await judgePage.expectEstimate({ items: 60, comparisons: 180, judgments: 360, calls: 360 });
      await expect(judgePage.estimateCard.getByTestId("estimate-items")).toContainText("60 best-of-4");
      await judgePage.setName(`Best-of-4 by iteration ${iteration} ${tag}`);
      jobs[iteration === 0 ? "bestOf0" : "bestOf3"] = await judgePage.launch();
    }

    // Each job's page follows it to the end; then its agreement with the labels.
    await judgePage.openJob(jobs.pairwise3);
    await judgePage.expectStatus("completed");
    await expect(judgePage.results).toContainText("120 of 120 items finished");
    await expect(judgePage.results.getByTestId("label-agreement")).toBeVisible();
    seen.pairwise3 = await judgePage.resultNumber("agreement-three-way");
    await judgePage.openJob(jobs.pairwise0);
    await judgePage.expectStatus("completed");
    seen.pairwise0 = await judgePage.resultNumber("agreement-three-way");
    // A re-judged job opens compared with the job it re-judges.
    await expect(page.getByRole("link", { name: `job #${jobs.pairwise3}` })).toBeVisible();
    await expect(judgePage.compareCard.getByTestId("compare-summary")).toContainText("On 120 items both finished");
    for (const key of ["bestOf0", "bestOf3"] as const) {
      await judgePage.openJob(jobs[key]);
      await judgePage.expectStatus("completed");
      await expect(judgePage.results).toContainText("60 of 60 items finished; best-of-4 by knockout");
      seen[key] = await judgePage.resultNumber("agreement-best-of-n");
      await expect(judgePage.resultDetail("agreement-best-of-n")).toContainText(`${Math.round(seen[key] * 60)} of 60 labelled items`);
    }

    console.log(
      `[judge-jobs] agreement with the labels, iteration 0 -> 3: pairwise 3-way ${seen.pairwise0} -> ${seen.pairwise3}; best-of-4 ${seen.bestOf0} -> ${seen.bestOf3}`,
    );
    // The pages agree with the database.
    const stored = withE2eDatabase((db) => {
      const agree = (jobId: number) =>
        db.get<{ agree: number; n: number }>(
          sql`select coalesce(sum(agrees = 1), 0) as agree, count(agrees) as n from judge_item_results where job_id = ${jobId}`,
        )!;
      return {
        pairwise0: agree(jobs.pairwise0),
        pairwise3: agree(jobs.pairwise3),
        bestOf0: agree(jobs.bestOf0),
        bestOf3: agree(jobs.bestOf3),
      };
    });
    for (const key of Object.keys(seen) as (keyof typeof seen)[]) expect(seen[key]).toBeCloseTo(stored[key].agree / stored[key].n, 3);
    // The trained judge agrees with the labels more than the seed judge.
    expect(seen.pairwise3).toBeGreaterThan(seen.pairwise0);
    expect(seen.bestOf3).toBeGreaterThan(seen.bestOf0);

    // The list shows the four jobs, finished.
    await judgePage.gotoList();
    for (const jobId of Object.values(jobs)) {
      const row = judgePage
        .jobsTable()
        .getByRole("row")
        .filter({ has: page.locator(`a[href="/judge/${jobId}"]`) });
      await expect(row).toContainText("completed");
    }
    await expect(judgePage.jobsTable()).toContainText(`agrees ${(seen.pairwise3 * 100).toFixed(1)}%`);
  });

  test("compare the trained judge with the seed judge, and read the traces of an item where they differ", async ({ judgePage, page }) => {
    test.setTimeout(60_000);
    await judgePage.openJob(jobs.pairwise3);
    await judgePage.compareWith(jobs.pairwise0);
    const summary = judgePage.compareCard.getByTestId("compare-summary");
    await expect(summary).toContainText("On 120 items both finished, the judges agree on");
    const text = await summary.innerText();
    const agreement = Number(/agree on (\d+\.\d)%/.exec(text)![1]) / 100;
    const kappa = Number(/kappa (-?\d\.\d{3})/.exec(text)![1]);
    expect(kappa).toBeGreaterThanOrEqual(-1);
    expect(kappa).toBeLessThanOrEqual(1);
    const differ = withE2eDatabase(
      (db) =>
        db.get<{ n: number }>(sql`
        select count(*) as n from judge_item_results a join judge_item_results b on b.item_id = a.item_id and b.job_id = ${jobs.pairwise0}
        where a.job_id = ${jobs.pairwise3} and a.verdict <> b.verdict`)!.n,
    );
    expect(differ).toBeGreaterThan(0);
    expect(agreement).toBeCloseTo(1 - differ / 120, 3);
    console.log(`[judge-jobs] iteration 3 vs iteration 0 on the pairwise data: agree ${text.match(/agree on [^;]+/)![0]}, kappa ${kappa}`);

    const differences = judgePage.compareCard.getByTestId("differences").getByRole("listitem");
    await expect(differences).toHaveCount(Math.min(differ, 25));
    const first = differences.first();
    const verdicts = /#\d+: (\S+) · #\d+: (\S+)/.exec(await first.innerText())!;
    expect(verdicts[1]).not.toBe(verdicts[2]);
    await first.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/judge/${jobs.pairwise3}/items/\\d+$`));
    const itemId = Number(new URL(page.url()).pathname.split("/").at(-1));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/^Item pair-\d+-/);
    await expect(page.getByTestId("item-result")).toContainText(`Verdict: ${verdicts[1] === "unparsed" ? "no verdict" : verdicts[1]}`);
    await expect(page.getByTestId("item-result")).toContainText(/Label: [AB]/);

    // One comparison judged in both orders: two judgments, each with its reasoning trace and verdict.
    const stored = withE2eDatabase((db) =>
      db.all<{ trace: string; verdict: string | null }>(sql`
      select j.trace, j.verdict from judge_judgments j join judge_comparisons c on c.id = j.comparison_id
      where c.job_id = ${jobs.pairwise3} and c.item_id = ${itemId} order by j.first_position`),
    );
    expect(stored).toHaveLength(2);
    await expect(judgePage.judgmentCards()).toHaveCount(2);
    await expect(page.getByRole("region", { name: /^A vs B → / }).getByTestId("job-judgment-card")).toHaveCount(2);
    for (const card of await judgePage.judgmentCards().all()) {
      await expect(card).toHaveAttribute("aria-label", /^Sample 1: (prefers [AB]|tie|no verdict)$/);
      await expect(card).toContainText(/\d+ \+ \d+ tokens/);
    }
    const firstLine = stored[0]!.trace
      .split("\n")
      .find((line) => line.trim().length > 20)!
      .trim();
    await expect(judgePage.judgmentCards().first()).toContainText(firstLine.slice(0, 40));
    if (stored[0]!.verdict) await expect(judgePage.judgmentCards().first()).toContainText(`[[${stored[0]!.verdict}]]`);
    await page.getByRole("link", { name: "Back to the job" }).click();
    await expect(page).toHaveURL(new RegExp(`/judge/${jobs.pairwise3}#items$`));
  });

  test("filter the items by agreement with the labels, counted as on the results card, and export them", async ({ judgePage, page }) => {
    test.setTimeout(60_000);
    // The seed judge's pairwise job: its 3-way agreement says how many items disagree with their label.
    await judgePage.openJob(jobs.pairwise0);
    const threeWay = await judgePage.resultNumber("agreement-three-way");
    await expect(judgePage.resultDetail("agreement-three-way")).toContainText("120 labelled items");
    expect(await judgePage.itemsCount()).toBe(120);
    const disagree = Math.round((1 - threeWay) * 120);
    expect(disagree).toBeGreaterThan(0);

    await judgePage.filterItems("Label", "Disagrees");
    await expect.poll(() => judgePage.itemsCount()).toBe(disagree);
    await expect(judgePage.itemRows()).toHaveCount(Math.min(disagree, 50));
    await expect(judgePage.itemRows().getByLabel("disagrees")).toHaveCount(Math.min(disagree, 50));
    // The filter lives in the URL: it survives a reload.
    await page.reload();
    await expect(page.getByRole("search", { name: "Filters" }).getByLabel("Label", { exact: true })).toHaveValue("disagree");
    expect(await judgePage.itemsCount()).toBe(disagree);
    await judgePage.filterItems("Label", "Agrees");
    await expect.poll(() => judgePage.itemsCount()).toBe(120 - disagree);

    // The trained judge's job, same filter.
    await judgePage.openJob(jobs.pairwise3, "?agreement=disagree");
    expect(await judgePage.itemsCount()).toBe(Math.round((1 - seen.pairwise3) * 120));

    // Best-of-4: the disagreeing items are those whose labelled best was not ranked first.
    await judgePage.openJob(jobs.bestOf0);
    const accuracy = await judgePage.resultNumber("agreement-best-of-n");
    await judgePage.filterItems("Label", "Disagrees");
    await expect.poll(() => judgePage.itemsCount()).toBe(60 - Math.round(accuracy * 60));

    // The item results as JSON Lines: one line per item, whatever the filters on the page.
    await judgePage.openJob(jobs.pairwise0, "?agreement=disagree");
    const lines = (await judgePage.download("Item results (JSONL)"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { source_id: string; verdict: string; label: string | null; agrees: number | null });
    expect(lines).toHaveLength(120);
    expect(new Set(lines.map((l) => l.source_id)).size).toBe(120);
    expect(lines.every((l) => l.source_id.startsWith("pair-") && ["A", "B", "tie", "unparsed"].includes(l.verdict))).toBe(true);
    expect(lines.filter((l) => l.agrees === 0)).toHaveLength(disagree);
    // Every judgment with its trace: two per item.
    const judgments = (await judgePage.download("Judgments with traces (JSONL)"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(judgments).toHaveLength(240);
    expect(judgments.every((j) => typeof j.trace === "string" && j.trace.length > 0)).toBe(true);
  });
});

test("the HTTP API: one judgment, a batch followed to the end, and a refused request", async ({ demoRuns, request, page }) => {
  test.setTimeout(90_000);
  const [runId] = (await demoRuns(1)) as [number];
  const rows = readDemoRows(DEMO_PAIRWISE_FILE).slice(0, 8);
  const judge = `run:${runId}:3`;

  // One judgment, both orders: nothing stored, the verdict and both traces returned.
  const single = await request.post("/api/v1/judge", {
    data: { judge, prompt: rows[0]!.prompt, responses: [rows[0]!.response_a, rows[0]!.response_b], both_orders: true },
  });
  expect(single.status()).toBe(200);
  const answer = await single.json();
  expect(["A", "B", "tie", "unparsed"]).toContain(answer.verdict);
  expect(answer.judge).toContain("iteration 3");
  expect(answer.comparisons).toHaveLength(1);
  expect(answer.comparisons[0].judgments.map((j: { order: string }) => j.order).sort()).toEqual(["as-given", "swapped"]);
  expect(answer.comparisons[0].judgments.every((j: { trace: string }) => j.trace.length > 0)).toBe(true);
  expect(answer.usage.requests).toBeGreaterThanOrEqual(2);

  // A batch becomes a judge job: 202 with where to follow it, then completed.
  const name = `API batch ${tag}`;
  const batch = await request.post("/api/v1/judge/batch", {
    data: {
      judge,
      name,
      items: rows.map((row) => ({ prompt: row.prompt, responses: [row.response_a, row.response_b], label: row.label })),
    },
  });
  expect(batch.status()).toBe(202);
  const accepted = await batch.json();
  expect(accepted).toMatchObject({
    items: 8,
    planned_comparisons: 8,
    planned_judgments: 16,
    status_url: `/api/v1/judge/jobs/${accepted.job_id}`,
  });
  expect(batch.headers().location).toBe(accepted.status_url);
  await expect
    .poll(async () => (await (await request.get(accepted.status_url)).json()).status, { timeout: 30_000, intervals: [250, 500, 1000] })
    .toBe("completed");
  const status = await (await request.get(accepted.status_url)).json();
  expect(status).toMatchObject({ job_id: accepted.job_id, name, progress: { items: 8, items_done: 8, judgments_done: 16 } });
  expect(status.results.agreement.labelled).toBe(8);
  await page.goto(accepted.page_url);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByTestId("job-results")).toContainText("8 of 8 items finished");

  // One response is not something to judge: 400, naming the field.
  const refused = await request.post("/api/v1/judge", { data: { judge, prompt: "Which is better?", responses: ["only one"] } });
  expect(refused.status()).toBe(400);
  const reply = await refused.json();
  expect(reply).toMatchObject({ ok: false, code: "bad_request:job" });
  expect(reply.message).toContain("responses");
  expect(Object.keys(reply.fieldErrors)).toContain("responses");
  // Nothing is stored for a refused batch either.
  const before = withE2eDatabase((db) => db.get<{ n: number }>(sql`select count(*) as n from judge_jobs`)!.n);
  const badBatch = await request.post("/api/v1/judge/batch", { data: { judge, items: [{ prompt: "p", responses: ["only one"] }] } });
  expect(badBatch.status()).toBe(400);
  expect(Object.keys((await badBatch.json()).fieldErrors)).toContain("items.0.responses");
  expect(withE2eDatabase((db) => db.get<{ n: number }>(sql`select count(*) as n from judge_jobs`)!.n)).toBe(before);
});
