// The judging listener (JUDGE_LAB_API_PORT): a real node:http server on a random port, in front of
// a real SimJudge and SQLite file. It answers POST /api/v1/judge exactly as the Next.js route does
// (same verdict and traces for the same request), refuses what the route refuses (bad body, foreign
// host, missing token), says so for any other path or method, and a bad port setting is named.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { configuredApiPort, startJudgeApiListener, type ApiListener } from "@/lib/judge-jobs/api-listener";
import type { JudgeAnswer } from "@/lib/judge-jobs/judge-now";
import * as judgeRoute from "@/app/api/v1/judge/route";
import { simRunSuite } from "../helpers/sim-run-suite";

const suite = simRunSuite();
const globalDb = globalThis as unknown as { judgeLabDb?: { file: string; db: Db } };
let previousUrl: string | undefined;
let listener: ApiListener;

beforeAll(async () => {
  previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = suite.temp.file;
  listener = await startJudgeApiListener("127.0.0.1", 0);
});

afterAll(async () => {
  await listener.close();
  globalDb.judgeLabDb?.db.$client.close();
  delete globalDb.judgeLabDb;
  if (previousUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = previousUrl;
});

/** A raw HTTP call (node:http lets a test send any Host header, which fetch does not). */
function call(options: { method?: string; path?: string; body?: string; headers?: Record<string, string> }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; json: Record<string, unknown> }>((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: listener.port,
        method: options.method ?? "POST",
        path: options.path ?? "/api/v1/judge",
        headers: { "content-type": "application/json", ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: Record<string, unknown>;
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            json = { text };
          }
          resolve({ status: res.statusCode!, headers: res.headers, json });
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const BODY = {
  judge: "model:sim:simjudge-base",
  prompt: "Explain why the sky looks blue during the day.",
  responses: [
    "Rayleigh scattering: air molecules scatter short blue wavelengths far more than red ones.",
    "Because it reflects the ocean.",
  ],
  both_orders: true,
};

describe("judging listener", () => {
  it("answers POST /api/v1/judge with the same judgment as the Next.js route", async () => {
    const viaListener = await call({ body: JSON.stringify(BODY) });
    expect(viaListener.status).toBe(200);
    expect(viaListener.headers["cache-control"]).toBe("no-store");
    const viaRoute = (await (
      await judgeRoute.POST(
        new Request("http://localhost/api/v1/judge", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(BODY),
        }),
      )
    ).json()) as JudgeAnswer;
    const answer = viaListener.json as unknown as JudgeAnswer;
    expect(answer.verdict).toBe(viaRoute.verdict);
    expect(answer.comparisons[0]!.judgments.map((j) => j.trace)).toEqual(viaRoute.comparisons[0]!.judgments.map((j) => j.trace));
    expect(answer.usage).toEqual(viaRoute.usage);
  });

  it("refuses a bad body naming the field, and keeps serving", async () => {
    const refused = await call({ body: JSON.stringify({ ...BODY, responses: ["only one"] }) });
    expect(refused.status).toBe(400);
    expect((refused.json.fieldErrors as Record<string, string>).responses).toMatch(/at least 2/);
    const notJson = await call({ body: "{not json" });
    expect(notJson.status).toBe(400);
    expect(notJson.json.message).toMatch(/not valid JSON/);
    expect((await call({ body: JSON.stringify(BODY) })).status).toBe(200);
  });

  it("says which path it serves and which method it takes", async () => {
    const other = await call({ method: "GET", path: "/api/v1/openapi.json" });
    expect(other.status).toBe(404);
    expect(other.json.message).toMatch(/only POST \/api\/v1\/judge/);
    const get = await call({ method: "GET" });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe("POST");
  });

  it("applies the app's gate: a foreign Host is refused, and with JUDGE_LAB_TOKEN set the token is required", async () => {
    const foreign = await call({ body: JSON.stringify(BODY), headers: { host: "rebind.example:80" } });
    expect(foreign.status).toBe(421);
    process.env.JUDGE_LAB_TOKEN = "listener-secret";
    try {
      const anonymous = await call({ body: JSON.stringify(BODY) });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers["www-authenticate"]).toMatch(/Bearer/);
      const signed = await call({ body: JSON.stringify(BODY), headers: { authorization: "Bearer listener-secret" } });
      expect(signed.status).toBe(200);
    } finally {
      delete process.env.JUDGE_LAB_TOKEN;
    }
  });

  it("reads JUDGE_LAB_API_PORT: unset is off, a number is the port, anything else is named", () => {
    expect(configuredApiPort({})).toBeNull();
    expect(configuredApiPort({ JUDGE_LAB_API_PORT: " 8123 " })).toBe(8123);
    const bad = configuredApiPort({ JUDGE_LAB_API_PORT: "eighty" });
    expect(bad).toBeInstanceOf(Error);
    expect((bad as Error).message).toMatch(/JUDGE_LAB_API_PORT="eighty" is not a port number/);
    expect(configuredApiPort({ JUDGE_LAB_API_PORT: "70000" })).toBeInstanceOf(Error);
  });
});
