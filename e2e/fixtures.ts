// Test fixtures: page objects injected into every spec (`test({ backendsPage }) => ...`).
import { test as base } from "@playwright/test";
import { BackendsPage } from "./pages/backends-page";

export const test = base.extend<{ backendsPage: BackendsPage }>({
  backendsPage: async ({ page }, use) => {
    await use(new BackendsPage(page));
  },
});

export { expect } from "@playwright/test";
