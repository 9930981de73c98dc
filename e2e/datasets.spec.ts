// The Datasets journey: import real data through the page (upload, server path, the RewardBench
// preset from a stand-in hub), check the preview and the counts, search rows, see a broken file's
// errors with their lines, delete.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { requireSharedDataFile, sharedDataFile } from "../test/helpers/shared-data";
import { expect, test } from "./fixtures";

const llmbar = sharedDataFile("rewardbench-llmbar.jsonl", "skipped: the Datasets spec's upload of LLMBar");
const mtbench = sharedDataFile("instructions-mtbench.jsonl", "skipped: the Datasets spec's server-path import of MT-Bench instructions");

test("upload a JSONL, check the preview and the counts, search, delete", async ({ datasetsPage, page }) => {
  test.skip(!llmbar, "needs ../shared/data/rewardbench-llmbar.jsonl");
  const file = requireSharedDataFile("rewardbench-llmbar.jsonl");
  await datasetsPage.openImport();
  await datasetsPage.upload(file);
  await expect(page.getByText("Detected: RewardBench (prompt, chosen, rejected, subset)")).toBeVisible();
  await expect(datasetsPage.preview.getByRole("row")).toHaveCount(11); // header + 10 rows
  await expect(datasetsPage.preview).toContainText("llmbar-natural");
  await expect(page.getByLabel("Chosen (better)")).toHaveValue("chosen");

  const name = `LLMBar ${Date.now()}`;
  await datasetsPage.setName(name);
  await datasetsPage.startImport();
  await datasetsPage.expectImported(419);
  await datasetsPage.openImportedDataset();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  expect(await datasetsPage.groupCounts()).toEqual({
    "llmbar-adver-GPTInst": 92,
    "llmbar-adver-GPTOut": 47,
    "llmbar-adver-manual": 46,
    "llmbar-adver-neighbor": 134,
    "llmbar-natural": 100,
  });
  await expect(page.getByTestId("row-count")).toContainText("419 rows");

  await datasetsPage.search("poem");
  await expect(page.getByTestId("row-count")).toContainText(/^\d+ rows? match/);
  await expect(page.getByRole("table", { name: "Rows" })).toContainText(/poem/i);
  await datasetsPage.search("zzqqxx-nowhere");
  await expect(page.getByRole("heading", { name: "No rows match" })).toBeVisible();

  // Importing the same content again is refused.
  await datasetsPage.openImport();
  await datasetsPage.upload(file);
  await datasetsPage.setName(`${name} again`);
  await datasetsPage.startImport();
  await expect(page.getByRole("alert").filter({ hasText: "already imported" })).toContainText(
    `This content was already imported as "${name}"`,
  );

  await datasetsPage.goto();
  await page.getByRole("link", { name }).click();
  await datasetsPage.deleteDataset(name);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
});

test("a broken file shows each problem with its line and field, and nothing is stored", async ({ datasetsPage, page }) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "e2e-broken-")), "broken-pairs.jsonl");
  fs.writeFileSync(
    file,
    [
      { prompt: "fine", chosen: "a", rejected: "b" },
      { prompt: "no rejected here", chosen: "a" },
      { prompt: "fine too", chosen: "c", rejected: "d" },
      { prompt: "", chosen: "e", rejected: "f" },
    ]
      .map((row) => JSON.stringify(row))
      .join("\n"),
  );
  await datasetsPage.openImport();
  await datasetsPage.upload(file);
  await expect(datasetsPage.preview).toContainText("rejected is missing");
  await datasetsPage.startImport();
  const problems = page.getByRole("list", { name: "Problems" });
  await expect(page.getByRole("alert").filter({ hasText: "2 problems found; nothing was imported" })).toBeVisible({ timeout: 30_000 });
  await expect(problems.getByRole("listitem")).toHaveText([
    "broken-pairs.jsonl, line 2, field rejected: is missing",
    "broken-pairs.jsonl, line 4, field prompt: is empty",
  ]);
  await datasetsPage.goto();
  await expect(page.getByRole("link", { name: "broken-pairs" })).toHaveCount(0);
});

test("an instruction pool from a server path shows its categories", async ({ datasetsPage, page }) => {
  test.skip(!mtbench, "needs ../shared/data/instructions-mtbench.jsonl");
  await datasetsPage.openImport();
  await datasetsPage.useServerPath(requireSharedDataFile("instructions-mtbench.jsonl"));
  await expect(page.getByText("Detected: instruction pool")).toBeVisible();
  await expect(page.getByLabel("Kind")).toHaveValue("instructions");
  await datasetsPage.startImport();
  await datasetsPage.expectImported(80);
  await datasetsPage.openImportedDataset();
  const categories = await datasetsPage.groupCounts();
  expect(Object.keys(categories)).toHaveLength(8);
  expect(Object.values(categories).every((count) => count === 10)).toBe(true);
});

test("the RewardBench preset downloads from the hub at HF_ENDPOINT", async ({ datasetsPage, page }) => {
  await datasetsPage.openImport();
  await datasetsPage.importRewardBenchPreset();
  await expect(datasetsPage.preview).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Source ready: hf:allenai\/reward-bench \(default\/filtered\)/)).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("allenai/reward-bench (filtered)");
  await datasetsPage.startImport();
  await datasetsPage.expectImported(6);
  await datasetsPage.openImportedDataset();
  expect(await datasetsPage.groupCounts()).toEqual({ "alpacaeval-easy": 2, "hep-python": 1, "llmbar-natural": 3 });
});
