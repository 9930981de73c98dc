/**
 * The judging listener: `POST /api/v1/judge` on a port of its own (JUDGE_LAB_API_PORT), served by
 * a plain node:http server inside the app's process, beside Next.js. A caller that asks for a
 * judgment per step (a reward signal in an RL loop) saves Next.js's routing on every call, a few
 * milliseconds; the answer, the refusals and the access gate are the route's own, since both call
 * the same handler (judge-route.ts). Off unless the variable is set; it listens on the app's host.
 */
import http from "node:http";
import { Readable } from "node:stream";
import { z } from "zod";
import { handleJudgeRequest } from "./judge-route";

export const API_PORT_VARIABLE = "JUDGE_LAB_API_PORT";
export const JUDGE_PATH = "/api/v1/judge";

const portSchema = z.coerce.number().int().min(0).max(65_535);

/** The port JUDGE_LAB_API_PORT asks for: null when unset, an Error naming the variable when it is not a port. */
export function configuredApiPort(env: Record<string, string | undefined>): number | null | Error {
  const raw = env[API_PORT_VARIABLE]?.trim();
  if (!raw) return null;
  const parsed = portSchema.safeParse(raw);
  return parsed.success ? parsed.data : new Error(`${API_PORT_VARIABLE}="${raw}" is not a port number (0-65535)`);
}

function headersOf(message: http.IncomingMessage): Headers {
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

function plainReply(res: http.ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  const body = JSON.stringify({ ok: false, code: status === 404 ? "not_found:api" : "bad_request:api", message });
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...extra });
  res.end(body);
}

async function serve(req: http.IncomingMessage, res: http.ServerResponse, origin: string): Promise<void> {
  const path = (req.url ?? "/").split("?")[0];
  if (path !== JUDGE_PATH)
    return plainReply(
      res,
      404,
      `This port serves only POST ${JUDGE_PATH}; the rest of Judge Lab (pages, other API routes) is on the app's own port`,
    );
  if (req.method !== "POST") return plainReply(res, 405, `${JUDGE_PATH} takes POST with a JSON body`, { allow: "POST" });
  // A caller that hangs up stops the judgment: its backend calls are aborted, as in the route.
  const abort = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  const request = new Request(`${origin}${req.url}`, {
    method: "POST",
    headers: headersOf(req),
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: "half",
    signal: abort.signal,
  } as RequestInit);
  const response = await handleJudgeRequest(request);
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  headers["content-length"] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}

export type ApiListener = { port: number; close(): Promise<void> };

/**
 * Starts the listener on host:port (port 0: any free port) and resolves once it listens. The
 * request URL the handler sees names this address; the gate checks the caller's Host header.
 */
export function startJudgeApiListener(host: string, port: number): Promise<ApiListener> {
  let origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const server = http.createServer((req, res) => {
    serve(req, res, origin).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      plainReply(res, 500, `The judging listener failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.keepAliveTimeout = 65_000; // longer than a typical client pool's idle time, so a kept-alive socket is not cut under it
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const bound = (server.address() as import("node:net").AddressInfo).port;
      origin = `http://${host.includes(":") ? `[${host}]` : host}:${bound}`;
      resolve({ port: bound, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
