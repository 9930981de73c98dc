// Test fixtures: page objects injected into every spec (`test({ backendsPage }) => ...`), and
// finished demo runs for the specs that read them.
import { test as base } from "@playwright/test";
import { BackendsPage } from "./pages/backends-page";
import { ComparePage } from "./pages/compare-page";
import { DatasetsPage } from "./pages/datasets-page";
import { RunsPage } from "./pages/runs-page";
import { TracesPage } from "./pages/traces-page";
import { ensureDemoRuns } from "./support/demo-runs";

type PageObjects = {
  backendsPage: BackendsPage;
  comparePage: ComparePage;
  datasetsPage: DatasetsPage;
  runsPage: RunsPage;
  tracesPage: TracesPage;
};
/** Finished demo runs (launched once per database when missing): `await demoRuns(2)` gives two ids. */
type WorkerFixtures = { demoRuns: (count: number) => Promise<number[]> };

export const test = base.extend<PageObjects, WorkerFixtures>({
  demoRuns: [
    async ({ browser }, use) => {
      await use((count) => ensureDemoRuns(browser, count));
    },
    { scope: "worker" },
  ],
  comparePage: async ({ page }, use) => {
    await use(new ComparePage(page));
  },
  tracesPage: async ({ page }, use) => {
    await use(new TracesPage(page));
  },
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
