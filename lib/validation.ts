/**
 * Turns zod issues into messages that name the field: a map for forms ("baseUrls.1" -> message)
 * and one line per issue for logs, the CLI and API errors ("baseUrls.1: Enter a full URL ...").
 */
import type { z } from "zod";

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
