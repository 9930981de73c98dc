/**
 * A judge job page's state as it lives in the URL (?verdict=&category=&agreement=&inconsistent=
 * &q=&page= and ?vs= for the job it is compared with), parsed with zod so a stale or hand-edited
 * link falls back to defaults field by field instead of failing.
 */
import { z } from "zod";
import type { JobItemFilters } from "@/lib/db/queries/judge-job-views";
import { optionalParam as optional, parseSearch, searchString, type SearchParams } from "@/lib/traces/url-state";

const jobParamsSchema = z.object({
  verdict: optional(z.string().trim().min(1).max(20)),
  category: optional(z.string().trim().min(1).max(200)),
  agreement: optional(z.enum(["agree", "disagree"])),
  inconsistent: optional(z.enum(["1"])),
  q: optional(z.string().trim().min(1).max(200)),
  vs: optional(z.coerce.number().int().positive()),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
  diffPage: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});

export type JobParams = z.infer<typeof jobParamsSchema>;

export const parseJobParams = (search: SearchParams): JobParams => parseSearch(jobParamsSchema, search);

export function jobItemFilters(params: JobParams): JobItemFilters {
  return {
    verdict: params.verdict,
    category: params.category,
    agreement: params.agreement,
    inconsistent: params.inconsistent === "1",
    query: params.q,
  };
}

export const jobSearch = (params: Partial<JobParams>): string => searchString(params, { page: 1, diffPage: 1 });

export const hasJobFilters = (p: JobParams) => Boolean(p.verdict || p.category || p.agreement || p.inconsistent || p.q);
