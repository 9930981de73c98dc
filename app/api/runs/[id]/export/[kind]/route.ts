// Exports of a run: config (JSON, importable to clone the run), summary (Markdown report),
// judgments and eval (an iteration's judgments or eval results per item, JSONL or CSV).
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { exportSampledJudgmentsPage } from "@/lib/db/queries/sampled-judgments";
import { getRunById } from "@/lib/db/queries/runs";
import { getIteration } from "@/lib/db/queries/run-work";
import { runSummaryMarkdown } from "@/lib/exports/summary-report";
import { streamRows } from "@/lib/exports/tabular";
import { runView } from "@/lib/runs/run-view";
import { errorResponse } from "@/lib/errors";
import { describeIssues, fieldErrorsOf } from "@/lib/validation";

export const dynamic = "force-dynamic";

const idList = (name: string) =>
  z
    .string()
    .regex(/^\d+(,\d+)*$/, { error: `${name} must be a comma-separated list of ids` })
    .transform((text) => [...new Set(text.split(",").map(Number))])
    .refine((ids) => ids.length <= 5000, { error: `${name} may list at most 5,000 ids` });

const querySchema = z.object({
  iteration: z.coerce.number({ error: "iteration must be a number" }).int().min(0).optional(),
  format: z.enum(["jsonl", "csv"]).default("jsonl"),
  pairs: idList("pairs").optional(),
  items: idList("items").optional(),
});

const attachment = (name: string, type: string) => ({
  "content-type": type,
  "content-disposition": `attachment; filename="${name}"`,
  "cache-control": "no-store",
});

export async function GET(request: Request, { params }: { params: Promise<{ id: string; kind: string }> }): Promise<Response> {
  const { id, kind } = await params;
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return errorResponse("bad_request:export", describeIssues(query.error), { fieldErrors: fieldErrorsOf(query.error) });
  const db = getDb();
  const run = /^\d+$/.test(id) ? getRunById(db, Number(id)) : undefined;
  if (!run) return errorResponse("not_found:run", `No run ${id}`);

  if (kind === "config") {
    return new Response(`${JSON.stringify(run.config, null, 2)}\n`, {
      headers: attachment(`run-${run.id}-config.json`, "application/json; charset=utf-8"),
    });
  }
  if (kind === "summary") {
    return new Response(runSummaryMarkdown(runView(db, run.id)!), {
      headers: attachment(`run-${run.id}-summary.md`, "text/markdown; charset=utf-8"),
    });
  }
  if (kind !== "judgments" && kind !== "eval")
    return errorResponse("not_found:export", `Unknown export "${kind}" (config, summary, judgments, eval)`);
  if (query.data.iteration === undefined)
    return errorResponse("bad_request:export", "iteration is required", { fieldErrors: { iteration: "iteration is required" } });
  const iteration = getIteration(db, run.id, query.data.iteration);
  if (!iteration) return errorResponse("not_found:run", `No iteration ${query.data.iteration} in run ${run.id}`);
  const { format } = query.data;
  const type = format === "csv" ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8";
  const { pairs, items } = query.data;
  const marked = (kind === "judgments" ? pairs : items) ? "-marked" : "";
  const name = `run-${run.id}-iteration-${iteration.index}-${kind === "eval" ? "eval-results" : "judgments"}${marked}.${format}`;
  const judgmentKind = kind === "judgments" ? "training" : "eval";
  const subjects = kind === "judgments" ? pairs : items;
  const stream = streamRows((afterId) => exportSampledJudgmentsPage(db, judgmentKind, iteration.id, afterId, 1000, subjects), format);
  return new Response(stream, { headers: attachment(name, type) });
}
