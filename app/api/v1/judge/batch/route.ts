// POST /api/v1/judge/batch: judge many items as a durable judge job. The items are checked all or
// nothing, stored as a "responses" dataset named after the job (the same items sent again reuse
// their dataset) and judged by the server's runner; the answer is 202 with where to follow the job.
// Nothing is stored when the body, the judge or the options are refused (400 naming the field,
// 413 for a body over 8 MB).
import { gatedRoute } from "@/lib/access/gate";
import type { Db } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { deleteDataset } from "@/lib/db/queries/datasets";
import { AppError, toResponse } from "@/lib/errors";
import {
  apiFieldErrors,
  batchJobConfig,
  defaultJobName,
  importBatchItems,
  parseBatchRequest,
  type BatchRequest,
  type ImportedBatch,
} from "@/lib/judge-jobs/batch-input";
import { readJsonBody } from "@/lib/judge-jobs/json-body";
import { judgeRefOf } from "@/lib/judge-jobs/judge-now";
import type { JudgeRef } from "@/lib/pipeline/jobs/judge-ref";
import { launchJudgeJob, parseJudgeJobConfig } from "@/lib/runner/jobs/launch-job";
import { resolveJudge } from "@/lib/runner/jobs/resolve-judge";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/** The job config a batch makes, checked before its items are stored (errors under the API's field names). */
function checkConfig(body: BatchRequest, judge: JudgeRef, name: string): void {
  try {
    parseJudgeJobConfig(batchJobConfig(body, judge, name, "(the batch's items)"));
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.message, { fieldErrors: apiFieldErrors(error.fieldErrors) });
    throw error;
  }
}

/** Launch the job; a dataset this request made is removed again if the launch is refused. */
function launch(db: Db, body: BatchRequest, judge: JudgeRef, name: string, dataset: ImportedBatch) {
  try {
    return launchJudgeJob(db, batchJobConfig(body, judge, name, dataset.datasetName));
  } catch (error) {
    if (dataset.created) {
      try {
        deleteDataset(db, dataset.datasetId);
      } catch (cleanup) {
        console.error(`[judge-lab] could not remove dataset #${dataset.datasetId} after a refused batch:`, cleanup);
      }
    }
    throw error;
  }
}

export const POST = gatedRoute(async (request: Request): Promise<Response> => {
  try {
    const body = parseBatchRequest(await readJsonBody(request));
    const db = getDb();
    const judge = judgeRefOf(body.judge);
    // An unknown judge is refused before anything is stored.
    resolveJudge(db, judge, body.verdict_rule);
    const name = body.name ?? defaultJobName(new Date());
    checkConfig(body, judge, name);
    const dataset = await importBatchItems(db, body.items, name);
    const job = launch(db, body, judge, name, dataset);
    const statusUrl = `/api/v1/judge/jobs/${job.id}`;
    return Response.json(
      {
        job_id: job.id,
        name: job.name,
        status: job.status,
        dataset: { id: dataset.datasetId, name: dataset.datasetName, reused: !dataset.created },
        items: job.itemCount,
        planned_comparisons: job.plannedComparisons,
        planned_judgments: job.plannedJudgments,
        status_url: statusUrl,
        results_url: `${statusUrl}/results`,
        page_url: `/judge/${job.id}`,
      },
      { status: 202, headers: { ...NO_STORE, location: statusUrl } },
    );
  } catch (error) {
    return toResponse(error, NO_STORE);
  }
});
