// Page object for the Backends pages: intents (add, edit, test, delete) instead of raw selectors.
import { expect, type Locator, type Page } from "@playwright/test";

export type BackendFormValues = {
  preset?: string;
  name?: string;
  baseUrls?: string[];
  apiKeyEnv?: string;
  maxInFlight?: string;
  requestsPerMinute?: string;
  timeoutSeconds?: string;
};

export class BackendsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/backends");
    await expect(this.page.getByRole("heading", { level: 1, name: "Backends" })).toBeVisible();
  }

  async openNewForm() {
    await this.page.getByRole("link", { name: "Add backend" }).first().click();
    await expect(this.page.getByRole("heading", { level: 1, name: "New backend" })).toBeVisible();
  }

  /** Fill the form on screen; URLs replace the current ones. */
  async fillForm(values: BackendFormValues) {
    const page = this.page;
    if (values.preset) await page.getByLabel("Preset").selectOption({ label: values.preset });
    if (values.name !== undefined) await page.getByLabel("Name", { exact: true }).fill(values.name);
    if (values.baseUrls) {
      const urlInputs = page.getByLabel(/^Base URL \d+$/);
      while ((await urlInputs.count()) > 1)
        await page
          .getByRole("button", { name: /^Remove base URL/ })
          .last()
          .click();
      for (const [index, url] of values.baseUrls.entries()) {
        if (index > 0) await page.getByRole("button", { name: "Add replica" }).click();
        await page.getByLabel(`Base URL ${index + 1}`, { exact: true }).fill(url);
      }
    }
    if (values.apiKeyEnv !== undefined) await page.getByLabel("API key environment variable").fill(values.apiKeyEnv);
    if (values.maxInFlight !== undefined) await page.getByLabel("Max in-flight requests").fill(values.maxInFlight);
    if (values.requestsPerMinute !== undefined) await page.getByLabel("Requests per minute").fill(values.requestsPerMinute);
    if (values.timeoutSeconds !== undefined) await page.getByLabel("Request timeout (seconds)").fill(values.timeoutSeconds);
  }

  async submit() {
    await this.page.getByRole("button", { name: /^(Add backend|Save changes)$/ }).click();
  }

  async addBackend(values: BackendFormValues) {
    await this.goto();
    await this.openNewForm();
    await this.fillForm(values);
    await this.submit();
    await expect(this.page).toHaveURL(/\/backends$/);
    await expect(this.card(values.name!)).toBeVisible();
  }

  card(name: string): Locator {
    return this.page.getByRole("group", { name, exact: true });
  }

  async testConnection(name: string): Promise<Locator> {
    const card = this.card(name);
    await card.getByRole("button", { name: "Test connection" }).click();
    const result = card.getByTestId("connection-result").or(card.getByRole("alert"));
    await expect(result.first()).toBeVisible();
    return card;
  }

  async edit(name: string, values: BackendFormValues) {
    await this.card(name)
      .getByRole("link", { name: `Edit ${name}` })
      .click();
    await expect(this.page.getByRole("heading", { level: 1, name: `Edit ${name}` })).toBeVisible();
    await this.fillForm(values);
    await this.submit();
    await expect(this.page).toHaveURL(/\/backends$/);
  }

  async delete(name: string) {
    await this.card(name)
      .getByRole("button", { name: `Delete ${name}` })
      .click();
    const dialog = this.page.getByRole("alertdialog");
    await expect(dialog).toContainText(`Delete “${name}”?`);
    await dialog.getByRole("button", { name: "Delete" }).click();
  }
}
