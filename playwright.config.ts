// Playwright: one worker, Chromium from the system (CHROME_PATH or Debian's), against the
// production build in .next-test served by `next start`, on a fresh database file per run.
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./scripts/find-chromium.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
// Set once in the main process; workers inherit it, so tests can open the same file.
process.env.E2E_DATABASE_URL ??= path.resolve("e2e/.artifacts", `e2e-${Date.now()}.db`);
process.env.E2E_SERVER_LOG ??= process.env.E2E_DATABASE_URL.replace(/\.db$/, ".server.log");
// A made-up API key the server holds in its environment; the secrets spec looks for it everywhere.
process.env.E2E_SECRET_SENTINEL ??= `sk-e2e-sentinel-${Date.now().toString(36)}-do-not-leak`;
const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [["list"]],
  outputDir: "e2e/.artifacts/results",
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: { browserName: "chromium", viewport: { width: 1280, height: 800 }, launchOptions: { executablePath, args: CHROMIUM_ARGS } },
    },
  ],
  webServer: {
    command: `node e2e/support/serve-with-log.mjs ${process.env.E2E_SERVER_LOG} -H 127.0.0.1 -p ${port}`,
    url: `http://127.0.0.1:${port}/runs`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      NEXT_DIST_DIR: ".next-test",
      PORT: String(port),
      // The stand-in hub started by e2e/global-setup.ts.
      HF_ENDPOINT: `http://127.0.0.1:${process.env.E2E_HF_PORT ?? 3198}`,
      JUDGE_LAB_E2E_API_KEY: process.env.E2E_SECRET_SENTINEL,
    },
  },
});
