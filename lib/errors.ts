/**
 * One vocabulary of errors for people. A code has the form `kind:surface` (`not_found:backend`,
 * `conflict:backend`); this file maps each kind to an HTTP status and decides whether its message
 * may be shown in the browser. Messages never contain secrets (API keys are never read into them).
 */
import { describeStorageError } from "@/lib/db/storage-errors";

export type ErrorKind = "bad_request" | "not_found" | "conflict" | "unavailable" | "internal";
export type ErrorSurface = "backend" | "dataset" | "run" | "database" | "action";
export type ErrorCode = `${ErrorKind}:${ErrorSurface}`;

const statusByKind: Record<ErrorKind, number> = {
  bad_request: 400,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

/** Internal errors are logged in full but shown to the browser only as a generic sentence. */
const visibleKinds = new Set<ErrorKind>(["bad_request", "not_found", "conflict", "unavailable"]);

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
