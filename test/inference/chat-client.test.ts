// The inference client against a real SimJudge over HTTP (no mocks of our own client): retries,
// Retry-After, no retry on 4xx, timeouts, the in-flight cap, replicas, n-sampling, abort, usage.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InferenceError } from "@/lib/inference/errors";
import { fillTemplate, JUDGE_PROMPT } from "@/lib/pipeline/prompts";
import { findClosedPort } from "../helpers/http-server";
import { clientFor, resetSimStats, simStats, startSimJudge, type TestSimJudge } from "../helpers/simjudge";

let sim: TestSimJudge;
beforeAll(async () => {
  sim = await startSimJudge();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await resetSimStats(sim.url);
});

const model = "simjudge-base";
const messages = [{ role: "user" as const, content: "Explain how caching reduces database load." }];
const faults = (config: Record<string, unknown>) => ({ "x-simjudge-faults": JSON.stringify(config) });
const judgeMessages = [
  {
    role: "user" as const,
    content: fillTemplate(JUDGE_PROMPT, {
      instruction: "Explain caching.",
      response_a: "Caching stores results.",
      response_b: "Gardens need water.",
    }),
  },
];

describe("retries", () => {
  it("recover from injected 429s and 500s", async () => {
    const client = clientFor(sim.url);
    const headers = faults({ errorRate: 0.5, errorStatuses: [429, 500, 503], retryAfterSeconds: 0 });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => client.chat({ model, messages, seed: i, headers })));
    expect(results).toHaveLength(30);
    const stats = await simStats(sim.url);
    const injected = Object.values(stats.faults).reduce((a, b) => a + b, 0);
    expect(injected).toBeGreaterThan(5);
    expect(client.stats().retries).toBe(injected);
    expect(results.reduce((sum, r) => sum + r.usage.retries, 0)).toBe(injected);
    expect(stats.chatRequests).toBe(30 + injected);
  });

  it("honor Retry-After", async () => {
    const waits: { kind: string; delayMs: number }[] = [];
    const client = clientFor(sim.url, {}, { onRetry: ({ error, delayMs }) => waits.push({ kind: error.kind, delayMs }) });
    const headers = faults({ errorRate: 0.6, errorStatuses: [429], retryAfterSeconds: 0.3 });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => client.chat({ model, messages, seed: i, headers })));
    expect(waits.length).toBeGreaterThan(0);
    for (const wait of waits) {
      expect(wait.kind).toBe("rate_limited");
      expect(wait.delayMs).toBeGreaterThanOrEqual(300);
    }
    const retried = results.filter((r) => r.usage.retries > 0);
    for (const r of retried) expect(r.usage.latencyMs).toBeGreaterThanOrEqual(300 * r.usage.retries - 5);
  });

  it("retry malformed JSON and dropped connections", async () => {
    const client = clientFor(sim.url, {}, { maxAttempts: 8 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.chat({ model, messages, seed: i, headers: faults({ malformedRate: 0.15, dropRate: 0.15 }) }),
      ),
    );
    expect(results.every((r) => r.samples[0]!.text.length > 0)).toBe(true);
    expect(client.stats().failures.bad_response ?? 0).toBeGreaterThan(0);
    expect(client.stats().retries).toBeGreaterThan(0);
  });

  it.each([
    [400, "bad_request"],
    [401, "auth"],
    [403, "forbidden"],
    [404, "not_found"],
    [422, "bad_request"],
  ])("never retry %i", async (status, kind) => {
    const client = clientFor(sim.url);
    const error = await client.chat({ model, messages, headers: faults({ errorRate: 1, errorStatuses: [status] }) }).catch((e) => e);
    expect(error).toBeInstanceOf(InferenceError);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(new RegExp(String(status)));
    expect((await simStats(sim.url)).chatRequests).toBe(1);
  });

  it("give up after the last attempt with the reason and the count", async () => {
    const client = clientFor(sim.url, {}, { maxAttempts: 3 });
    const error = await client
      .chat({ model, messages, headers: faults({ errorRate: 1, errorStatuses: [503], retryAfterSeconds: 0 }) })
      .catch((e) => e);
    expect(error.kind).toBe("server_error");
    expect(error.message).toMatch(/503.*gave up after 3 attempts/);
    expect((await simStats(sim.url)).chatRequests).toBe(3);
  });
});

