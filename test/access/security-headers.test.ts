// The Content-Security-Policy: scripts only with this response's nonce (so an inline script from
// model text would not run), no eval outside development, no framing; and the other headers.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, setSecurityHeaders } from "@/lib/access/security-headers";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("security headers", () => {
  it("allow scripts only with the nonce, never inline or eval in production", () => {
    const policy = directives(contentSecurityPolicy("abc123"));
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(directives(contentSecurityPolicy("abc123", { development: true }))["script-src"]).toContain("'unsafe-eval'");
  });

  it("use a fresh unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("set nosniff, no-referrer and deny framing", () => {
    const headers = new Headers();
    setSecurityHeaders(headers, "default-src 'self'");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("no-referrer");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("content-security-policy")).toBe("default-src 'self'");
  });
});
