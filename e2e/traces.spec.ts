// Reading what the judge wrote: filter a finished run's training pairs (the view lives in the URL),
// step through them with the keyboard and export the marked ones, open a pair with every judgment
// across iterations, filter eval items, and follow a Chat Hard item that flipped between iterations.
// Counts on the page are checked against the database.
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { pairedItemScores } from "../lib/db/queries/eval-metrics";
import { countEvalGroups, countPairGroups, listEvalFlips, traceContext } from "../lib/db/queries/traces";
import { pairedRewardBench, SECTION_SUBSETS } from "../lib/metrics";
import { expect, test } from "./fixtures";
import { TRACE_EVAL_SET } from "./support/demo-runs";
import { withE2eDatabase } from "./support/e2e-database";

const iterationId = (runId: number, index: number) =>
  withE2eDatabase((db) => traceContext(db, runId).iterations.find((i) => i.index === index)!.id);
const evalSetId = (runId: number) => withE2eDatabase((db) => traceContext(db, runId).evalSets.find((s) => s.name === TRACE_EVAL_SET)!.id);

test("filter the training pairs, reload, step through them with the keyboard and export the marked ones", async ({
  demoRuns,
  tracesPage,
  page,
}) => {
  test.setTimeout(240_000);
  const [runId] = await demoRuns(1);
  await page.goto(`/runs/${runId}`);
  await tracesPage.tab("Training pairs");
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}/pairs$`));
  // The latest judged iteration by default.
  expect(await tracesPage.groupCount()).toBe(withE2eDatabase((db) => countPairGroups(db, iterationId(runId!, 2), {})));

  await tracesPage.filter("Iteration", "0");
  await tracesPage.filter("Majority", "wrong");
  const expected = withE2eDatabase((db) => countPairGroups(db, iterationId(runId!, 0), { majority: "wrong" }));
  expect(expected).toBeGreaterThan(0);
  await expect.poll(() => tracesPage.groupCount()).toBe(expected);
  await expect(tracesPage.rows().first()).toContainText("wrong");

  // The view survives a reload and can be shared.
  await page.reload();
  await expect(tracesPage.filterValue("Majority")).toHaveValue("wrong");
  await expect(tracesPage.filterValue("Iteration")).toHaveValue("0");
  expect(await tracesPage.groupCount()).toBe(expected);

  // Keyboard: j/k move, e marks (a pair: both its orders), o opens.
  await page.getByRole("heading", { level: 1 }).click();
  const ids = await page.locator("[data-list-item]").evaluateAll((links) => links.map((l) => (l as HTMLElement).dataset.id!));
  const other = ids.findIndex((id) => id !== ids[0]);
  expect(other).toBeGreaterThan(0);
  await tracesPage.press("j");
  await expect(tracesPage.focusedRowLink()).toHaveAttribute("data-id", ids[0]!);
  await tracesPage.press("e");
  for (let i = 0; i < other; i++) await tracesPage.press("j");
  await expect(tracesPage.focusedRowLink()).toHaveAttribute("data-id", ids[other]!);
  await tracesPage.press("e");
  await expect(page.getByTestId("marked-count")).toHaveText("2 pairs marked");
  await expect(page.getByRole("checkbox", { name: `Mark pair ${ids[0]} for export` }).first()).toBeChecked();
  await tracesPage.press("ArrowUp");
  await expect(tracesPage.focusedRowLink()).toHaveAttribute("data-id", ids[other - 1]!);
  for (let i = 0; i < other; i++) await tracesPage.press("k");
  await expect(tracesPage.focusedRowLink()).toHaveAttribute("data-id", ids[0]!);
  const marked = [Number(ids[0]), Number(ids[other])];

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export marked (JSONL)" }).click();
  const lines = fs
    .readFileSync(await (await downloading).path(), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  const stored = withE2eDatabase(
    (db) =>
      db.get<{ n: number }>(
        sql`select count(*) as n from judgments where iteration_id = ${iterationId(runId!, 0)} and pair_id in (${sql.join(
          marked.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      )!.n,
  );
  expect(lines).toHaveLength(stored);
  expect(new Set(lines.map((l) => l.pair_id))).toEqual(new Set(marked));
  expect(lines.every((l) => l.iteration === 0 && typeof l.trace === "string")).toBe(true);

  await page.getByRole("heading", { level: 1 }).click();
  await tracesPage.press("j");
  await tracesPage.press("o");
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}/pairs/${ids[0]}\\?iteration=0`));
  await expect(page.getByRole("heading", { level: 1, name: `Pair ${ids[0]}` })).toBeVisible();
});

test("a pair shows x and x', both responses, and every judgment of every iteration", async ({ demoRuns, tracesPage, page }) => {
  test.setTimeout(240_000);
  const [runId] = await demoRuns(1);
  const pair = withE2eDatabase((db) =>
    db.get<{ id: number; prompt: string; modified: string; samples: number; kept: number; parsed: number }>(sql`
      select p.id as id, di.prompt as prompt, p.modified_instruction as modified,
        (select count(*) from judgments j where j.pair_id = p.id and j.iteration_id = ${iterationId(runId!, 0)}) as samples,
        (select count(*) from judgments j where j.pair_id = p.id and j.iteration_id = ${iterationId(runId!, 0)} and j.filter_status = 'kept') as kept,
        (select count(*) from judgments j where j.pair_id = p.id and j.iteration_id = ${iterationId(runId!, 0)} and j.verdict is not null) as parsed
      from pairs p join dataset_items di on di.id = p.dataset_item_id
      where p.run_id = ${runId} and p.status = 'ok' and exists (select 1 from judgments j where j.pair_id = p.id and j.filter_status = 'kept')
      order by p.id limit 1`),
  )!;
  await page.goto(`/runs/${runId}/pairs/${pair.id}?iteration=0`);
  await expect(page.getByTestId("instruction")).toHaveText(pair.prompt);
  await expect(page.getByTestId("modified-instruction")).toHaveText(pair.modified);
  await expect(page.getByTestId("instruction").locator("del").first()).toBeVisible();
  await expect(page.getByTestId("modified-instruction").locator("ins").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Better response y_w" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Worse response y_l" })).toBeVisible();

  // Iterations 0-2 judged the pairs (the last judge only evaluates).
  await expect(tracesPage.matrixRows()).toHaveCount(3);
  await expect(tracesPage.judgmentCards()).toHaveCount(pair.samples);
  await expect(page.getByTestId("kept-mark")).toHaveCount(pair.kept);
  await expect(tracesPage.judgmentCards().first()).toContainText(/\d+ \+ \d+ tokens/);
  await expect(tracesPage.judgmentCards().first()).toContainText("stop");
  // The final verdict is marked in every trace that has one.
  await expect(page.getByTestId("verdict-mark")).toHaveCount(pair.parsed);

  await tracesPage.showRawText();
  await expect(page.getByTestId("raw-text")).toHaveCount(pair.samples + 2);
  await expect(page.getByTestId("verdict-mark")).toHaveCount(pair.parsed);

  // Step through the judgments with the keyboard.
  await page.getByRole("heading", { level: 1 }).click();
  await tracesPage.press("j");
  await expect(tracesPage.judgmentCards().first()).toBeFocused();
  await tracesPage.press("ArrowDown");
  await expect(tracesPage.judgmentCards().nth(1)).toBeFocused();

  // Side by side with the next iteration's judge.
  await page.getByLabel("Side by side with").selectOption("1");
  await expect(page).toHaveURL(/compare=1/);
  await expect(tracesPage.judgmentCards()).toHaveCount(pair.samples * 2);
  await expect(tracesPage.judgmentCards().nth(1)).toContainText("Iteration 1");
});

test("eval items filter by subset and majority, counted as in the database", async ({ demoRuns, tracesPage, page }) => {
  test.setTimeout(240_000);
  const [runId] = await demoRuns(1);
  const setId = evalSetId(runId!);
  await tracesPage.openEvalItems(runId!, `?set=${setId}&iteration=1`);
  await tracesPage.filter("Subset", "llmbar-natural");
  await tracesPage.filter("Majority", "wrong");
  const expected = withE2eDatabase((db) =>
    countEvalGroups(db, iterationId(runId!, 1), setId, { subset: "llmbar-natural", majority: "wrong" }),
  );
  await expect.poll(() => tracesPage.groupCount()).toBe(expected);
  await expect(tracesPage.rows().first()).toContainText("llmbar-natural");
  await tracesPage.rows().first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}/eval/\\d+\\?iteration=1`));
  await expect(tracesPage.matrixRows()).toHaveCount(4);
});

