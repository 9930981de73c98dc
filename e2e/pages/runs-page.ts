// Page object for the Runs pages: the list, New Run, a run's page.
import { expect, type Locator, type Page } from "@playwright/test";

export class RunsPage {
  constructor(readonly page: Page) {}

  async gotoList() {
    await this.page.goto("/runs");
    await expect(this.page.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();
  }

  async openNewRun(query = "") {
    await this.page.goto(`/runs/new${query}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText(/New run|Clone run/);
  }

  async choosePreset(name: "Demo (SimJudge)" | "Paper" | "Paper, majority vote" | "RAM released recipe") {
    await this.page.getByRole("button", { name, exact: true }).click();
  }

  async toggleEvalSet(name: string, checked = true) {
    await this.page.getByRole("checkbox", { name: new RegExp(`^${name.replace(/[()]/g, "\\$&")}`) }).setChecked(checked);
  }

  async launch() {
    await this.page.getByRole("button", { name: "Launch run" }).click();
  }

  async expectOnRunPage(): Promise<number> {
    await expect(this.page).toHaveURL(/\/runs\/\d+$/, { timeout: 15_000 });
    return Number(this.page.url().split("/").at(-1));
  }

  status(): Locator {
    return this.page.getByRole("heading", { level: 1 }).locator("span").last();
  }

  async expectStatus(status: string, timeout = 30_000) {
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText(status, { timeout });
  }

  async doneCount(): Promise<number> {
    const text = await this.page.getByTestId("progress-done").innerText();
    return Number(text.split("/")[0]!.replaceAll(",", "").trim());
  }

  /** The progress card's stage and count, e.g. "Judging pairs (iteration 0) 120 / 1,560". */
  async progressText(): Promise<string> {
    const label = await this.page.getByTestId("progress-card").locator("h2").first().innerText();
    return `${label} ${await this.page.getByTestId("progress-done").innerText()}`;
  }

  async pause() {
    await this.page.getByRole("button", { name: "Pause" }).click();
  }

  async resume() {
    await this.page.getByRole("button", { name: "Resume" }).click();
  }

  /** The RewardBench cell of each iteration's row in the scores table. */
  rewardBenchScores(): Locator {
    return this.page.getByRole("table", { name: "Scores per iteration" }).getByTestId("rewardbench-score");
  }
}
