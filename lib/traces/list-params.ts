/**
 * The trace lists' state as it lives in the URL (?iteration=&outcome=&majority=&filter=&category=
 * &order=&q=&sort=&page= and, for eval items, &set=&subset=): parsed with zod so a hand-edited or
 * stale link falls back to defaults field by field instead of failing, and written back the same way.
 */
import { z } from "zod";
import type { GroupFilters, GroupSort } from "@/lib/db/queries/traces";
import { optionalParam as optional, parseSearch, searchString, type SearchParams } from "./url-state";

export const GROUP_SORTS = ["pair", "correct-asc", "correct-desc"] as const;

const listParamsSchema = z.object({
  iteration: optional(z.coerce.number().int().min(0).max(1000)),
  set: optional(z.coerce.number().int().positive()),
  outcome: optional(z.enum(["correct", "wrong", "tie", "unparsed"])),
  majority: optional(z.enum(["correct", "wrong", "none"])),
  filter: optional(z.enum(["kept", "not_kept", "wrong", "surplus", "below_majority", "balanced_out", "no_rejected"])),
  category: optional(z.string().trim().min(1).max(200)),
  subset: optional(z.string().trim().min(1).max(200)),
  order: optional(z.enum(["A", "B"])),
  q: optional(z.string().trim().min(1).max(200)),
  sort: z.enum(GROUP_SORTS).catch("pair").default("pair"),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});

export type ListParams = z.infer<typeof listParamsSchema>;

export const parseListParams = (search: SearchParams): ListParams => parseSearch(listParamsSchema, search);

export function groupFilters(params: ListParams): GroupFilters {
  return {
    outcome: params.outcome,
    majority: params.majority,
    filter: params.filter,
    category: params.category,
    subset: params.subset,
    order: params.order,
    query: params.q,
  };
}

export const groupSort = (params: ListParams): GroupSort => params.sort;

/** The query string for a list view: only what differs from the defaults. */
export const listSearch = (params: Partial<ListParams>): string => searchString(params, { sort: "pair", page: 1 });

/** True when any filter narrows the list (for "no match" versus "nothing yet" empty states). */
export const hasFilters = (params: ListParams) =>
  Boolean(params.outcome || params.majority || params.filter || params.category || params.subset || params.order || params.q);
