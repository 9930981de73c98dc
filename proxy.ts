// Runs before every request (Next.js proxy), in this order:
// 1. the Host allowlist: a request naming a host this server does not answer to is refused (421);
// 2. the access token, when JUDGE_LAB_TOKEN is set: page navigations without it go to the sign-in
//    page, everything else (server actions, route handlers, the SimJudge mount) gets 401;
// 3. the security headers on whatever is answered, with a fresh script nonce for the page
//    (Next.js reads it from the request's policy and puts it on its own script tags).
// The rules are in lib/access/.
import { NextResponse, type NextRequest } from "next/server";
import { hostAllowlist, hostRefusalMessage, isAllowedHost } from "@/lib/access/host-allowlist";
import { contentSecurityPolicy, newNonce, NONCE_HEADER, setSecurityHeaders } from "@/lib/access/security-headers";
import { configuredToken, decideAccess, SIGN_IN_PATH, TOKEN_COOKIE } from "@/lib/access/token";
import type { ErrorReply } from "@/lib/errors";

/** The address `next start -H` was given, as Next.js records it (its app origin), else null. */
function boundHost(): string | null {
  try {
    return process.env.__NEXT_PRIVATE_ORIGIN ? new URL(process.env.__NEXT_PRIVATE_ORIGIN).hostname : null;
  } catch {
    return null;
  }
}

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const host = request.headers.get("host");
  if (!isAllowedHost(host, hostAllowlist(process.env, boundHost()))) {
    return secured(
      new NextResponse(hostRefusalMessage(host), { status: 421, headers: { "content-type": "text/plain; charset=utf-8" } }),
      policy,
    );
  }

  const decision = decideAccess(
    {
      pathname: request.nextUrl.pathname,
      method: request.method,
      cookie: request.cookies.get(TOKEN_COOKIE)?.value,
      authorization: request.headers.get("authorization"),
      wantsPage: (request.headers.get("accept") ?? "").includes("text/html") && !request.headers.has("next-action"),
    },
    configuredToken(),
  );
  if (decision.kind === "sign-in") {
    const url = new URL(SIGN_IN_PATH, request.url);
    url.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return secured(NextResponse.redirect(url), policy);
  }
  if (decision.kind === "deny") {
    return secured(
      NextResponse.json(
        {
          ok: false,
          code: "unauthorized:access",
          message: "This Judge Lab needs its access token (JUDGE_LAB_TOKEN): sign in, or send Authorization: Bearer <token>",
        } satisfies ErrorReply,
        { status: 401, headers: { "www-authenticate": 'Bearer realm="judge-lab"' } },
      ),
      policy,
    );
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set(NONCE_HEADER, nonce);
  return secured(NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

function secured(response: NextResponse, policy: string): NextResponse {
  setSecurityHeaders(response.headers, policy);
  return response;
}

export const config = { matcher: "/:path*" };
