// Page object for the Datasets pages: the list, the import wizard, a dataset's page.
import { expect, type Locator, type Page } from "@playwright/test";

export class DatasetsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/datasets");
    await expect(this.page.getByRole("heading", { level: 1, name: "Datasets" })).toBeVisible();
  }

  async openImport() {
    await this.page.goto("/datasets/import");
    await expect(this.page.getByRole("heading", { level: 1, name: "Import a dataset" })).toBeVisible();
  }

  /** Upload a file through the drop zone's file input. */
  async upload(filePath: string) {
    await this.page.getByTestId("upload-input").setInputFiles(filePath);
    await expect(this.preview.or(this.page.getByRole("alert")).first()).toBeVisible();
  }

  async useServerPath(filePath: string) {
    await this.page.getByRole("tab", { name: "Server path" }).click();
    await this.page.getByLabel("Path of a file on the server").fill(filePath);
    await this.page.getByRole("button", { name: "Use this file" }).click();
  }

  async importRewardBenchPreset() {
    await this.page.getByRole("tab", { name: "Hugging Face" }).click();
    await this.page.getByRole("button", { name: /RewardBench \(allenai\/reward-bench, filtered split\)/ }).click();
  }

  get preview(): Locator {
    return this.page.getByRole("table", { name: "Preview" });
  }

  async setName(name: string) {
    await this.page.getByLabel("Name", { exact: true }).fill(name);
  }

  async startImport() {
    await this.page.getByRole("button", { name: "Import", exact: true }).click();
  }

  /** Wait for the import to succeed and return the success message. */
  async expectImported(rows: number | string): Promise<Locator> {
    const success = this.page.getByRole("status").filter({ hasText: /^Imported/ });
    await expect(success).toContainText(`Imported ${rows} rows`, { timeout: 30_000 });
    return success;
  }

  async openImportedDataset() {
    await this.page.getByRole("link", { name: "Open the dataset" }).click();
    await expect(this.page).toHaveURL(/\/datasets\/\d+/);
  }

  /** Subset (or category) -> count, as the dataset page lists them. */
  async groupCounts(): Promise<Record<string, number>> {
    const list = this.page.getByRole("list", { name: /Subsets|Categories/ });
    const entries = await list.getByRole("listitem").allInnerTexts();
    return Object.fromEntries(
      entries.map((text) => {
        const [name, count] = text.split("\n").map((part) => part.trim());
        return [name!, Number(count!.replaceAll(",", ""))];
      }),
    );
  }

  async search(text: string) {
    await this.page.getByLabel("Search rows").fill(text);
    await this.page.getByRole("button", { name: "Search" }).click();
    await expect(this.page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/%20/g, "\\+")}`));
  }

  async deleteDataset(name: string) {
    await this.page.getByRole("button", { name: "Delete" }).click();
    const dialog = this.page.getByRole("alertdialog");
    await expect(dialog).toContainText(`Delete “${name}”?`);
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(this.page).toHaveURL(/\/datasets$/);
  }
}
