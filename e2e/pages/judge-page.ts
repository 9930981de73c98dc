// Page object for the Judge pages: the jobs list, New judge job (the judge, the data, the settings
// and the "Before launch" estimate), a job's page (status, results, Compare, items, exports) and a
// judged item's page. Importing "Responses to judge" goes through the Import page with its kind preset.
import fs from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";
import { DatasetsPage } from "./datasets-page";

export type JobEstimate = { items: number; comparisons: number; judgments: number; calls: number };

/** "1,234 (…)" or "72.5%" -> the leading number (a percent as a share: 0.725). */
function leadingNumber(text: string): number {
  const match = /^\s*(-?[\d,]+(?:\.\d+)?)(%?)/.exec(text);
  if (!match) throw new Error(`No number at the start of ${JSON.stringify(text)}`);
  const value = Number(match[1]!.replaceAll(",", ""));
  return match[2] ? value / 100 : value;
}

export class JudgePage {
  constructor(readonly page: Page) {}

  // ---- the list

  async gotoList() {
    await this.page.goto("/judge");
    await expect(this.page.getByRole("heading", { level: 1, name: "Judge" })).toBeVisible();
  }

  jobsTable(): Locator {
    return this.page.getByRole("table", { name: "Judge jobs" });
  }

  // ---- importing responses to judge

  /** Import a file from a server path as "Responses to judge" under `name`; waits for the import. */
  async importResponses(file: string, name: string, rows: number) {
    await this.page.goto("/datasets/import?kind=responses");
    await expect(this.page.getByRole("heading", { level: 1, name: "Import responses to judge" })).toBeVisible();
    const datasets = new DatasetsPage(this.page);
    await datasets.useServerPath(file);
    await expect(datasets.preview).toBeVisible({ timeout: 15_000 });
    await expect(this.page.getByLabel("Kind")).toHaveValue("responses");
    await datasets.setName(name);
    await datasets.startImport();
    await datasets.expectImported(rows);
  }

  // ---- New judge job

  async openNewJob(query = "") {
    await this.page.goto(`/judge/new${query}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText(/New judge job|Re-judge job #\d+ with another judge/);
  }

  get form(): Locator {
    return this.page.getByRole("form", { name: "New judge job" });
  }

  /** A judge a run trained: the radio, then the run's iteration in "Run and iteration". */
  async chooseRunJudge(runId: number, iteration: number) {
    await this.form.getByRole("radio", { name: "A judge trained in a run" }).check();
    await this.form.getByLabel("Run and iteration").selectOption(`${runId}:${iteration}`);
  }

  /** The dataset by its name (the option reads "name (rows)"). */
  async chooseDataset(name: string) {
    await this.form.getByLabel("Dataset", { exact: true }).selectOption(name);
  }

  bothOrders(): Locator {
    return this.form.getByRole("checkbox", { name: /^Judge both orders/ });
  }

  async setRanking(ranking: "Seeded knockout" | "Round-robin") {
    await this.form.getByLabel("Best-of-n ranking").selectOption({ label: ranking });
  }

  async setName(name: string) {
    await this.form.getByLabel("Name", { exact: true }).fill(name);
  }

  get estimateCard(): Locator {
    return this.page.getByTestId("job-estimate");
  }

  /** The "Before launch" numbers as shown (Comparisons has no test id: read through its term). */
  async estimate(): Promise<JobEstimate> {
    const card = this.estimateCard;
    const comparisons = card.locator("dt", { hasText: /^Comparisons$/ }).locator("xpath=following-sibling::dd[1]");
    return {
      items: leadingNumber(await card.getByTestId("estimate-items").innerText()),
      comparisons: leadingNumber(await comparisons.innerText()),
      judgments: leadingNumber(await card.getByTestId("estimate-judgments").innerText()),
      calls: leadingNumber(await card.getByTestId("estimate-calls").innerText()),
    };
  }

  /** Wait for the estimate of the current form to read `expected`. */
  async expectEstimate(expected: JobEstimate) {
    await expect(this.estimateCard.getByTestId("estimate-items")).toBeVisible();
    await expect.poll(() => this.estimate(), { timeout: 15_000 }).toEqual(expected);
  }

  /** Launch; returns the new job's id once its page is open. */
  async launch(): Promise<number> {
    await this.page.getByRole("button", { name: "Launch judge job" }).click();
    await expect(this.page).toHaveURL(/\/judge\/\d+$/, { timeout: 15_000 });
    return Number(new URL(this.page.url()).pathname.split("/").at(-1));
  }

  // ---- a job's page

  async openJob(jobId: number, query = "") {
    await this.page.goto(`/judge/${jobId}${query}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText(`#${jobId}`);
  }

  /** The status badge in the job's heading (the page refreshes itself while the job is active). */
  async expectStatus(status: string, timeout = 60_000) {
    await expect(this.page.getByRole("heading", { level: 1 }).locator("span").last()).toHaveText(status, { timeout });
  }

  get results(): Locator {
    return this.page.getByTestId("job-results");
  }

  /** A number of the Results card by its test id, e.g. agreement-three-way -> 0.725. */
  async resultNumber(testId: "win-rate" | "agreement-three-way" | "agreement-without-ties" | "agreement-best-of-n" | "consistency") {
    return leadingNumber(await this.results.getByTestId(testId).innerText());
  }

  /** The detail line under a Results number ("95%: … · 40 of 60 labelled items"). */
  resultDetail(testId: string): Locator {
    return this.results.getByTestId(testId).locator("xpath=following-sibling::dd[1]");
  }

  get compareCard(): Locator {
    return this.page.getByTestId("job-compare");
  }

  async compareWith(otherJobId: number) {
    await this.compareCard.getByLabel("Other job").selectOption(String(otherJobId));
    await this.compareCard.getByRole("button", { name: "Compare" }).click();
    await expect(this.page).toHaveURL(new RegExp(`[?&]vs=${otherJobId}(&|#|$)`));
  }

  /** Choose an items filter (Verdict, Category, Label, Orders); waits for the URL to carry it. */
  async filterItems(label: string, optionLabel: string) {
    const select = this.page.getByRole("search", { name: "Filters" }).getByLabel(label, { exact: true });
    // Read the option's value first: the select follows the URL, so until it changes it shows the old value.
    const value = (await select.getByRole("option", { name: optionLabel, exact: true }).getAttribute("value")) ?? "";
    await select.selectOption({ label: optionLabel });
    await expect(this.page).toHaveURL(new RegExp(`[?&]\\w+=${encodeURIComponent(value)}(&|#|$)`));
  }

  /** "33 items" -> 33; 0 when the list says no item matches. */
  async itemsCount(): Promise<number> {
    const count = this.page.getByTestId("items-count");
    await expect(count.or(this.page.getByRole("heading", { name: "No item matches these filters" }))).toBeVisible();
    return (await count.isVisible()) ? leadingNumber(await count.innerText()) : 0;
  }

  itemRows(): Locator {
    return this.page.getByRole("table", { name: "Judged items" }).locator("tbody tr");
  }

  /** Download an export by its link's text; returns the file's text. */
  async download(linkName: string): Promise<string> {
    const downloading = this.page.waitForEvent("download");
    await this.page.getByRole("link", { name: linkName }).click();
    return fs.readFileSync((await (await downloading).path())!, "utf8");
  }

  // ---- a judged item's page

  judgmentCards(): Locator {
    return this.page.getByTestId("job-judgment-card");
  }
}
