// Page state in the URL: parse search params with a zod schema whose fields fall back to their
// defaults one by one (a stale or hand-edited link never fails), and write state back leaving out defaults.
import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

/** An optional field that becomes undefined when its value is invalid. */
export const optionalParam = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export function parseSearch<T extends z.ZodType>(schema: T, search: SearchParams): z.infer<T> {
  return schema.parse(Object.fromEntries(Object.entries(search).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
}

/** "?a=1&b=2" for the fields that are set and differ from their defaults ("" when none). */
export function searchString(params: Record<string, unknown>, defaults: Record<string, unknown>): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || defaults[key] === value) continue;
    next.set(key, String(value));
  }
  const text = next.toString();
  return text ? `?${text}` : "";
}
