// Model output is untrusted text. Hostile outputs (script tags, event-handler attributes,
// javascript: links, HTML inside Markdown, SVG payloads, bidi overrides, a 1 MB line) written into
// a finished run's pair, judgments and eval judgments go through every view that shows model text,
// rendered and raw: nothing executes (no dialog, no global set, no request to another host) and
// the page keeps its width.
import Database from "better-sqlite3";
import { expect, test } from "./fixtures";

const PAYLOADS = [
  `<script>window.__pwned = "script"; alert("script")</script>`,
  `<img src="x" onerror="window.__pwned='img'; alert('img')">`,
  `[click for a prize](javascript:window.__pwned='link';alert('link'))`,
  `<div onmouseover="window.__pwned='div'">HTML inside **Markdown**</div>`,
  `<svg onload="window.__pwned='svg'"><script>window.__pwned='svg-script'</script></svg>`,
  `![tracking pixel](http://evil.example/pixel.png)`,
  `<iframe src="http://evil.example/"></iframe>`,
  `<a href="data:text/html,<script>alert(1)</script>">data link</a>`,
  "Bidi override: \u202Egnp.exe\u202C and \u2066isolated\u2069 text",
  "```html\n<script>window.__pwned='code'</script>\n```",
].join("\n\n");
const HUGE_LINE = "x".repeat(1024 * 1024);

function inject(runId: number): { pairId: number; itemId: number } {
  const db = new Database(process.env.E2E_DATABASE_URL!);
  db.pragma("busy_timeout = 5000");
  try {
    const pair = db.prepare("select id from pairs where run_id = ? and status = 'ok' order by id limit 1").get(runId) as { id: number };
    db.prepare(
      "update pairs set good_response = ? || char(10) || good_response, worse_response = ? || worse_response, modified_instruction = ? || modified_instruction where id = ?",
    ).run(PAYLOADS, `${HUGE_LINE}\n`, `<script>window.__pwned='x2'</script> `, pair.id);
    // Keep each trace's verdict at its end, so the counts other specs check do not change.
    db.prepare("update judgments set trace = ? || char(10) || char(10) || trace where pair_id = ?").run(
      `${PAYLOADS}\n\n${HUGE_LINE}`,
      pair.id,
    );
    const item = db
      .prepare(
        "select e.dataset_item_id as id from eval_judgments e join iterations i on i.id = e.iteration_id where i.run_id = ? order by e.id limit 1",
      )
      .get(runId) as { id: number };
    db.prepare(
      "update eval_judgments set trace = ? || char(10) || char(10) || trace where dataset_item_id = ? and iteration_id in (select id from iterations where run_id = ?)",
    ).run(PAYLOADS, item.id, runId);
    return { pairId: pair.id, itemId: item.id };
  } finally {
    db.close();
  }
}

test("hostile model output is shown as text and never runs", async ({ demoRuns, tracesPage, page, baseURL }) => {
  test.setTimeout(240_000);
  const [runId] = await demoRuns(1);
  const { pairId, itemId } = inject(runId!);
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL!) && !url.startsWith("data:")) foreign.push(url);
  });

  const views = [
    `/runs/${runId}/pairs/${pairId}`,
    `/runs/${runId}/eval/${itemId}`,
    `/runs/${runId}/pairs?q=${encodeURIComponent("script")}`,
    `/runs/${runId}/flips`,
  ];
  for (const view of views) {
    for (const raw of [false, true]) {
      await page.goto(view);
      if (raw && (await page.getByLabel("Show raw text").count()) > 0) await tracesPage.showRawText(true);
      await page.mouse.move(200, 400);
      // Click every link a payload could have produced; none may navigate away or run code.
      for (const link of await page.getByRole("link", { name: /click for a prize|data link/ }).all())
        await link.click({ modifiers: ["Meta"] }).catch(() => {});
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null), view).toBeNull();
      const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(width.scroll, `${view} is wider than the window`).toBeLessThanOrEqual(width.inner + 1);
    }
  }
  // The payloads are there, as text.
  await page.goto(`/runs/${runId}/pairs/${pairId}`);
  await tracesPage.showRawText(true);
  await expect(page.getByTestId("raw-text").first()).toContainText("<script>window.__pwned");
  await expect(page.locator("script:not([src])", { hasText: "__pwned" })).toHaveCount(0);
  await expect(page.locator("img[onerror], svg[onload], iframe, [onmouseover]")).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"], a[href^="data:"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
});
