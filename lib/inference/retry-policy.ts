/**
 * When to retry a model call and how long to wait. Retried: network failures, timeouts,
 * 408/409/429/5xx and answers that are not valid completions (a flaky server's cut-off JSON).
 * Never retried: 400/401/403/404/422 and cancellation, which another try cannot fix.
 * Waits grow exponentially with jitter ("equal jitter": half fixed, half random), and a server's
 * Retry-After is honored (plus a little jitter, so waiting callers do not return all at once).
 */
import { InferenceError } from "./errors";

const RETRYABLE_STATUSES = new Set([408, 409, 429]);

export function isRetryable(error: unknown): boolean {
  if (!(error instanceof InferenceError)) return false;
  if (error.kind === "canceled") return false;
  if (error.status !== undefined) return RETRYABLE_STATUSES.has(error.status) || error.status >= 500;
  return error.kind === "unreachable" || error.kind === "timeout" || error.kind === "bad_response";
}

export type BackoffOptions = { baseDelayMs: number; maxDelayMs: number; random: () => number };

/** Wait before attempt `attempt + 1` (attempt counts from 0). */
export function retryDelayMs(error: unknown, attempt: number, options: BackoffOptions): number {
  const retryAfter = error instanceof InferenceError ? error.retryAfterSeconds : undefined;
  if (retryAfter !== undefined) return Math.min(5 * 60_000, retryAfter * 1000 + options.random() * 250);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return ceiling / 2 + options.random() * (ceiling / 2);
}
