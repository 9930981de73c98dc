// Runs before every request (Next.js proxy) except the upload route and the judging API, which make
// the same checks themselves (lib/access/gate.ts), in this order:
// 1. the Host allowlist: a request naming a host this server does not answer to is refused (421);
// 2. the access token, when JUDGE_LAB_TOKEN is set: page navigations without it go to the sign-in
//    page, everything else (server actions, route handlers, the SimJudge mount) gets 401;
// 3. the security headers on whatever is answered, with a fresh script nonce for the page
//    (Next.js reads it from the request's policy and puts it on its own script tags).
// The rules are in lib/access/.
import { NextResponse, type NextRequest } from "next/server";
import { gate, TOKEN_REQUIRED, TOKEN_REQUIRED_HEADERS, WRONG_HOST_HEADERS } from "@/lib/access/gate";
import { contentSecurityPolicy, newNonce, NONCE_HEADER, setSecurityHeaders } from "@/lib/access/security-headers";
import { SIGN_IN_PATH, TOKEN_COOKIE } from "@/lib/access/token";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const decision = gate(request, request.cookies.get(TOKEN_COOKIE)?.value);
  if (decision.kind === "wrong-host")
    return secured(new NextResponse(decision.message, { status: 421, headers: WRONG_HOST_HEADERS }), policy);
  if (decision.kind === "sign-in") {
    const url = new URL(SIGN_IN_PATH, request.url);
    url.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return secured(NextResponse.redirect(url), policy);
  }
  if (decision.kind === "deny") return secured(NextResponse.json(TOKEN_REQUIRED, { status: 401, headers: TOKEN_REQUIRED_HEADERS }), policy);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set(NONCE_HEADER, nonce);
  return secured(NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

function secured(response: NextResponse, policy: string): NextResponse {
  setSecurityHeaders(response.headers, policy);
  return response;
}

// Every path but the routes that gate themselves with gatedRoute (lib/access/gate.ts).
export const config = { matcher: "/((?!api/datasets/upload$|api/v1/).*)" };
