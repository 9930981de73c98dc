// Page object for a run's trace views: the training pairs and eval items lists (filters in the URL,
// keyboard), a pair's or item's page (verdict matrix, judgments, raw toggle) and Flips.
import { expect, type Locator, type Page } from "@playwright/test";

export class TracesPage {
  constructor(readonly page: Page) {}

  async openPairs(runId: number, query = "") {
    await this.page.goto(`/runs/${runId}/pairs${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Training pairs" })).toBeVisible();
  }

  async openEvalItems(runId: number, query = "") {
    await this.page.goto(`/runs/${runId}/eval${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Eval items" })).toBeVisible();
  }

  async openFlips(runId: number, query = "") {
    await this.page.goto(`/runs/${runId}/flips${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Flips" })).toBeVisible();
  }

  async tab(name: "Overview" | "Training pairs" | "Eval items" | "Flips") {
    await this.page.getByRole("navigation", { name: "Run views" }).getByRole("link", { name }).click();
  }

  /** Choose a filter; waits for the URL to carry it. */
  async filter(label: string, value: string) {
    await this.page.getByRole("search", { name: "Filters" }).getByLabel(label, { exact: true }).selectOption(value);
    await expect(this.page).toHaveURL(new RegExp(`[?&]\\w+=${encodeURIComponent(value).replace(/%20/g, "(\\+|%20)")}(&|$)`));
  }

  filterValue(label: string): Locator {
    return this.page.getByRole("search", { name: "Filters" }).getByLabel(label, { exact: true });
  }

  /** "123 pair-orders match" -> 123 */
  async groupCount(): Promise<number> {
    const text = await this.page.getByTestId("group-count").innerText();
    return Number(text.split(" ")[0]!.replaceAll(",", ""));
  }

  rows(): Locator {
    return this.page.getByTestId("group-row");
  }

  /** The link of the focused row, if a row is focused. */
  focusedRowLink(): Locator {
    return this.page.locator("[data-list-item]:focus");
  }

  async press(key: string) {
    await this.page.keyboard.press(key);
  }

  matrixRows(): Locator {
    return this.page.getByRole("table", { name: "Verdicts across iterations" }).locator("tbody tr");
  }

  judgmentCards(): Locator {
    return this.page.getByTestId("judgment-card");
  }

  async showRawText(on = true) {
    await this.page.getByLabel("Show raw text").setChecked(on);
  }
}
