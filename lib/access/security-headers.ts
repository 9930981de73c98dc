/**
 * The security headers on every response. The Content-Security-Policy lets a page run only the
 * scripts this server sent with the request's nonce (Next.js puts the nonce on its own script tags
 * when it finds it in the request's policy), and whatever those load ('strict-dynamic'): an inline
 * script that got into the page some other way, such as from model text, does not run. No
 * 'unsafe-eval' outside development (React needs it there for its error overlays). Styles may be
 * inline (React style attributes, chart layout); framing by any site is refused.
 */
import { randomBytes } from "node:crypto";

/** The request header that hands the nonce to the root layout (for the theme script). */
export const NONCE_HEADER = "x-nonce";

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers that do not depend on the request. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

export function setSecurityHeaders(headers: Headers, policy: string): void {
  headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) headers.set(name, value);
}
