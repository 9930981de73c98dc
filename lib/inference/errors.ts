/**
 * Classifies what can go wrong when calling a model server into kinds people understand
 * (unreachable, auth, rate-limited, timeout, ...) with a sentence that says what to check.
 * Messages name hosts, statuses and environment-variable names, never a key's value.
 */
export type InferenceErrorKind =
  | "unreachable"
  | "timeout"
  | "auth"
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "bad_request"
  | "server_error"
  | "bad_response"
  | "canceled";

export class InferenceError extends Error {
  readonly kind: InferenceErrorKind;
  readonly status?: number;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfterSeconds?: number;

  constructor(kind: InferenceErrorKind, message: string, options?: { status?: number; retryAfterSeconds?: number; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "InferenceError";
    this.kind = kind;
    this.status = options?.status;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

const networkCodes: Record<string, string> = {
  ECONNREFUSED: "connection refused: nothing is listening there",
  ECONNRESET: "the connection was reset by the server",
  EHOSTUNREACH: "the host cannot be reached from this server",
  ENETUNREACH: "the network is unreachable from this server",
  EAI_AGAIN: "the host name could not be resolved right now (DNS)",
  ENOTFOUND: "the host name could not be resolved (DNS)",
  UND_ERR_SOCKET: "the connection closed unexpectedly",
  CERT_HAS_EXPIRED: "its TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "its TLS certificate is self-signed",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its TLS certificate cannot be verified",
};

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A fetch that threw (no HTTP answer): network failure, timeout or cancellation. */
export function classifyFetchFailure(error: unknown, context: { url: string; timeoutMs: number; timedOut?: boolean }): InferenceError {
  const { url, timeoutMs } = context;
  const name = error instanceof Error ? error.name : "";
  if (context.timedOut || name === "TimeoutError") {
    return new InferenceError("timeout", `Timed out: ${hostOf(url)} did not answer within ${formatSeconds(timeoutMs)}`, { cause: error });
  }
  if (name === "AbortError") {
    return new InferenceError("canceled", "The request was canceled", { cause: error });
  }
  const code = errorCode(error);
  const reason = (code && networkCodes[code]) ?? (error instanceof Error ? lastCauseMessage(error) : String(error));
  return new InferenceError("unreachable", `Unreachable: ${hostOf(url)}: ${reason}${code && !networkCodes[code] ? ` (${code})` : ""}`, {
    cause: error,
  });
}

/** An HTTP answer that is not a success. `body` is the server's text, used for its own message. */
export function classifyHttpStatus(
  status: number,
  body: string,
  context: { url: string; apiKeyEnv: string | null; apiKeySet: boolean; retryAfter?: string | null },
): InferenceError {
  const serverMessage = extractServerMessage(body);
  const said = serverMessage ? ` The server said: "${serverMessage}"` : "";
  const retryAfterSeconds = parseRetryAfter(context.retryAfter ?? null);
  if (status === 401) {
    const hint = !context.apiKeyEnv
      ? "No API key was sent: set the backend's API key variable."
      : context.apiKeySet
        ? `The key in ${context.apiKeyEnv} was rejected.`
        : `No API key was sent: ${context.apiKeyEnv} is not set in the server's environment.`;
    return new InferenceError("auth", `Authentication failed (401). ${hint}${said}`, { status });
  }
  if (status === 403)
    return new InferenceError("forbidden", `Access denied (403): the key is valid but not allowed here.${said}`, { status });
  if (status === 404) {
    return new InferenceError(
      "not_found",
      `Not found (404) at ${context.url}: check the base URL (OpenAI-compatible servers usually end in /v1).${said}`,
      { status },
    );
  }
  if (status === 429) {
    const wait = retryAfterSeconds !== undefined ? ` It asked to wait ${retryAfterSeconds} s.` : "";
    return new InferenceError("rate_limited", `Rate limited (429).${wait}${said}`, { status, retryAfterSeconds });
  }
  if (status === 408) return new InferenceError("timeout", `The server timed out the request (408).${said}`, { status, retryAfterSeconds });
  if (status >= 500) return new InferenceError("server_error", `Server error (${status}).${said}`, { status, retryAfterSeconds });
  return new InferenceError("bad_request", `Request refused (${status}).${said}`, { status });
}

/** The `error.message` (or `message`, `detail`) of a JSON error body, else the first line of text. */
export function extractServerMessage(body: string): string {
  const text = body.trim();
  if (!text) return "";
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const error = parsed.error;
    const candidate =
      (error && typeof error === "object" ? (error as Record<string, unknown>).message : error) ?? parsed.message ?? parsed.detail;
    if (typeof candidate === "string" && candidate.trim()) return clip(candidate.trim());
  } catch {
    // not JSON: fall through to plain text
  }
  return clip(text.split("\n")[0] ?? "");
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function lastCauseMessage(error: Error): string {
  let current: unknown = error;
  let message = error.message;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    message = current.message || message;
    current = current.cause;
  }
  return message;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
