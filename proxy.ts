// Runs before every request (Next.js proxy): when JUDGE_LAB_TOKEN is set, requests without the
// token are sent to the sign-in page (page navigations) or refused with 401 (server actions,
// route handlers, the SimJudge mount). Without JUDGE_LAB_TOKEN it lets everything through; the
// server binds to 127.0.0.1 by default either way. See lib/access/token.ts.
import { NextResponse, type NextRequest } from "next/server";
import { configuredToken, decideAccess, SIGN_IN_PATH, TOKEN_COOKIE } from "@/lib/access/token";

export function proxy(request: NextRequest) {
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
  if (decision.kind === "allow") return NextResponse.next();
  if (decision.kind === "sign-in") {
    const url = new URL(SIGN_IN_PATH, request.url);
    url.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(url);
  }
  return NextResponse.json(
    { error: { message: "This Judge Lab needs its access token (JUDGE_LAB_TOKEN): sign in, or send Authorization: Bearer <token>" } },
    { status: 401, headers: { "www-authenticate": 'Bearer realm="judge-lab"' } },
  );
}

export const config = { matcher: "/:path*" };
