/**
 * The checks every request passes before it is served, for the two places that make them: the
 * Next.js proxy, and the routes it does not run before: the upload route (Next.js would buffer its
 * body in memory, and cut it at 10 MB, to let the proxy read it) and the judging API (the proxy's
 * extra pass costs milliseconds on a path meant to add almost nothing to a judge's latency). A
 * request naming a foreign host is refused (421); without the access token, a page navigation goes
 * to the sign-in page and anything else gets 401.
 */
import type { ErrorReply } from "@/lib/errors";
import { contentSecurityPolicy, newNonce, setSecurityHeaders } from "./security-headers";
import { hostAllowlist, hostRefusalMessage, isAllowedHost } from "./host-allowlist";
import { configuredToken, decideAccess, TOKEN_COOKIE, type AccessDecision } from "./token";

/** The address `next start -H` was given, as Next.js records it (its app origin), else null. */
export function boundHost(): string | null {
  try {
    return process.env.__NEXT_PRIVATE_ORIGIN ? new URL(process.env.__NEXT_PRIVATE_ORIGIN).hostname : null;
  } catch {
    return null;
  }
}

export type GateDecision = { kind: "wrong-host"; message: string } | AccessDecision;

export function gate(request: Request, cookie: string | undefined): GateDecision {
  // A Request built in code (tests, other route handlers) has no Host header; its URL names the host.
  const host = request.headers.get("host") ?? new URL(request.url).host;
  if (!isAllowedHost(host, hostAllowlist(process.env, boundHost()))) return { kind: "wrong-host", message: hostRefusalMessage(host) };
  return decideAccess(
    {
      pathname: new URL(request.url).pathname,
      method: request.method,
      cookie,
      authorization: request.headers.get("authorization"),
      wantsPage: (request.headers.get("accept") ?? "").includes("text/html") && !request.headers.has("next-action"),
    },
    configuredToken(),
  );
}

export const TOKEN_REQUIRED: ErrorReply = {
  ok: false,
  code: "unauthorized:access",
  message: "This Judge Lab needs its access token (JUDGE_LAB_TOKEN): sign in, or send Authorization: Bearer <token>",
};

export const WRONG_HOST_HEADERS = { "content-type": "text/plain; charset=utf-8" };
export const TOKEN_REQUIRED_HEADERS = { "www-authenticate": 'Bearer realm="judge-lab"' };

/** The cookie a plain Request carries under the token's name. */
export function tokenCookie(request: Request): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === TOKEN_COOKIE) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/** For a route the proxy does not run before: the refusal to answer, or null when the request may pass. */
export function routeRefusal(request: Request): Response | null {
  const decision = gate(request, tokenCookie(request));
  if (decision.kind === "wrong-host") return new Response(decision.message, { status: 421, headers: WRONG_HOST_HEADERS });
  if (decision.kind === "allow") return null;
  return Response.json(TOKEN_REQUIRED, { status: 401, headers: TOKEN_REQUIRED_HEADERS });
}

/** A route handler behind its own gate (for the routes the proxy skips), answered with the security headers. */
export function gatedRoute<Rest extends unknown[]>(
  handler: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const response = routeRefusal(request) ?? (await handler(request, ...rest));
    setSecurityHeaders(response.headers, contentSecurityPolicy(newNonce()));
    return response;
  };
}
