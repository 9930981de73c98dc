// Exports of a run: config (JSON, importable to clone the run), summary (Markdown report),
// judgments and eval (an iteration's judgments or eval results per item, JSONL or CSV).
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { exportEvalJudgmentsPage, exportJudgmentsPage } from "@/lib/db/queries/exports";
import { getRunById } from "@/lib/db/queries/runs";
import { getIteration } from "@/lib/db/queries/run-work";
import { runSummaryMarkdown } from "@/lib/exports/summary-report";
import { streamRows } from "@/lib/exports/tabular";
import { runView } from "@/lib/runs/run-view";
import { describeIssues } from "@/lib/validation";

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
  if (!query.success) return Response.json({ error: describeIssues(query.error) }, { status: 400 });
  const db = getDb();
  const run = /^\d+$/.test(id) ? getRunById(db, Number(id)) : undefined;
  if (!run) return Response.json({ error: `No run ${id}` }, { status: 404 });

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
    return Response.json({ error: `Unknown export "${kind}" (config, summary, judgments, eval)` }, { status: 404 });
  if (query.data.iteration === undefined) return Response.json({ error: "iteration is required" }, { status: 400 });
  const iteration = getIteration(db, run.id, query.data.iteration);
  if (!iteration) return Response.json({ error: `No iteration ${query.data.iteration} in run ${run.id}` }, { status: 404 });
  const { format } = query.data;
  const type = format === "csv" ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8";
  const { pairs, items } = query.data;
  const marked = (kind === "judgments" ? pairs : items) ? "-marked" : "";
  const name = `run-${run.id}-iteration-${iteration.index}-${kind === "eval" ? "eval-results" : "judgments"}${marked}.${format}`;
  const stream =
    kind === "judgments"
      ? streamRows((afterId) => exportJudgmentsPage(db, iteration.id, afterId, 1000, pairs), format)
      : streamRows((afterId) => exportEvalJudgmentsPage(db, iteration.id, afterId, 1000, items), format);
  return new Response(stream, { headers: attachment(name, type) });
}
