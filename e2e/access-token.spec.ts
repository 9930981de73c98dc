// With JUDGE_LAB_TOKEN set, a second server (same build, its own database) protects everything:
// pages send to sign-in, a wrong token is refused, the right one opens the app; route handlers,
// the SimJudge mount and server actions answer 401 without it and work with it. The other specs
// cover the default mode (no token, bound to 127.0.0.1).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";

const TOKEN = "e2e-access-token-31337";
const PORT = Number(process.env.E2E_TOKEN_PORT ?? 3197);
const base = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;
let dir: string;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-token-"));
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: {
      ...process.env,
      JUDGE_LAB_TOKEN: TOKEN,
      NEXT_DIST_DIR: ".next-test",
      DATABASE_URL: path.join(dir, "token.db"),
      PORT: String(PORT),
    },
    stdio: "ignore",
  });
  await expect
    .poll(async () => (await fetch(`${base}/login`).catch(() => null))?.status ?? 0, { timeout: 60_000, intervals: [250] })
    .toBe(200);
});
test.afterAll(async () => {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a token-protected Judge Lab lets in only who has the token", async ({ page, request }) => {
  await page.goto(`${base}/backends`);
  await expect(page).toHaveURL(`${base}/login?next=%2Fbackends`);
  await page.getByLabel("Access token").fill("not-the-token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "access token" })).toHaveText("That is not this Judge Lab's access token");
  await page.getByLabel("Access token").fill(TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${base}/backends`);
  await expect(page.getByRole("heading", { level: 1, name: "Backends" })).toBeVisible();

  // Without the token: route handlers, the SimJudge mount and a server action call are refused.
  for (const [method, url, headers] of [
    ["GET", "/api/sim/v1/models", {}],
    ["GET", "/api/runs/1/export/config", {}],
    ["POST", "/runs", { "next-action": "0123456789abcdef", "content-type": "text/plain;charset=UTF-8" }],
  ] as const) {
    const response = await request.fetch(`${base}${url}`, { method, headers, data: method === "POST" ? "[]" : undefined, maxRedirects: 0 });
    expect(response.status(), `${method} ${url}`).toBe(401);
  }
  // With it, as a bearer token.
  const models = await request.get(`${base}/api/sim/v1/models`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(models.status()).toBe(200);
  expect(((await models.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
});
