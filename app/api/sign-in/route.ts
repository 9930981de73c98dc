// The sign-in form's endpoint: checks the access token (in constant time), throttles wrong guesses
// per client address (429 with Retry-After), and on success keeps the token in an http-only cookie.
// JSON only, so another site's page cannot post to it without a CORS preflight this server refuses.
import { z } from "zod";
import { clientAddress, signInThrottle } from "@/lib/access/sign-in-throttle";
import { configuredToken, sameSecret, TOKEN_COOKIE } from "@/lib/access/token";
import { errorResponse } from "@/lib/errors";
import { describeIssues, fieldErrorsOf } from "@/lib/validation";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ token: z.string().max(4096), next: z.string().max(2048).default("/runs") });

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function tooMany(waitMs: number): Response {
  const wait = seconds(waitMs);
  return errorResponse("too_many_requests:access", `Too many wrong tokens from your address. Try again in ${wait} s.`, {
    headers: { "retry-after": String(wait) },
  });
}

/** Only paths on this site, never another origin. */
function safeNext(next: string): string {
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/runs";
}

export async function POST(request: Request): Promise<Response> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json"))
    return errorResponse("unsupported:access", 'Send the token as JSON: {"token": "…"}');
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return errorResponse("bad_request:access", describeIssues(body.error), { fieldErrors: fieldErrorsOf(body.error) });
  const expected = configuredToken();
  if (expected === null) return Response.json({ next: safeNext(body.data.next) });

  const throttle = signInThrottle();
  const address = clientAddress(request.headers);
  const wait = throttle.retryAfterMs(address);
  if (wait > 0) return tooMany(wait);
  if (!sameSecret(body.data.token.trim(), expected)) {
    const lock = throttle.recordFailure(address);
    const wrong = "That is not this Judge Lab's access token";
    if (lock === 0) return errorResponse("unauthorized:access", wrong);
    // This failure started a lock: say so now; the next attempt within it gets 429.
    return errorResponse(
      "unauthorized:access",
      `${wrong}. Too many wrong tokens from your address: wait ${seconds(lock)} s before trying again.`,
      {
        headers: { "retry-after": String(seconds(lock)) },
      },
    );
  }
  throttle.recordSuccess(address);
  const response = Response.json({ next: safeNext(body.data.next) });
  const cookie = [
    `${TOKEN_COOKIE}=${encodeURIComponent(expected)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${60 * 60 * 24 * 30}`,
  ];
  response.headers.append("set-cookie", cookie.join("; "));
  return response;
}
