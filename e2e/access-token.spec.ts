// With JUDGE_LAB_TOKEN set, a second server (same build, its own database) protects everything:
// pages send to sign-in, a wrong token is refused, the right one opens the app; route handlers,
// the SimJudge mount and server actions answer 401 without it and work with it; guessing is
// throttled (the sixth wrong token in a minute gets 429 with Retry-After). The other specs cover
// the default mode (no token, bound to 127.0.0.1).
import { expect, test } from "./fixtures";
import { startSecondServer, type SecondServer } from "./support/second-server";

const TOKEN = "e2e-access-token-31337";
const PORT = Number(process.env.E2E_TOKEN_PORT ?? 3197);
const base = `http://127.0.0.1:${PORT}`;
let server: SecondServer;

test.beforeAll(async () => {
  server = await startSecondServer({ port: PORT, host: "127.0.0.1", env: { JUDGE_LAB_TOKEN: TOKEN } });
});
test.afterAll(async () => {
  await server.stop();
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

test("wrong tokens are throttled: the sixth within a minute is refused with 429 and Retry-After", async ({ page, request }) => {
  const attempt = (token: string) => request.post(`${base}/api/sign-in`, { data: { token, next: "/runs" } });
  const statuses: number[] = [];
  for (let i = 1; i <= 5; i++) statuses.push((await attempt(`wrong-${i}`)).status());
  expect(statuses).toEqual([401, 401, 401, 401, 401]);
  const sixth = await attempt("wrong-6");
  expect(sixth.status()).toBe(429);
  const wait = Number(sixth.headers()["retry-after"]);
  expect(wait).toBeGreaterThan(20);
  expect(wait).toBeLessThanOrEqual(60);
  expect(((await sixth.json()) as { message: string }).message).toMatch(/Too many wrong tokens from your address\. Try again in \d+ s/);
  // While locked, even the right token waits; the form says how long.
  expect((await attempt(TOKEN)).status()).toBe(429);
  await page.goto(`${base}/login`);
  await page.getByLabel("Access token").fill(TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toContainText(/Try again in \d+ s/);
});
