#!/usr/bin/env node
// `npm start`: build the app when the build is missing or older than the sources, then serve it
// (migrations run at server start-up). HOST defaults to 127.0.0.1, PORT to 3000.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const sources = [
  "app",
  "components",
  "lib",
  "drizzle",
  "public",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function buildIsStale() {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return "no build yet";
  const builtAt = fs.statSync(buildId).mtimeMs;
  const changed = sources.find((source) => newestMtime(path.join(root, source)) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

if (!fs.existsSync(nextBin)) {
  console.error("Judge Lab: dependencies are not installed. Run `npm install` first.");
  process.exit(1);
}

const stale = buildIsStale();
if (stale) {
  console.log(`Judge Lab: building the app (${stale}); this takes about a minute the first time…`);
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("Judge Lab: the build failed (see above).");
    process.exit(build.status ?? 1);
  }
}

const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
console.log(`Judge Lab: serving on http://${host}:${port} (database: ${process.env.DATABASE_URL || "data/judge-lab.db"})`);
const server = spawn(process.execPath, [nextBin, "start", "-H", host, "-p", port], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
