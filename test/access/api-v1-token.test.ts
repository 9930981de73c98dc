// The judging API (/api/v1/...) is behind JUDGE_LAB_TOKEN like every other route: without the token
// each endpoint is refused (proxy.ts answers 401), never sent to the sign-in page, even when the
// caller asks for HTML; with it as a bearer token (or the sign-in cookie) it is let through.
import { describe, expect, it } from "vitest";
import { decideAccess, type AccessRequest } from "@/lib/access/token";

const TOKEN = "s3cret-token";
const ENDPOINTS = [
  ["POST", "/api/v1/judge"],
  ["POST", "/api/v1/judge/batch"],
  ["GET", "/api/v1/judge/jobs/1"],
  ["GET", "/api/v1/judge/jobs/1/results"],
  ["GET", "/api/v1/openapi.json"],
] as const;

const call = (method: string, pathname: string, extra: Partial<AccessRequest> = {}): AccessRequest => ({
  pathname,
  method,
  cookie: undefined,
  authorization: null,
  wantsPage: false,
  ...extra,
});

describe("the judging API and the access token", () => {
  it("refuses every /api/v1 endpoint without the token, or with a wrong one", () => {
    for (const [method, path] of ENDPOINTS) {
      expect(decideAccess(call(method, path), TOKEN)).toEqual({ kind: "deny" });
      expect(decideAccess(call(method, path, { authorization: "Bearer s3cret-toke" }), TOKEN)).toEqual({ kind: "deny" });
      expect(decideAccess(call(method, path, { authorization: TOKEN }), TOKEN)).toEqual({ kind: "deny" });
    }
    // A POST that says it wants HTML is still refused, not redirected to sign-in.
    expect(decideAccess(call("POST", "/api/v1/judge", { wantsPage: true }), TOKEN)).toEqual({ kind: "deny" });
  });

  it("lets every /api/v1 endpoint through with the bearer token or the sign-in cookie", () => {
    for (const [method, path] of ENDPOINTS) {
      expect(decideAccess(call(method, path, { authorization: `Bearer ${TOKEN}` }), TOKEN)).toEqual({ kind: "allow" });
      expect(decideAccess(call(method, path, { cookie: TOKEN }), TOKEN)).toEqual({ kind: "allow" });
    }
  });

  it("lets everything through when no token is configured", () => {
    for (const [method, path] of ENDPOINTS) expect(decideAccess(call(method, path), null)).toEqual({ kind: "allow" });
  });
});
