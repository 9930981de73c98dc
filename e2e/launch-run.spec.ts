// Launching a run from the browser: the Demo preset (SimJudge and the demo data that ship with the
// app, plus a RewardBench-format set imported here), live progress, pause (it stops), resume, and a
// finished run with a RewardBench score for every iteration. Also: field errors, and cloning.
import { expect, test } from "./fixtures";
import { safetyPairs } from "./support/eval-sets";

test("launch the demo, pause it, resume it, and see a score for every iteration", async ({ datasetsPage, runsPage, page }) => {
  test.setTimeout(240_000);
  // A RewardBench-format eval set (two Safety subsets), so the run has RewardBench scores.
  const safety = safetyPairs();
  await datasetsPage.openImport();
  await datasetsPage.useServerPath(safety.file);
  await datasetsPage.setName("Safety pairs");
  await datasetsPage.startImport();
  await datasetsPage.expectImported(safety.rows);

  // Other specs may have launched runs already, so start from the form and its Demo preset (the empty
  // runs list's "Launch the demo" link is checked by the app-shell spec).
  await runsPage.openNewRun();
  await runsPage.choosePreset("Demo (SimJudge)");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Demo (SimJudge)");
  await expect(page.getByTestId("estimate")).toContainText("Whole run");
  await runsPage.toggleEvalSet("Safety pairs");
  await runsPage.launch();
  const runId = await runsPage.expectOnRunPage();

  // Progress advances: the stage or its count changes while the run is running (the demo's stages
  // can be short, so the first one seen may end before its count is shown above 0).
  await expect(page.getByTestId("progress-done")).toBeVisible({ timeout: 20_000 });
  const first = await runsPage.progressText();
  await expect.poll(() => runsPage.progressText(), { timeout: 20_000 }).not.toBe(first);
  await runsPage.expectStatus("running");

  // Pause: the run stops and its counter stays where it was.
  await runsPage.pause();
  await runsPage.expectStatus("paused");
  await expect(page.getByTestId("status-reason")).toHaveText("Paused by the user");
  const atPause = await runsPage.doneCount();
  await page.waitForTimeout(2500);
  expect(await runsPage.doneCount()).toBe(atPause);

  // Resume: it finishes.
  await runsPage.resume();
  await runsPage.expectStatus("running", 15_000);
  await runsPage.expectStatus("completed", 180_000);
  const scores = runsPage.rewardBenchScores();
  await expect(scores).toHaveCount(4);
  for (const text of await scores.allInnerTexts()) expect(text).toMatch(/^\d+\.\d/);
  await expect(page.getByRole("table", { name: "Iterations" })).toContainText("ft:simjudge-base:demo:");
  // Which rules scored it, and which model each round fine-tuned (the base model every round).
  await expect(page.getByTestId("verdict-rules")).toHaveText("Verdicts read by the RAM rule in evaluation and the RAM rule in training.");
  await expect(page.getByTestId("training-base")).toHaveCount(3);
  for (const text of await page.getByTestId("training-base").allInnerTexts())
    expect(text).toBe("from simjudge-base (the base model, as every round)");

  // The runs list shows it completed with its latest score.
  await runsPage.gotoList();
  const row = page.getByRole("row").filter({ hasText: `#${runId}` });
  await expect(row).toContainText("completed");
  await expect(row).toContainText(/RB \d+\.\d/);

  // Clone it: the form opens with its settings, the Safety eval set still picked.
  await row.getByRole("link").first().click();
  await page.getByRole("link", { name: "Clone" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Clone run #${runId}`);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(/\(clone\)$/);
  await expect(page.getByRole("checkbox", { name: /^Safety pairs/ })).toBeChecked();
});

test("a bad config shows which fields are wrong and launches nothing", async ({ runsPage, page }) => {
  await runsPage.openNewRun("?preset=demo");
  await page.getByLabel("Samples (N)").fill("0");
  await page.getByLabel("Iterations").fill("-2");
  await page.getByLabel("Instruction pool").selectOption("");
  await runsPage.launch();
  await expect(page.getByRole("alert").first()).toContainText("The run config is not valid");
  await expect(page.getByLabel("Samples (N)")).toHaveAccessibleDescription(/At least 1 sample/);
  await expect(page.getByLabel("Iterations")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Instruction pool")).toHaveAccessibleDescription(/Pick an instruction pool/);
  await expect(page).toHaveURL(/\/runs\/new/);

  // Majority vote at temperature 0 would repeat one answer k times: refused under the field.
  await page.getByLabel("Samples (N)").fill("4");
  await page.getByLabel("Iterations").fill("2");
  await page.getByLabel("Instruction pool").selectOption("Demo instructions");
  await page.getByLabel("Samples (k, majority vote)").fill("5");
  await runsPage.launch();
  await expect(page.getByLabel("Temperature").last()).toHaveAccessibleDescription(/Majority vote needs a temperature above 0/);
});

test("the paper's presets fill the form as the paper and RAM describe them", async ({ runsPage, page }) => {
  await runsPage.openNewRun();
  await runsPage.choosePreset("Paper");
  await expect(page.getByLabel("Generator model")).toHaveValue("mistralai/Mixtral-8x22B-Instruct-v0.1");
  await expect(page.getByLabel("Seed judge model")).toHaveValue("mistralai/Mixtral-8x22B-Instruct-v0.1");
  await expect(page.getByLabel("Base model", { exact: true })).toHaveValue("meta-llama/Meta-Llama-3-70B-Instruct");
  await expect(page.getByLabel("Each round fine-tunes")).toHaveValue("seed");
  await expect(page.getByLabel("Instructions to use")).toHaveValue("20582");
  await runsPage.choosePreset("Paper, majority vote");
  await expect(page.getByLabel("Samples (k, majority vote)")).toHaveValue("32");
  await runsPage.choosePreset("RAM released recipe");
  await expect(page.getByLabel(/^Schedule/)).toHaveValue("sft seed\ndpo previous");
  await expect(page.getByLabel("Verdict rule").last()).toHaveValue("rewardbench");
});
