// The Backends journey: add a backend through the form, see it listed, test its connection against
// a real OpenAI-compatible server on localhost, see a clear error for a dead URL, edit it, delete it.
import { expect, test } from "./fixtures";
import { deadBaseUrl, startFakeOpenAiServer, type FakeOpenAiServer } from "./support/fake-openai-server";

let server: FakeOpenAiServer;
test.beforeAll(async () => {
  server = await startFakeOpenAiServer(["llama-3-70b-instruct", "judge-iter-1"]);
});
test.afterAll(async () => {
  await server.close();
});

test("add, list, test, edit and delete a backend", async ({ backendsPage, page }) => {
  const name = `Local vLLM ${Date.now()}`;
  await backendsPage.addBackend({ preset: "vLLM", name, baseUrls: [server.baseUrl], maxInFlight: "32" });

  const card = backendsPage.card(name);
  await expect(card).toContainText("vLLM");
  await expect(card).toContainText(server.baseUrl);
  await expect(card).toContainText("32");

  // Test connection: the models the server lists appear.
  await backendsPage.testConnection(name);
  const models = card.getByRole("list", { name: `Models at ${server.baseUrl}` });
  await expect(models.getByRole("listitem")).toHaveText(["llama-3-70b-instruct", "judge-iter-1"]);
  await expect(card).toContainText("2 models available");

  // Edit: rename, add a dead replica, change a limit; the list shows the new values.
  const renamed = `${name} (edited)`;
  const dead = await deadBaseUrl();
  await backendsPage.edit(name, { name: renamed, baseUrls: [server.baseUrl, dead], maxInFlight: "64", requestsPerMinute: "600" });
  const editedCard = backendsPage.card(renamed);
  await expect(editedCard).toContainText(dead);
  await expect(editedCard).toContainText("600 req/min");

  // The dead replica fails with the reason in words, the live one still lists its models.
  await backendsPage.testConnection(renamed);
  await expect(editedCard.getByTestId("connection-result")).toContainText("Connected");
  await expect(editedCard.getByTestId("connection-result")).toContainText(/Unreachable: 127\.0\.0\.1:\d+: connection refused/);

  // Delete after confirming; it is gone, also after a reload.
  await backendsPage.delete(renamed);
  await expect(page.getByText(`Deleted "${renamed}"`)).toBeVisible();
  await expect(backendsPage.card(renamed)).toHaveCount(0);
  await page.reload();
  await expect(backendsPage.card(renamed)).toHaveCount(0);
});

test("a dead URL gets a clear error, before and after saving", async ({ backendsPage, page }) => {
  const dead = await deadBaseUrl();
  const name = `Dead ${Date.now()}`;
  await backendsPage.goto();
  await backendsPage.openNewForm();
  await backendsPage.fillForm({ preset: "Custom", name, baseUrls: [dead] });
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("Failed");
  await expect(page.getByTestId("connection-result")).toContainText("connection refused: nothing is listening there");

  await backendsPage.submit();
  await expect(backendsPage.card(name)).toBeVisible();
  await backendsPage.testConnection(name);
  await expect(backendsPage.card(name).getByTestId("connection-result")).toContainText("connection refused");
  await backendsPage.delete(name);
  await expect(backendsPage.card(name)).toHaveCount(0);
});

test("bad input shows which field is wrong and saves nothing", async ({ backendsPage, page }) => {
  await backendsPage.goto();
  await backendsPage.openNewForm();
  await backendsPage.fillForm({
    preset: "Custom",
    name: "Broken",
    baseUrls: ["localhost:8000"],
    maxInFlight: "0",
    apiKeyEnv: "sk-live-123",
    timeoutSeconds: "abc",
  });
  await backendsPage.submit();

  await expect(page.getByRole("alert").first()).toHaveText(
    "The backend was not saved: fix Base URL 1, API key environment variable, Max in-flight requests, Request timeout.",
  );
  await expect(page.getByLabel("Base URL 1", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Base URL 1", { exact: true })).toHaveAccessibleDescription(/full URL starting with http/);
  await expect(page.getByLabel("Max in-flight requests")).toHaveAccessibleDescription(/at least 1/);
  await expect(page.getByLabel("API key environment variable")).toHaveAccessibleDescription(/NAME of an environment variable/);
  await expect(page.getByLabel("Request timeout (seconds)")).toHaveAccessibleDescription(/must be a number of seconds/);
  // What was typed is still there to fix.
  await expect(page.getByLabel("Base URL 1", { exact: true })).toHaveValue("localhost:8000");
  await expect(page).toHaveURL(/\/backends\/new$/);

  await page.goto("/backends");
  await expect(backendsPage.card("Broken")).toHaveCount(0);
});

test("a duplicate name is refused on the name field", async ({ backendsPage, page }) => {
  const name = `Twin ${Date.now()}`;
  await backendsPage.addBackend({ preset: "Ollama", name });
  await backendsPage.openNewForm();
  await backendsPage.fillForm({ preset: "Ollama", name });
  await backendsPage.submit();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(/already exists/);
  await page.goto("/backends");
  await expect(backendsPage.card(name)).toHaveCount(1);
  await backendsPage.delete(name);
});

test("presets fill sensible defaults without erasing edits", async ({ backendsPage, page }) => {
  await backendsPage.goto();
  await backendsPage.openNewForm();
  await expect(page.getByLabel("Base URL 1", { exact: true })).toHaveValue("http://localhost:8000/v1");
  await page.getByLabel("Preset").selectOption({ label: "Ollama" });
  await expect(page.getByLabel("Base URL 1", { exact: true })).toHaveValue("http://localhost:11434/v1");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ollama");
  await page.getByLabel("Preset").selectOption({ label: "OpenAI" });
  await expect(page.getByLabel("API key environment variable")).toHaveValue("OPENAI_API_KEY");
  await expect(page.getByLabel("Base URL 1", { exact: true })).toHaveValue("https://api.openai.com/v1");
  await page.getByLabel("Name", { exact: true }).fill("My team's OpenAI");
  await page.getByLabel("Preset").selectOption({ label: "Together" });
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("My team's OpenAI");
  await expect(page.getByLabel("API key environment variable")).toHaveValue("TOGETHER_API_KEY");
});
