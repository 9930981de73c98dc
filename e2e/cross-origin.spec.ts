// Server actions are public endpoints, so a page on another site must not be able to call them:
// a real action call captured from the Backends page succeeds when replayed as is, and is refused
// when replayed with another site's Origin (Next.js compares it with the host).
import { expect, test } from "./fixtures";

test("a server action called from another origin is refused", async ({ backendsPage, page, request }) => {
  await backendsPage.goto();
  const call = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await backendsPage.testConnection("SimJudge (simulated)");
  const captured = await call;
  const headers = { ...captured.headers() };
  const body = captured.postData() ?? "";

  const same = await request.fetch(captured.url(), { method: "POST", headers, data: body });
  expect(same.status()).toBe(200);

  const foreign = await request.fetch(captured.url(), {
    method: "POST",
    headers: { ...headers, origin: "http://evil.example" },
    data: body,
  });
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(await foreign.text()).not.toContain("models available");
});
