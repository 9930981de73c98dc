// Page object for Compare: the selection (in the URL), the chart's data table and the paired deltas.
import { expect, type Locator, type Page } from "@playwright/test";

export class ComparePage {
  constructor(readonly page: Page) {}

  async open(query = "") {
    await this.page.goto(`/compare${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Compare" })).toBeVisible();
  }

  async toggleRun(runId: number) {
    await this.page.getByRole("checkbox", { name: new RegExp(`^#${runId} `) }).click();
    await expect(this.page).toHaveURL(new RegExp(`runs=[^&]*${runId}`));
  }

  async chooseMetric(metric: string) {
    await this.page.getByTestId("chart-compare").getByLabel("Metric").selectOption(metric);
    await expect(this.page).toHaveURL(new RegExp(`metric=${encodeURIComponent(metric).replace(/%20/g, "(\\+|%20)")}`));
  }

  /** The chart's data as the hidden table lists it: column label -> values per row. */
  async chartData(): Promise<{ columns: string[]; rows: string[][] }> {
    const table = this.page.getByTestId("chart-compare").getByTestId("chart-data");
    const columns = await table.locator("thead th").allInnerTexts();
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    return { columns, rows };
  }

  pairedTable(datasetId: number): Locator {
    return this.page.getByTestId(`paired-${datasetId}`);
  }
}