test("did iteration 2 beat iteration 1 on Chat Hard, and on which items did the judge change its mind?", async ({
  demoRuns,
  tracesPage,
  page,
}) => {
  test.setTimeout(240_000);
  const [runId] = await demoRuns(1);
  const setId = evalSetId(runId!);
  await tracesPage.openFlips(runId!);
  await tracesPage.filter("Eval set", String(setId));
  await tracesPage.filter("Step", "2");
  await tracesPage.filter("Section", "Chat Hard");

  const expected = withE2eDatabase((db) => {
    const scope = { fromIterationId: iterationId(runId!, 1), toIterationId: iterationId(runId!, 2), datasetId: setId };
    const flips = listEvalFlips(db, { ...scope, subsets: SECTION_SUBSETS["Chat Hard"] }, "all", { limit: 1, offset: 0 });
    const paired = pairedRewardBench(
      pairedItemScores(
        db,
        { iterationId: scope.fromIterationId, datasetId: setId },
        { iterationId: scope.toIterationId, datasetId: setId },
      ),
    );
    return { flips, chatHard: paired.find((m) => m.metric === "Chat Hard")! };
  });
  // The paired answer to "did it beat it": the delta and whether it is more than noise.
  const row = page.getByTestId("step-deltas").locator('tr[data-metric="Chat Hard"]');
  const delta = expected.chatHard.delta.delta * 100;
  await expect(row.getByTestId("delta")).toHaveText(`${delta >= 0 ? "+" : "−"}${Math.abs(delta).toFixed(1)}`);
  await expect(row).toContainText(/better|worse|could be noise/);
  await expect(page.getByTestId("step-2")).toContainText(String(expected.flips.improved));
  await expect(page.getByTestId("flip-count")).toHaveText(`(${expected.flips.total})`);
  expect(expected.flips.total).toBeGreaterThan(0);

  // Which items, and why: open one and read both judges' traces side by side.
  await page.getByTestId("flip-row").first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}/eval/\\d+\\?iteration=2&compare=1`));
  await expect(page.getByTestId("matrix-row-2").getByTestId("item-flip")).toHaveText(/wrong → right|right → wrong|changed/);
  await expect(tracesPage.judgmentCards().filter({ hasText: "Iteration 2" }).first()).toBeVisible();
  await expect(tracesPage.judgmentCards().filter({ hasText: "Iteration 1" }).first()).toBeVisible();
});