describe("timeouts and cancellation", () => {
  it("time out a request that never answers", async () => {
    const client = clientFor(sim.url, { timeoutMs: 250 }, { maxAttempts: 2 });
    const started = Date.now();
    const error = await client.chat({ model, messages, headers: faults({ hangRate: 1 }) }).catch((e) => e);
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/did not answer within 0.3 s|0.25 s|gave up after 2 attempts/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("stop every request at once when aborted, and send no more", async () => {
    const client = clientFor(sim.url, { maxInFlight: 4 });
    const controller = new AbortController();
    const calls = Array.from({ length: 12 }, (_, i) =>
      client.chat({ model, messages, seed: i, signal: controller.signal, headers: faults({ latencyMs: 5000 }) }).catch((e) => e),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    const started = Date.now();
    controller.abort();
    const errors = await Promise.all(calls);
    expect(Date.now() - started).toBeLessThan(500);
    expect(errors.every((e) => e instanceof InferenceError && e.kind === "canceled")).toBe(true);
    const sent = (await simStats(sim.url)).chatRequests;
    expect(sent).toBe(4); // only the in-flight ones ever reached the server
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await simStats(sim.url)).chatRequests).toBe(sent);
  });
});

describe("load", () => {
  it("never exceed the in-flight cap, and reach it", async () => {
    const client = clientFor(sim.url, { maxInFlight: 5 });
    await Promise.all(Array.from({ length: 40 }, (_, i) => client.chat({ model, messages, seed: i, headers: faults({ latencyMs: 20 }) })));
    const stats = await simStats(sim.url);
    expect(stats.maxInFlightSeen).toBe(5);
    expect(client.stats().maxInFlightSeen).toBe(5);
  });

  it("spread requests over replicas", async () => {
    const second = await startSimJudge();
    try {
      const client = clientFor([sim.url, second.url], { maxInFlight: 8 });
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => client.chat({ model, messages, seed: i, headers: faults({ latencyMs: 10 }) })),
      );
      const [a, b] = [await simStats(sim.url), await simStats(second.url)];
      expect(a.chatRequests + b.chatRequests).toBe(40);
      expect(Math.min(a.chatRequests, b.chatRequests)).toBeGreaterThanOrEqual(12);
    } finally {
      await second.close();
    }
  });

  it("rest a replica that keeps failing", async () => {
    const dead = `http://127.0.0.1:${await findClosedPort()}/v1`;
    const client = clientFor([dead, sim.url], { maxInFlight: 1 });
    for (let i = 0; i < 20; i++) await client.chat({ model, messages, seed: i });
    const replicas = client.stats().replicas;
    expect(replicas[0]!.failures).toBe(3); // then rested for the rest of the test
    expect(replicas[0]!.restingUntil).toBeGreaterThan(Date.now());
    expect((await simStats(sim.url)).chatRequests).toBe(20);
  });
});

describe("n-sampling", () => {
  it("asks once for N samples when the backend supports n", async () => {
    const result = await clientFor(sim.url, { supportsN: true }).chat({ model, messages: judgeMessages, n: 8, temperature: 1, seed: 3 });
    expect(result.samples).toHaveLength(8);
    expect(new Set(result.samples.map((s) => s.text)).size).toBeGreaterThan(1);
    expect(result.usage.requests).toBe(1);
    expect((await simStats(sim.url)).chatRequests).toBe(1);
  });

  it("sends N requests otherwise, with distinct seeded samples, and the caller sees the same shape", async () => {
    const client = clientFor(sim.url, { supportsN: false });
    const first = await client.chat({ model, messages: judgeMessages, n: 8, temperature: 1, seed: 3 });
    expect(first.samples).toHaveLength(8);
    expect(first.usage.requests).toBe(8);
    expect(new Set(first.samples.map((s) => s.text)).size).toBeGreaterThan(1);
    const again = await client.chat({ model, messages: judgeMessages, n: 8, temperature: 1, seed: 3 });
    expect(again.samples.map((s) => s.text)).toEqual(first.samples.map((s) => s.text));
    // Without n the prompt is sent 8 times: 8x the prompt tokens of one request.
    const once = await clientFor(sim.url, { supportsN: true }).chat({ model, messages: judgeMessages, n: 8, temperature: 1, seed: 3 });
    expect(first.usage.promptTokens).toBe(8 * once.usage.promptTokens);
  });

  it("falls back to one request per sample when a server ignores n", async () => {
    let requests = 0;
    const server = http.createServer((req, res) => {
      requests++;
      req.resume();
      req.on("end", () =>
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            choices: [{ index: 0, message: { content: `sample ${requests}` }, finish_reason: "stop" }],
            usage: { prompt_tokens: 10, completion_tokens: 2 },
          }),
        ),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const client = clientFor(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, { supportsN: true });
      const result = await client.chat({ model, messages, n: 4 });
      expect(result.samples).toHaveLength(4);
      expect(requests).toBe(4);
      await client.chat({ model, messages, n: 4 });
      expect(requests).toBe(8); // no more wasted n-requests: straight to one per sample
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("usage accounting", () => {
  it("returns the server's token counts, the latency and finish reasons", async () => {
    const started = performance.now();
    const result = await clientFor(sim.url).chat({ model, messages, n: 3, seed: 1, maxTokens: 12 });
    const elapsed = performance.now() - started;
    const stats = await simStats(sim.url);
    expect(result.usage.promptTokens).toBe(stats.promptTokens);
    expect(result.usage.completionTokens).toBe(stats.completionTokens);
    expect(result.usage.latencyMs).toBeGreaterThan(0);
    expect(result.usage.latencyMs).toBeLessThanOrEqual(elapsed + 1);
    expect(result.samples.every((s) => s.truncated && s.finishReason === "length")).toBe(true);
  });
});
