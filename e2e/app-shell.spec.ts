// The app shell: navigation between sections, empty states, the theme switch, and the not-found page.
// Named to run first (files run in alphabetical order, one worker): the empty states need the fresh database.
import { expect, test } from "./fixtures";

test("navigation reaches every section and marks the current one", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/runs$/);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const section of ["Datasets", "Backends", "Compare", "Runs"]) {
    await nav.getByRole("link", { name: section }).click();
    await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
    await expect(nav.getByRole("link", { name: section })).toHaveAttribute("aria-current", "page");
  }
});

test("a fresh app points to the demo and ships the demo data", async ({ page }) => {
  await page.goto("/runs");
  await expect(page.getByRole("heading", { name: "No runs yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Launch the demo" })).toHaveAttribute("href", "/runs/new?preset=demo");
  await page.goto("/datasets");
  for (const name of ["Demo instructions", "Demo eval pairs"]) {
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("demo");
  }
});

test("the theme switch toggles dark mode and remembers it", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/runs");
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/dark/);
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(html).toHaveClass(/dark/);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(lightBackground);
  await page.reload();
  await expect(html).toHaveClass(/dark/);
  await page.getByRole("button", { name: "Switch to light theme" }).click();
  await expect(html).not.toHaveClass(/dark/);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(lightBackground);
});

test("without a choice, the theme follows the system", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/runs");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
});

test("unknown pages and ids show a not-found state", async ({ page }) => {
  const missing = await page.goto("/backends/999999/edit");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
