/**
 * Runs a SimJudge core as a standalone HTTP server (node:http), under /v1. Used by
 * `npm run simjudge`, the benchmarks and the tests. Implements the "hang" (never answer) and
 * "drop" (cut the connection mid-body) faults on real sockets. Like the app, it answers only
 * requests naming an allowed host (see lib/access/host-allowlist.ts).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { hostAllowlist, hostRefusalMessage, isAllowedHost } from "@/lib/access/host-allowlist";
import type { SimJudge } from "./server";

export type RunningSimJudge = { url: string; port: number; close: () => Promise<void> };

const MAX_BODY_BYTES = 256 * 1024 * 1024;

export async function listenSimJudge(sim: SimJudge, options: { port?: number; host?: string } = {}): Promise<RunningSimJudge> {
  const allowlist = hostAllowlist(process.env, options.host);
  const server = http.createServer(async (req, res) => {
    if (!isAllowedHost(req.headers.host, allowlist)) {
      res.writeHead(421, { "content-type": "text/plain; charset=utf-8" }).end(hostRefusalMessage(req.headers.host));
      return;
    }
    const url = req.url ?? "/";
    const pathname = url.split("?")[0] ?? "/";
    if (!pathname.startsWith("/v1/") && pathname !== "/v1") {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: "SimJudge serves the OpenAI API under /v1", type: "invalid_request_error" } }));
      return;
    }
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) {
        res
          .writeHead(413, { "content-type": "application/json" })
          .end(JSON.stringify({ error: { message: "Request body too large", type: "invalid_request_error" } }));
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    const answer = await sim.handle({
      method: req.method ?? "GET",
      path: pathname.slice(3) || "/",
      headers,
      body: Buffer.concat(chunks),
      signal: abort.signal,
    });
    if (answer.kind === "hang") return; // the client times out; closing the server destroys the socket
    if (answer.kind === "drop") {
      res.writeHead(answer.status, answer.headers);
      res.write(answer.partialBody, () => res.socket?.destroy());
      return;
    }
    res.writeHead(answer.status, answer.headers).end(answer.body);
  });
  server.keepAliveTimeout = 60_000;
  server.maxRequestsPerSocket = 0;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" && options.host !== "::" ? options.host : "127.0.0.1";
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/v1`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
