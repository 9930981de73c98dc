#!/usr/bin/env node
// `npm test`: the whole suite. vitest (units and integration), then a production build and the
// Playwright suite against it in Chromium (one worker, a fresh database file per run).
// Flags: --unit-only, --e2e-only; anything after `--` goes to playwright (e.g. `-- e2e/backends.spec.ts`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findChromium } from "./find-chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const passthrough = args.includes("--") ? args.slice(args.indexOf("--") + 1) : [];
const unitOnly = args.includes("--unit-only");
const e2eOnly = args.includes("--e2e-only");
const bin = (pkg, file) => path.join(root, "node_modules", pkg, file);
const timings = [];

function step(name, command, commandArgs, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name}: ${seconds} s`);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds} s`);
    printTimings();
    process.exit(result.status ?? 1);
  }
}

function printTimings() {
  console.log(`\nTimings:\n  ${timings.join("\n  ")}`);
}

function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROME_PATH) {
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but there is no file there.`);
    process.exit(1);
  }
  const canApt = process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (canApt) {
    console.log("Chromium not found; installing Debian's chromium package (apt-get install -y chromium, about a minute)…");
    const install = spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"], {
      stdio: "inherit",
    });
    const installed = install.status === 0 ? findChromium() : null;
    if (installed) return installed;
  }
  console.error(
    [
      "The end-to-end tests need Chromium and none was found.",
      "  Debian/Ubuntu: sudo apt-get install -y chromium   (then run npm test again)",
      "  Elsewhere: set CHROME_PATH to a Chrome or Chromium binary, e.g. CHROME_PATH=/path/to/chrome npm test",
      "  (Playwright's own download, `npx playwright install`, also works where the internet is reachable.)",
      "To run only the unit tests meanwhile: npm test -- --unit-only",
    ].join("\n"),
  );
  process.exit(1);
}

if (!fs.existsSync(bin("next", "package.json"))) {
  console.error("Dependencies are not installed. Run `npm install` (or `npm ci`) first.");
  process.exit(1);
}

if (!e2eOnly) {
  // Type errors anywhere (tests included) fail fast here, before the slower steps.
  step("typecheck (tsc --noEmit)", process.execPath, [bin("typescript", "bin/tsc"), "--noEmit", "-p", root]);
  step("vitest", process.execPath, [bin("vitest", "vitest.mjs"), "run"]);
}

if (!unitOnly) {
  const chromium = ensureChromium();
  console.log(`Using Chromium at ${chromium}`);
  // A separate build folder, so the suite never replaces the build `npm start` serves.
  step("next build (test build in .next-test)", process.execPath, [bin("next", "dist/bin/next"), "build"], { NEXT_DIST_DIR: ".next-test" });
  // Every run starts from a fresh database file (playwright.config.ts names it); drop old ones.
  const artifacts = path.join(root, "e2e", ".artifacts");
  if (fs.existsSync(artifacts)) {
    for (const entry of fs.readdirSync(artifacts)) if (/^e2e-\d+\.db/.test(entry)) fs.rmSync(path.join(artifacts, entry), { force: true });
  }
  step("playwright", process.execPath, [bin("@playwright/test", "cli.js"), "test", ...passthrough], { CHROME_PATH: chromium });
}

printTimings();
