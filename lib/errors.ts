/**
 * One vocabulary of errors for people. A code has the form `kind:surface` (`not_found:backend`,
 * `conflict:backend`); this file maps each kind to an HTTP status and decides whether its message
 * may be shown in the browser. Server actions and route handlers answer a failure in one shape,
 * `{ok: false, code, message, fieldErrors?}` (routes with the kind's HTTP status). Messages never
 * contain secrets (API keys are never read into them).
 */
import { describeStorageError } from "@/lib/storage-errors";

export type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "not_found"
  | "conflict"
  | "too_large"
  | "unsupported"
  | "too_many_requests"
  | "unavailable"
  | "internal";
export type ErrorSurface = "backend" | "dataset" | "run" | "database" | "action" | "access" | "export" | "job" | "labels";
export type ErrorCode = `${ErrorKind}:${ErrorSurface}`;

const statusByKind: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
};

/** Internal errors are logged in full but shown to the browser only as a generic sentence. */
const visibleKinds = new Set<ErrorKind>([
  "bad_request",
  "unauthorized",
  "not_found",
  "conflict",
  "too_large",
  "unsupported",
  "too_many_requests",
  "unavailable",
]);

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Field path -> message, for form errors ("baseUrls.1": "Enter a full URL ..."). */
  readonly fieldErrors?: Record<string, string>;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; fieldErrors?: Record<string, string> }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
  }

  get kind(): ErrorKind {
    return this.code.split(":")[0] as ErrorKind;
  }

  get status(): number {
    return statusByKind[this.kind];
  }
}

/** What a server action returns: data on success, a code and a message for people otherwise. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };

/** Turn anything thrown inside an action into an ActionResult, logging what people do not see. */
export function toActionError(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof AppError && visibleKinds.has(error.kind)) {
    return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  }
  console.error("[judge-lab] action failed:", error);
  const storage = describeStorageError(error);
  if (storage)
    return { ok: false, code: "unavailable:database", message: storage.replace(/, then resume the run\.$/, ", then try again.") };
  return {
    ok: false,
    code: "internal:action",
    message: "Something went wrong on the server. The server log has the details.",
  };
}

export type ErrorReply = Extract<ActionResult<never>, { ok: false }>;

/** What the browser shows when an action or a route cannot be reached at all. */
export const SERVER_UNREACHABLE = "The server could not be reached. Is Judge Lab still running?";
export const UNREACHABLE_REPLY: ErrorReply = { ok: false, code: "unavailable:action", message: SERVER_UNREACHABLE };

const statusOf = (code: ErrorCode) => statusByKind[code.split(":")[0] as ErrorKind] ?? 500;

/** A route handler's answer to anything thrown: the reply an action would give, with the kind's HTTP status. */
export function toResponse(error: unknown, headers: Record<string, string> = {}): Response {
  const reply = toActionError(error);
  return Response.json(reply, { status: statusOf(reply.code), headers });
}

/** A route handler's answer to a failure it names itself (bad query, unknown id, …). */
export function errorResponse(
  code: ErrorCode,
  message: string,
  options: { fieldErrors?: Record<string, string>; headers?: Record<string, string> } = {},
): Response {
  const reply: ErrorReply = { ok: false, code, message, ...(options.fieldErrors ? { fieldErrors: options.fieldErrors } : {}) };
  return Response.json(reply, { status: statusOf(code), headers: options.headers });
}
