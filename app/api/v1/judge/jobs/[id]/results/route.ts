// GET /api/v1/judge/jobs/<id>/results: the job's item results as JSON Lines, one item per line in
// item order, streamed a page at a time (only the items finished so far while the job runs).
// 404 for an unknown id.
import { gatedRoute } from "@/lib/access/gate";
import { getDb } from "@/lib/db/client";
import { exportJobItemsPage, type ExportedJobItem } from "@/lib/db/queries/judge-job-views";
import { getJudgeJob } from "@/lib/db/queries/judge-jobs";
import { errorResponse } from "@/lib/errors";
import { responseLetter } from "@/lib/pipeline/jobs/item-plan";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 500;

const flag = (value: number | null) => (value === null ? null : value === 1);

/** A stored label ("0", "1", …, "tie") as the API writes labels: a response's letter or "tie". */
const labelLetter = (label: string | null) => (label === null || label === "tie" ? label : responseLetter(Number(label)));

function resultLine(row: ExportedJobItem) {
  return {
    item_id: row.item_id,
    id: row.source_id,
    category: row.category,
    prompt: row.prompt,
    responses: JSON.parse(row.responses) as string[],
    label: labelLetter(row.label),
    verdict: row.verdict,
    best: row.best,
    ranking: row.ranking === null ? null : (JSON.parse(row.ranking) as number[]),
    vote_share: row.vote_share,
    consistent: flag(row.consistent),
    agrees: flag(row.agrees),
    votes: { first: row.votes_first, second: row.votes_second, tie: row.votes_tie, unparsed: row.votes_unparsed },
  };
}

export const GET = gatedRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
  const { id } = await params;
  const db = getDb();
  const job = /^\d+$/.test(id) ? getJudgeJob(db, Number(id)) : undefined;
  if (!job) return errorResponse("not_found:job", `No judge job ${id}`, { headers: { "cache-control": "no-store" } });
  const encoder = new TextEncoder();
  let afterItemId = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const page = exportJobItemsPage(db, job.id, afterItemId, PAGE_SIZE);
      if (page.length === 0) {
        controller.close();
        return;
      }
      afterItemId = page.at(-1)!.item_id;
      controller.enqueue(encoder.encode(page.map((row) => JSON.stringify(resultLine(row))).join("\n") + "\n"));
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "application/jsonl; charset=utf-8",
      "content-disposition": `inline; filename="judge-job-${job.id}-results.jsonl"`,
      "cache-control": "no-store",
    },
  });
});
