// An API key lives only in the server's environment. With a sentinel key set there (see
// playwright.config.ts) and a backend that uses it against a proxy that echoes the Authorization
// header back in its error, the key appears nowhere: not in the error shown, not in any page's
// HTML, not in the database file, not in the client JavaScript bundles, not in the server's log.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "./fixtures";

const sentinel = process.env.E2E_SECRET_SENTINEL!;

function filesUnder(dir: string, ext: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f));
}

test("an API key never leaves the server's environment", async ({ backendsPage, page, request }) => {
  expect(sentinel).toMatch(/^sk-e2e-sentinel-/);
  let seenKey = "";
  const echo = http.createServer((req, res) => {
    seenKey = req.headers.authorization ?? "";
    res
      .writeHead(401, { "content-type": "application/json" })
      .end(JSON.stringify({ error: { message: `invalid key: ${req.headers.authorization}` } }));
  });
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`;
  try {
    const name = `Echoing proxy ${Date.now()}`;
    await backendsPage.addBackend({ preset: "OpenAI", name, baseUrls: [baseUrl], apiKeyEnv: "JUDGE_LAB_E2E_API_KEY" });
    await backendsPage.testConnection(name);
    const result = backendsPage.card(name).getByTestId("connection-result");
    await expect(result).toContainText("Authentication failed (401)");
    await expect(result).toContainText("[redacted]");
    expect(seenKey).toBe(`Bearer ${sentinel}`); // the server really sent it, so there was something to leak

    // Every page's HTML, as the browser gets it.
    for (const url of ["/runs", "/runs/new", "/backends", "/datasets", "/compare", "/datasets/import"]) {
      const html = await (await request.get(url)).text();
      expect(html, url).not.toContain(sentinel);
      await page.goto(url);
      expect(await page.content(), url).not.toContain(sentinel);
    }
    // The database file (and its write-ahead log) holds only the variable's name.
    const database = Buffer.concat(
      [process.env.E2E_DATABASE_URL!, `${process.env.E2E_DATABASE_URL}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)),
    );
    expect(database.includes(Buffer.from("JUDGE_LAB_E2E_API_KEY"))).toBe(true);
    expect(database.includes(Buffer.from(sentinel))).toBe(false);
    // The client bundles the browser downloads.
    const bundles = filesUnder(path.resolve(".next-test", "static"), ".js");
    expect(bundles.length).toBeGreaterThan(0);
    for (const bundle of bundles) expect(fs.readFileSync(bundle, "utf8").includes(sentinel), bundle).toBe(false);
    // The server's log.
    expect(fs.readFileSync(process.env.E2E_SERVER_LOG!, "utf8")).not.toContain(sentinel);
  } finally {
    await new Promise<void>((resolve) => echo.close(() => resolve()));
  }
});
