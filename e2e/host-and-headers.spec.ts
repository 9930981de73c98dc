// A web page that points its own host name at 127.0.0.1 (DNS rebinding) must not be able to drive
// a local Judge Lab: requests naming a foreign Host are refused (421) before any page, server action
// or the SimJudge mount runs, the loopback names are served, JUDGE_LAB_ALLOWED_HOSTS adds names,
// and a server listening beyond loopback without a token warns at start-up. Every response carries
// the security headers, and the Content-Security-Policy would stop an inline script that reached a
// page (the injection is done here by rewriting a real page on its way to the browser).
import http from "node:http";
import { expect, test } from "./fixtures";
import { startSecondServer } from "./support/second-server";

/** A raw HTTP request with any Host header (fetch and browsers do not let one choose it). */
function rawRequest(
  url: string,
  options: { host: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? "GET",
        headers: { ...options.headers, host: options.host },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

test("a foreign Host is refused on pages, server actions and the SimJudge mount; loopback names are served", async ({
  backendsPage,
  page,
  baseURL,
}) => {
  // A real server action call, captured from the Backends page, to replay under another Host.
  await backendsPage.goto();
  const call = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await backendsPage.testConnection("SimJudge (simulated)");
  const action = await call;
  const actionHeaders = Object.fromEntries(Object.entries(action.headers()).filter(([name]) => !name.startsWith(":") && name !== "host"));
  const port = new URL(baseURL!).port;

  for (const host of [`evil.example:${port}`, "evil.example", `127.0.0.1.nip.example:${port}`]) {
    for (const [method, path, headers, body] of [
      ["GET", "/backends", { accept: "text/html" }, undefined],
      ["POST", new URL(action.url()).pathname, { ...actionHeaders, origin: `http://${host}` }, action.postData() ?? ""],
      ["GET", "/api/sim/v1/models", {}, undefined],
      [
        "POST",
        "/api/sim/v1/chat/completions",
        { "content-type": "application/json" },
        JSON.stringify({ model: "simjudge-base", messages: [{ role: "user", content: "hi" }] }),
      ],
    ] as const) {
      const response = await rawRequest(`${baseURL}${path}`, { host, method, headers, body });
      expect(response.status, `${method} ${path} as ${host}`).toBe(421);
      expect(response.body).toMatch(/does not answer to the host name ".*"\..*JUDGE_LAB_ALLOWED_HOSTS/);
      expect(response.body).not.toContain("models available");
      expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
  }

  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
    expect((await rawRequest(`${baseURL}/backends`, { host, headers: { accept: "text/html" } })).status, host).toBe(200);
    const models = await rawRequest(`${baseURL}/api/sim/v1/models`, { host });
    expect(models.status, host).toBe(200);
    expect(JSON.parse(models.body).data.length).toBeGreaterThan(0);
  }
});

test("a server bound beyond loopback warns without a token and answers the names in JUDGE_LAB_ALLOWED_HOSTS", async () => {
  const port = Number(process.env.E2E_WIDE_PORT ?? 3196);
  const server = await startSecondServer({ port, host: "0.0.0.0", env: { JUDGE_LAB_ALLOWED_HOSTS: "judge.example.internal, lab.test" } });
  try {
    expect(server.output()).toContain("WARNING: listening on every network interface without an access token");
    for (const host of [`judge.example.internal:${port}`, "lab.test", `localhost:${port}`])
      expect((await rawRequest(`${server.base}/runs`, { host, headers: { accept: "text/html" } })).status, host).toBe(200);
    expect((await rawRequest(`${server.base}/runs`, { host: "evil.example" })).status).toBe(421);
  } finally {
    await server.stop();
  }
});

test("every response has the security headers, and the policy stops an inline script that reaches a page", async ({ page, request }) => {
  for (const path of ["/runs", "/api/sim/v1/models", "/favicon.svg", "/no-such-page"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("no-referrer");
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
    expect(headers["content-security-policy"], path).not.toContain("unsafe-eval");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }

  // Model text is rendered as text (the untrusted-text spec); if some future bug let it through as
  // HTML, the policy would still refuse to run it. Rewrite the page on its way to the browser with
  // an inline script and an inline handler, keeping the server's headers.
  const injected = `<script>window.__injected = "script ran"</script><img src="/favicon.svg" onload="window.__injected = 'handler ran'">`;
  const inject = async (keepPolicy: boolean) => {
    await page.route("**/runs", async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      if (!keepPolicy) delete headers["content-security-policy"];
      await route.fulfill({ response, headers, body: (await response.text()).replace("<body", `${injected}<body`) });
    });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto("/runs");
    await expect(page.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();
    await page.waitForTimeout(300);
    const ran = await page.evaluate(() => (window as unknown as { __injected?: string }).__injected ?? null);
    await page.unroute("**/runs");
    return { ran, violations };
  };
  const withPolicy = await inject(true);
  expect(withPolicy.ran).toBeNull();
  expect(withPolicy.violations.length).toBeGreaterThan(0);
  // The same page without the policy runs the injected script: the check above can fail.
  const withoutPolicy = await inject(false);
  expect(withoutPolicy.ran).not.toBeNull();
  // The app itself still works under the policy: the theme switch (client code) responds.
  await page.goto("/runs");
  const before = await page.evaluate(() => document.documentElement.className);
  await page.getByRole("button", { name: /theme/i }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.className)).not.toBe(before);
});
