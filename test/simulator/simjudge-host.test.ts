// The standalone SimJudge answers like the app does: a request naming a foreign host (a
// DNS-rebinding page's) is refused with 421 and the setting to change; 127.0.0.1 and localhost work.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimJudge, type TestSimJudge } from "../helpers/simjudge";

let sim: TestSimJudge;
beforeAll(async () => {
  sim = await startSimJudge();
});
afterAll(async () => {
  await sim.close();
});

function get(path: string, host: string): Promise<{ status: number; body: string }> {
  const url = new URL(sim.url);
  return new Promise((resolve, reject) => {
    http
      .get({ hostname: url.hostname, port: url.port, path, headers: { host } }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

describe("standalone SimJudge and the Host header", () => {
  it("refuses a foreign host and serves the loopback names", async () => {
    const port = new URL(sim.url).port;
    const foreign = await get("/v1/models", `evil.example:${port}`);
    expect(foreign.status).toBe(421);
    expect(foreign.body).toMatch(/"evil\.example".*JUDGE_LAB_ALLOWED_HOSTS/);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const ok = await get("/v1/models", host);
      expect(ok.status, host).toBe(200);
      expect(JSON.parse(ok.body).data.map((m: { id: string }) => m.id)).toContain("simjudge-base");
    }
  });
});
