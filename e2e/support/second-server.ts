// A second Judge Lab server for specs that need other settings than the main one (an access token,
// another bind address): the same test build, its own database, its output kept for assertions.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";

export type SecondServer = { base: string; output: () => string; stop: () => Promise<void> };

export async function startSecondServer(options: { port: number; host: string; env?: Record<string, string> }): Promise<SecondServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-second-server-"));
  let output = "";
  const server: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", options.host, "-p", String(options.port)],
    {
      env: {
        ...process.env,
        NEXT_DIST_DIR: ".next-test",
        DATABASE_URL: path.join(dir, "second.db"),
        PORT: String(options.port),
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${options.port}`;
  await expect
    .poll(async () => (await fetch(`${base}/login`).catch(() => null))?.status ?? 0, { timeout: 60_000, intervals: [250] })
    .toBe(200);
  return {
    base,
    output: () => output,
    stop: async () => {
      server.kill("SIGTERM");
      if (server.exitCode === null) await new Promise((resolve) => server.once("exit", resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
