// A small OpenAI-compatible server for end-to-end tests: GET /v1/models answers a fixed list.
// It runs in the test process; the app under test reaches it over real HTTP on localhost.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeOpenAiServer = { baseUrl: string; models: string[]; close: () => Promise<void> };

export async function startFakeOpenAiServer(models: string[]): Promise<FakeOpenAiServer> {
  const server = http.createServer((req, res) => {
    if (req.method === "GET" && req.url === "/v1/models") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ object: "list", data: models.map((id) => ({ id, object: "model", owned_by: "e2e" })) }));
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    models,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A localhost URL where nothing listens: bind a port, then free it. */
export async function deadBaseUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}
