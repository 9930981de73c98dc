/**
 * Optional access control: when JUDGE_LAB_TOKEN is set, every page, server action, route handler
 * and the SimJudge mount need it: as the `judge_lab_token` cookie (set by the sign-in page), as
 * `Authorization: Bearer <token>`, or as the password of HTTP basic auth (any user name). Pure
 * decisions, used by proxy.ts; compared in constant time.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { SIGN_IN_API_PATH, SIGN_IN_PATH } from "./paths";

export { SIGN_IN_API_PATH, SIGN_IN_PATH, TOKEN_COOKIE } from "./paths";

export type AccessDecision = { kind: "allow" } | { kind: "sign-in" } | { kind: "deny" };

export type AccessRequest = {
  pathname: string;
  method: string;
  cookie: string | undefined;
  authorization: string | null;
  /** A page navigation (Accept: text/html) rather than an API call or a server action. */
  wantsPage: boolean;
};

export function configuredToken(env: NodeJS.ProcessEnv = process.env): string | null {
  const token = env.JUDGE_LAB_TOKEN?.trim();
  return token ? token : null;
}

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** Compares digests of equal length, so the time taken says nothing of the secret, not even its length. */
export function sameSecret(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

function credentialOf(authorization: string | null): string | null {
  if (!authorization) return null;
  const space = authorization.indexOf(" ");
  if (space < 0) return null;
  const scheme = authorization.slice(0, space).toLowerCase();
  const value = authorization.slice(space + 1);
  if (scheme === "bearer") return value;
  if (scheme === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 ? decoded.slice(colon + 1) : null;
  }
  return null;
}

export function decideAccess(request: AccessRequest, token: string | null): AccessDecision {
  if (token === null) return { kind: "allow" };
  if (
    request.pathname === SIGN_IN_PATH ||
    request.pathname === SIGN_IN_API_PATH ||
    request.pathname.startsWith("/_next/static/") ||
    request.pathname === "/favicon.ico"
  )
    return { kind: "allow" };
  if (sameSecret(request.cookie, token) || sameSecret(credentialOf(request.authorization), token)) return { kind: "allow" };
  return request.wantsPage && request.method === "GET" ? { kind: "sign-in" } : { kind: "deny" };
}
