// Download every export of a finished run and check it parses and matches what the run page shows:
// config (importable on New Run), summary, judgments and eval results per iteration (JSONL and
// CSV), SFT and DPO training sets in both formats, and a chart as PNG and CSV.
import fs from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import type { Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { runConfigSchema } from "../lib/pipeline/run-config";
import { expect, test } from "./fixtures";
import { withE2eDatabase } from "./support/e2e-database";

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> {
  const waiting = page.waitForEvent("download");
  await click();
  const file = await waiting;
  const bytes = fs.readFileSync(await file.path());
  return { name: file.suggestedFilename(), text: bytes.toString("utf8"), bytes };
}

const jsonl = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
const number = (text: string) => Number(text.replaceAll(",", ""));

test("every export parses and matches the counts on the run page", async ({ demoRuns, page }) => {
  test.setTimeout(240_000);
  const [runId] = await demoRuns(1);
  await page.goto(`/runs/${runId}`);
  const exportsCard = page.getByRole("table", { name: "Exports per iteration" });
  const iterationsTable = page.getByRole("table", { name: "Iterations" });
  const link = (iteration: number, column: "Judgments" | "Eval results" | "Training sets", name: string) =>
    exportsCard
      .getByTestId(`exports-iteration-${iteration}`)
      .getByRole("cell")
      .nth(["Judgments", "Eval results", "Training sets"].indexOf(column) + 1)
      .getByRole("link", { name, exact: true });

  // Config: the stored config, valid, and it clones the run on New Run.
  const config = await download(page, () => page.getByRole("link", { name: "Config (JSON)" }).click());
  expect(config.name).toBe(`run-${runId}-config.json`);
  const parsed = runConfigSchema.parse(JSON.parse(config.text));
  expect(parsed).toEqual(
    withE2eDatabase((db) => JSON.parse(db.get<{ config: string }>(sql`select config from runs where id = ${runId}`)!.config)),
  );

  // Summary: a Markdown report with the scores the page shows.
  const summary = await download(page, () => page.getByRole("link", { name: "Summary report (Markdown)" }).click());
  const score = await page
    .getByRole("table", { name: "Scores per iteration" })
    .getByTestId("scores-iteration-3")
    .getByTestId("rewardbench-score")
    .innerText();
  expect(summary.text).toContain("# ");
  expect(summary.text).toContain(score.replace(/\s*mean of present sections/, ""));

  for (const iteration of [0, 1, 2]) {
    const row = iterationsTable.getByRole("row").nth(iteration + 1);
    const judged = number(await row.getByRole("cell").nth(1).innerText());
    const kept = number((await row.getByRole("cell").nth(6).innerText()).split(" ")[0]!);

    const judgments = jsonl((await download(page, () => link(iteration, "Judgments", "JSONL").click())).text);
    expect(judgments).toHaveLength(judged);
    expect(judgments.filter((j) => j.filter_status === "kept")).toHaveLength(kept);
    const csv = parseCsv((await download(page, () => link(iteration, "Judgments", "CSV").click())).text, { columns: true }) as Record<
      string,
      string
    >[];
    expect(csv).toHaveLength(judged);
    expect(csv[0]!.trace).toBe(judgments[0].trace);

    for (const [name, method] of [
      ["SFT · TRL", "sft"],
      ["SFT · OpenAI", "sft"],
      ["DPO · TRL", "dpo"],
      ["DPO · OpenAI", "dpo"],
    ] as const) {
      const set = jsonl((await download(page, () => link(iteration, "Training sets", name).click())).text);
      if (method === "sft") expect(set).toHaveLength(kept);
      else expect(set.length).toBeLessThanOrEqual(kept);
      expect(set.length).toBeGreaterThan(0);
    }
  }

  // Eval results: each item's score averages to the accuracy the page shows for the demo eval set.
  for (const iteration of [0, 3]) {
    const rows = jsonl((await download(page, () => link(iteration, "Eval results", "JSONL").click())).text);
    const demo = rows.filter((r) => r.dataset === "Demo eval pairs");
    const perItem = new Map(demo.map((r) => [r.item_id, r.item_score as number]));
    const accuracy = ([...perItem.values()].reduce((a, b) => a + b, 0) / perItem.size) * 100;
    const scores = page.getByRole("table", { name: "Scores per iteration" }).getByTestId(`scores-iteration-${iteration}`);
    await expect(scores).toContainText(accuracy.toFixed(1));
    const csv = parseCsv((await download(page, () => link(iteration, "Eval results", "CSV").click())).text, { columns: true });
    expect(csv).toHaveLength(rows.length);
  }

  // A chart: its CSV has the RewardBench column of the scores table, its PNG is an image.
  const chart = page.getByTestId("chart-rewardbench");
  const chartCsv = parseCsv((await download(page, () => chart.getByRole("button", { name: /as CSV/ }).click())).text, {
    columns: true,
  }) as Record<string, string>[];
  expect(chartCsv.map((r) => r.Iteration)).toEqual(["0", "1", "2", "3"]);
  // LLMBar alone covers one section: the overall column says it is the mean of present sections.
  const overallColumn = Object.keys(chartCsv[0]!).find((c) => c.startsWith("RewardBench"))!;
  expect(overallColumn).toBe("RewardBench (mean of present sections)");
  expect(chartCsv[3]![overallColumn]).toBe(score.replace(/\s*mean of present sections/, ""));
  const png = await download(page, () => chart.getByRole("button", { name: /as PNG/ }).click());
  expect(png.name).toBe(`run-${runId}-rewardbench.png`);
  expect(png.bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.bytes.length).toBeGreaterThan(10_000);

  // The config file clones the run on New Run.
  await page.goto("/runs/new");
  await page
    .getByTestId("config-file")
    .setInputFiles({ name: "cloned.json", mimeType: "application/json", buffer: Buffer.from(config.text) });
  await expect(page.getByText("imported from cloned.json")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(parsed.name);
  await expect(page.getByLabel("Seed", { exact: true })).toHaveValue(String(parsed.seed));
  await page
    .getByTestId("config-file")
    .setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{\n  "name": ,\n}') });
  await expect(page.getByRole("alert").first()).toContainText("broken.json: not valid JSON (line 2");
});
