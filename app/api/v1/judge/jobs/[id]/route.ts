// GET /api/v1/judge/jobs/<id>: a judge job's status, progress and results so far (the numbers the
// job's page shows, from lib/judge-jobs/job-view.ts, with snake_case keys). 404 for an unknown id.
import { gatedRoute } from "@/lib/access/gate";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { judgeJobView, type JudgeJobView } from "@/lib/judge-jobs/job-view";

export const dynamic = "force-dynamic";

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Plain data with every object key in snake_case (winRateA -> win_rate_a). */
function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [snake(key), snakeKeys(v)]));
}

const isoTime = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function statusReply(view: JudgeJobView) {
  const { job, progress } = view;
  const statusUrl = `/api/v1/judge/jobs/${job.id}`;
  return {
    job_id: job.id,
    name: job.name,
    status: job.status,
    status_reason: job.statusReason,
    judge: job.judge.label,
    dataset: view.dataset.name,
    created_at: isoTime(job.createdAt),
    started_at: isoTime(job.startedAt),
    finished_at: isoTime(job.finishedAt),
    progress: {
      items: job.itemCount,
      items_done: view.done,
      planned_comparisons: job.plannedComparisons,
      planned_judgments: job.plannedJudgments,
      judgments_done: view.judgments,
      tokens: view.tokens,
      rate_per_second: progress?.ratePerSecond ?? null,
      eta_seconds: progress?.etaSeconds ?? null,
    },
    results: snakeKeys({
      pairwise: view.pairwise,
      winRate: view.winRate,
      bestCounts: view.bestCounts,
      agreement: view.agreement,
      bestOfNAccuracy: view.bestOfNAccuracy,
      consistency: view.consistency,
      meanVoteShare: view.meanVoteShare,
      coinFlips: view.coinFlips,
      categories: view.categories,
    }),
    status_url: statusUrl,
    results_url: `${statusUrl}/results`,
    page_url: `/judge/${job.id}`,
  };
}

export const GET = gatedRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
  const { id } = await params;
  const view = /^\d+$/.test(id) ? judgeJobView(getDb(), Number(id)) : null;
  return view
    ? Response.json(statusReply(view), { headers: { "cache-control": "no-store" } })
    : errorResponse("not_found:job", `No judge job ${id}`, { headers: { "cache-control": "no-store" } });
});
