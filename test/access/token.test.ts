// Access decisions with and without JUDGE_LAB_TOKEN: everything passes without it; with it, only
// the sign-in page and static assets pass without the token, pages go to sign-in, and everything
// else (server actions, route handlers, the SimJudge mount) is refused.
import { describe, expect, it } from "vitest";
import { decideAccess, type AccessRequest } from "@/lib/access/token";

const page = (pathname: string, extra: Partial<AccessRequest> = {}): AccessRequest => ({
  pathname,
  method: "GET",
  cookie: undefined,
  authorization: null,
  wantsPage: true,
  ...extra,
});
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

describe("access token", () => {
  it("lets everything through when no token is configured", () => {
    expect(decideAccess(page("/runs"), null)).toEqual({ kind: "allow" });
    expect(decideAccess(page("/api/sim/v1/models", { wantsPage: false }), null)).toEqual({ kind: "allow" });
  });

  it("with a token, sends pages to sign-in and refuses actions, API routes and the SimJudge mount", () => {
    expect(decideAccess(page("/runs"), "s3cret-token")).toEqual({ kind: "sign-in" });
    expect(decideAccess(page("/runs", { method: "POST", wantsPage: false }), "s3cret-token")).toEqual({ kind: "deny" });
    expect(decideAccess(page("/api/runs/1/export/config", { wantsPage: false }), "s3cret-token")).toEqual({ kind: "deny" });
    expect(decideAccess(page("/api/sim/v1/chat/completions", { method: "POST", wantsPage: false }), "s3cret-token")).toEqual({
      kind: "deny",
    });
    expect(decideAccess(page("/login"), "s3cret-token")).toEqual({ kind: "allow" });
    expect(decideAccess(page("/_next/static/chunks/app.js", { wantsPage: false }), "s3cret-token")).toEqual({ kind: "allow" });
  });

  it("accepts the token as cookie, bearer or basic-auth password, and nothing close to it", () => {
    const token = "s3cret-token";
    expect(decideAccess(page("/runs", { cookie: token }), token)).toEqual({ kind: "allow" });
    expect(decideAccess(page("/api/x", { authorization: `Bearer ${token}`, wantsPage: false }), token)).toEqual({ kind: "allow" });
    expect(decideAccess(page("/api/x", { authorization: basic("anyone", token), wantsPage: false }), token)).toEqual({ kind: "allow" });
    for (const wrong of ["s3cret-toke", "s3cret-token ", "S3CRET-TOKEN", ""]) {
      expect(decideAccess(page("/api/x", { cookie: wrong, authorization: `Bearer ${wrong}`, wantsPage: false }), token)).toEqual({
        kind: "deny",
      });
    }
    expect(decideAccess(page("/api/x", { authorization: basic(token, "nope"), wantsPage: false }), token)).toEqual({ kind: "deny" });
  });
});
