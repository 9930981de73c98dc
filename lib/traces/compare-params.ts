// The Compare page's state in the URL: ?runs=1,4 (the runs drawn), &judges=1:0,4:3 (the first judge
// is the baseline of the paired deltas, the others are compared with it), &metric=, &ref=paper.
import { z } from "zod";
import { optionalParam, parseSearch, type SearchParams } from "./url-state";

const idList = z
  .string()
  .regex(/^\d+(,\d+)*$/)
  .transform((text) => [...new Set(text.split(",").map(Number))].slice(0, 8));

const judgeList = z
  .string()
  .regex(/^\d+:\d+(,\d+:\d+)*$/)
  .transform((text) =>
    text
      .split(",")
      .slice(0, 6)
      .map((pair) => {
        const [runId, iteration] = pair.split(":").map(Number);
        return { runId: runId!, iteration: iteration! };
      }),
  );

const compareSchema = z.object({
  runs: idList.catch([]).default([]),
  judges: judgeList.catch([]).default([]),
  metric: optionalParam(z.string().trim().min(1).max(200)),
  ref: optionalParam(z.literal("paper")),
});

export type CompareParams = z.infer<typeof compareSchema>;
export type JudgeRef = CompareParams["judges"][number];

export const compareParams = (search: SearchParams): CompareParams => parseSearch(compareSchema, search);

export const judgeKey = (judge: JudgeRef) => `${judge.runId}:${judge.iteration}`;

export function compareSearch(params: CompareParams): string {
  const next = new URLSearchParams();
  if (params.runs.length > 0) next.set("runs", params.runs.join(","));
  if (params.judges.length > 0) next.set("judges", params.judges.map(judgeKey).join(","));
  if (params.metric) next.set("metric", params.metric);
  if (params.ref) next.set("ref", params.ref);
  const text = next.toString();
  return text ? `?${text}` : "";
}
