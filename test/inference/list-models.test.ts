// "Test connection" against real HTTP servers on localhost: models found, or the error in plain words.
import { afterEach, describe, expect, it } from "vitest";
import { checkConnection, listModels } from "@/lib/inference/list-models";
import { findClosedPort, startHttpServer, type TestServer } from "../helpers/http-server";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  delete process.env.TEST_LIST_MODELS_KEY;
});

async function serve(handler: Parameters<typeof startHttpServer>[0]): Promise<TestServer> {
  const server = await startHttpServer(handler);
  servers.push(server);
  return server;
}

const modelList = (...ids: string[]) =>
  JSON.stringify({ object: "list", data: ids.map((id) => ({ id, object: "model", owned_by: "test" })) });

describe("listModels", () => {
  it("returns the model ids from GET {baseURL}/models", async () => {
    const server = await serve((req, res) => {
      expect(req.url).toBe("/v1/models");
      res.writeHead(200, { "content-type": "application/json" }).end(modelList("llama-3-70b", "judge-v1"));
    });
    await expect(listModels(`${server.url}/v1/`, { apiKeyEnv: null, timeoutMs: 2000 })).resolves.toEqual(["llama-3-70b", "judge-v1"]);
  });

  it("sends the key from the named environment variable as a bearer token", async () => {
    process.env.TEST_LIST_MODELS_KEY = "sentinel-key-123";
    const server = await serve((req, res) => {
      if (req.headers.authorization !== "Bearer sentinel-key-123") return res.writeHead(401).end();
      res.writeHead(200).end(modelList("m"));
    });
    await expect(listModels(`${server.url}/v1`, { apiKeyEnv: "TEST_LIST_MODELS_KEY", timeoutMs: 2000 })).resolves.toEqual(["m"]);
  });

  it("explains a 401 when the key variable is not set, without guessing a key", async () => {
    const server = await serve((_req, res) =>
      res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "Invalid API key" } })),
    );
    const error = await listModels(`${server.url}/v1`, { apiKeyEnv: "TEST_LIST_MODELS_KEY", timeoutMs: 2000 }).catch((e) => e);
    expect(error.kind).toBe("auth");
    expect(error.message).toMatch(/401/);
    expect(error.message).toMatch(/TEST_LIST_MODELS_KEY is not set/);
    expect(error.message).toMatch(/Invalid API key/);
  });

  it("says a key was rejected when it was sent", async () => {
    process.env.TEST_LIST_MODELS_KEY = "wrong";
    const server = await serve((_req, res) => res.writeHead(401).end());
    const error = await listModels(`${server.url}/v1`, { apiKeyEnv: "TEST_LIST_MODELS_KEY", timeoutMs: 2000 }).catch((e) => e);
    expect(error.message).toMatch(/The key in TEST_LIST_MODELS_KEY was rejected/);
    expect(error.message).not.toContain("wrong");
  });

  it("points at the base URL on a 404", async () => {
    const server = await serve((_req, res) => res.writeHead(404).end("Not Found"));
    const error = await listModels(server.url, { apiKeyEnv: null, timeoutMs: 2000 }).catch((e) => e);
    expect(error.kind).toBe("not_found");
    expect(error.message).toMatch(/\/v1/);
  });

  it("reports a server that is not OpenAI-compatible", async () => {
    const html = await serve((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html>router login</html>"));
    const wrongShape = await serve((_req, res) => res.writeHead(200).end(JSON.stringify({ models: ["a"] })));
    await expect(listModels(html.url, { apiKeyEnv: null, timeoutMs: 2000 })).rejects.toMatchObject({
      kind: "bad_response",
      message: expect.stringMatching(/not with JSON/),
    });
    await expect(listModels(wrongShape.url, { apiKeyEnv: null, timeoutMs: 2000 })).rejects.toMatchObject({
      kind: "bad_response",
      message: expect.stringMatching(/model list/),
    });
  });

  it("times out a server that never answers", async () => {
    const server = await serve(() => {
      /* never responds */
    });
    const started = Date.now();
    const error = await listModels(server.url, { apiKeyEnv: null, timeoutMs: 300 }).catch((e) => e);
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/did not answer within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("says a closed port is unreachable", async () => {
    const port = await findClosedPort();
    const error = await listModels(`http://127.0.0.1:${port}/v1`, { apiKeyEnv: null, timeoutMs: 2000 }).catch((e) => e);
    expect(error.kind).toBe("unreachable");
    expect(error.message).toMatch(/connection refused/);
  });

  it("classifies 5xx and 429 with the server's message", async () => {
    const busy = await serve((_req, res) =>
      res.writeHead(429, { "retry-after": "7" }).end(JSON.stringify({ error: { message: "slow down" } })),
    );
    const broken = await serve((_req, res) => res.writeHead(503).end("overloaded"));
    await expect(listModels(busy.url, { apiKeyEnv: null, timeoutMs: 2000 })).rejects.toMatchObject({
      kind: "rate_limited",
      retryAfterSeconds: 7,
    });
    await expect(listModels(broken.url, { apiKeyEnv: null, timeoutMs: 2000 })).rejects.toMatchObject({
      kind: "server_error",
      message: expect.stringMatching(/503.*overloaded/),
    });
  });
});

describe("checkConnection", () => {
  it("checks every replica and reports each one", async () => {
    const good = await serve((_req, res) => res.writeHead(200).end(modelList("m1")));
    const port = await findClosedPort();
    const result = await checkConnection({ baseUrls: [good.url, `http://127.0.0.1:${port}`], apiKeyEnv: null, timeoutMs: 2000 });
    expect(result.replicas).toHaveLength(2);
    expect(result.replicas[0]).toMatchObject({ ok: true, models: ["m1"] });
    expect(result.replicas[1]).toMatchObject({ ok: false, kind: "unreachable" });
  });

  it("warns when the key variable is not set", async () => {
    const good = await serve((_req, res) => res.writeHead(200).end(modelList("m1")));
    const result = await checkConnection({ baseUrls: [good.url], apiKeyEnv: "TEST_LIST_MODELS_KEY", timeoutMs: 2000 });
    expect(result.warning).toMatch(/TEST_LIST_MODELS_KEY is not set/);
  });
});
