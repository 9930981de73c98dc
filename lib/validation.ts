/**
 * Turns zod issues into messages that name the field: a map for forms ("baseUrls.1" -> message)
 * and one line per issue for logs, the CLI and API errors ("baseUrls.1: Enter a full URL ..."), and
 * the refusal an action or route throws for input its schema rejects.
 */
import type { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors";

export function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join(".") || "(input)";
}

/** The first message for each field path. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issuePath(issue);
    fields[key] ??= issue.message;
  }
  return fields;
}

/** One "field: message" per field (its first issue), joined for a single line. */
export function describeIssues(error: z.ZodError): string {
  return Object.entries(fieldErrorsOf(error))
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
}

/** `input` parsed by `schema`, or an AppError with `code` whose message starts with `what` and names every field. */
export function parseOrRefuse<T>(schema: z.ZodType<T>, input: unknown, what: string, code: ErrorCode): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError(code, `${what}: ${describeIssues(parsed.error)}`, { fieldErrors: fieldErrorsOf(parsed.error) });
  return parsed.data;
}
