// The upload route is not behind the proxy (Next.js would buffer and cut its body), so it makes
// the proxy's checks itself: a foreign Host gets 421, a missing or wrong token 401, the token passes.
import { afterEach, describe, expect, it } from "vitest";
import { routeRefusal } from "@/lib/access/gate";

const upload = (headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/datasets/upload?filename=a.jsonl", { method: "POST", headers, body: "{}" });

afterEach(() => {
  delete process.env.JUDGE_LAB_TOKEN;
});

describe("the upload route's own gate", () => {
  it("refuses a foreign Host with 421 and its reason", async () => {
    const refused = routeRefusal(upload({ host: "evil.example:3000" }));
    expect(refused?.status).toBe(421);
    expect(await refused!.text()).toMatch(/evil\.example/);
  });

  it("lets a loopback request through when no token is configured", () => {
    expect(routeRefusal(upload({ host: "127.0.0.1:3000" }))).toBeNull();
  });

  it("with JUDGE_LAB_TOKEN, refuses no token or a wrong one with 401 and accepts the bearer token or the sign-in cookie", async () => {
    process.env.JUDGE_LAB_TOKEN = "s3cret-token-value";
    const none = routeRefusal(upload({ host: "127.0.0.1:3000" }));
    expect(none?.status).toBe(401);
    expect((await none!.json()).code).toBe("unauthorized:access");
    expect(routeRefusal(upload({ host: "127.0.0.1:3000", authorization: "Bearer wrong" }))?.status).toBe(401);
    expect(routeRefusal(upload({ host: "127.0.0.1:3000", authorization: "Bearer s3cret-token-value" }))).toBeNull();
    expect(routeRefusal(upload({ host: "127.0.0.1:3000", cookie: "other=1; judge_lab_token=s3cret-token-value" }))).toBeNull();
  });
});
