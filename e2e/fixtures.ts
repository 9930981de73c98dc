// Test fixtures: page objects injected into every spec (`test({ backendsPage }) => ...`).
import { test as base } from "@playwright/test";
import { BackendsPage } from "./pages/backends-page";
import { DatasetsPage } from "./pages/datasets-page";
import { RunsPage } from "./pages/runs-page";

export const test = base.extend<{ backendsPage: BackendsPage; datasetsPage: DatasetsPage; runsPage: RunsPage }>({
  backendsPage: async ({ page }, use) => {
    await use(new BackendsPage(page));
  },
  datasetsPage: async ({ page }, use) => {
    await use(new DatasetsPage(page));
  },
  runsPage: async ({ page }, use) => {
    await use(new RunsPage(page));
  },
});

export { expect } from "@playwright/test";
