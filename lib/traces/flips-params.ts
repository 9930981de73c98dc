// The Flips page's state in the URL (?set=&step=&section=&subset=&direction=&page=), parsed field by field with defaults.
import { z } from "zod";
import { optionalParam, parseSearch, searchString, type SearchParams } from "./url-state";

const flipsSchema = z.object({
  set: optionalParam(z.coerce.number().int().positive()),
  step: optionalParam(z.coerce.number().int().min(1).max(1000)),
  section: optionalParam(z.string().trim().min(1).max(40)),
  subset: optionalParam(z.string().trim().min(1).max(200)),
  direction: z.enum(["all", "improved", "regressed"]).catch("all").default("all"),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});

export type FlipsParams = z.infer<typeof flipsSchema>;

export const flipsParams = (search: SearchParams): FlipsParams => parseSearch(flipsSchema, search);

export const flipsSearch = (params: FlipsParams): string => searchString(params, { direction: "all", page: 1 });
