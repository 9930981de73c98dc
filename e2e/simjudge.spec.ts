// The built-in SimJudge: listed as a simulated backend out of the box, its connection test lists
// its model, and the mount inside the app (/api/sim/v1) serves real completions and fine-tuning,
// including injected faults that the inference client recovers from.
import { BackendClient } from "@/lib/inference/chat-client";
import { parseVerdict } from "@/lib/pipeline/parse-verdict";
import { fillTemplate, JUDGE_PROMPT } from "@/lib/pipeline/prompts";
import { expect, test } from "./fixtures";

test("the built-in SimJudge backend works out of the box", async ({ backendsPage }) => {
  await backendsPage.goto();
  const card = backendsPage.card("SimJudge (simulated)");
  await expect(card).toBeVisible();
  await expect(card.getByText("simulated", { exact: true })).toBeVisible();
  await expect(card.getByText("built-in", { exact: true })).toBeVisible();
  await expect(card.getByRole("button", { name: /Delete/ })).toHaveCount(0);
  await backendsPage.testConnection("SimJudge (simulated)");
  await expect(card.getByTestId("connection-result")).toContainText("Connected");
  await expect(card.getByRole("list", { name: /Models at/ })).toContainText("simjudge-base");
});

test("the app's SimJudge mount judges, recovers from injected faults and fine-tunes", async ({ baseURL }) => {
  const client = new BackendClient(
    {
      name: "mount",
      baseUrls: [`${baseURL}/api/sim/v1`],
      apiKeyEnv: null,
      maxInFlight: 8,
      requestsPerMinute: null,
      tokensPerMinute: null,
      timeoutMs: 10_000,
      supportsN: true,
    },
    { baseDelayMs: 10, maxDelayMs: 50, maxAttempts: 10 },
  );
  const prompt = fillTemplate(JUDGE_PROMPT, {
    instruction: "How do I water a cactus?",
    response_a: "Water a cactus rarely, and let the soil dry.",
    response_b: "Satellites orbit the earth.",
  });
  const result = await client.chat({
    model: "simjudge-base",
    messages: [{ role: "user", content: prompt }],
    n: 4,
    seed: 1,
    temperature: 0.7,
  });
  expect(result.samples).toHaveLength(4);
  expect(result.samples.some((s) => parseVerdict(s.text, "ram").verdict !== null)).toBe(true);

  // Faults injected by header through the Next.js route: errors, malformed JSON, dropped streams.
  const flaky = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      client.chat({
        model: "simjudge-base",
        messages: [{ role: "user", content: `Explain topic ${i}` }],
        headers: { "x-simjudge-faults": JSON.stringify({ errorRate: 0.2, retryAfterSeconds: 0, malformedRate: 0.1, dropRate: 0.1 }) },
      }),
    ),
  );
  expect(flaky).toHaveLength(10);

  // A fine-tuning job through the mount ends with a new model in the list.
  const line = JSON.stringify({
    messages: [
      { role: "user", content: prompt },
      { role: "assistant", content: "Plan: water answers win.\n\n[[A]]" },
    ],
  });
  const form = new FormData();
  form.append("purpose", "fine-tune");
  form.append("file", new Blob([`${line}\n`]), "train.jsonl");
  const file = await (await fetch(`${baseURL}/api/sim/v1/files`, { method: "POST", body: form })).json();
  let job = await (
    await fetch(`${baseURL}/api/sim/v1/fine_tuning/jobs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "simjudge-base", training_file: file.id, suffix: "e2e" }),
    })
  ).json();
  await expect
    .poll(async () => (job = await (await fetch(`${baseURL}/api/sim/v1/fine_tuning/jobs/${job.id}`)).json()).status, { timeout: 10_000 })
    .toBe("succeeded");
  const models = await (await fetch(`${baseURL}/api/sim/v1/models`)).json();
  expect(models.data.map((m: { id: string }) => m.id)).toContain(job.fine_tuned_model);
});
