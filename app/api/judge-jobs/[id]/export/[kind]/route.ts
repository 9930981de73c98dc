// Exports of a judge job, streamed a page at a time: item results (items.jsonl / items.csv: the
// prompt, the responses, the label, the verdict, the ranking, vote share and consistency) and
// every sampled judgment with its trace (judgments.jsonl / judgments.csv).
import { getDb } from "@/lib/db/client";
import { getJudgeJob } from "@/lib/db/queries/judge-jobs";
import { exportJobItemsPage } from "@/lib/db/queries/judge-job-views";
import { exportSampledJudgmentsPage } from "@/lib/db/queries/sampled-judgments";
import { errorResponse } from "@/lib/errors";
import { streamRows } from "@/lib/exports/tabular";

export const dynamic = "force-dynamic";

const PAGE = 1000;
const KINDS = ["items.jsonl", "items.csv", "judgments.jsonl", "judgments.csv"] as const;

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; kind: string }> }): Promise<Response> {
  const { id, kind } = await params;
  const db = getDb();
  const job = /^\d+$/.test(id) ? getJudgeJob(db, Number(id)) : undefined;
  if (!job) return errorResponse("not_found:job", `No judge job ${id}`);
  if (!(KINDS as readonly string[]).includes(kind))
    return errorResponse("not_found:export", `Unknown export "${kind}" (${KINDS.join(", ")})`);
  const [what, format] = kind.split(".") as ["items" | "judgments", "jsonl" | "csv"];
  const body =
    what === "items"
      ? streamRows(
          (after) => exportJobItemsPage(db, job.id, after, PAGE),
          format,
          (row) => row.item_id,
        )
      : streamRows((after) => exportSampledJudgmentsPage(db, "job", job.id, after, PAGE), format);
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="judge-job-${job.id}-${what}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
