// A judge job: its status and controls, live progress, results (win rate or best-of-n ranks,
// agreement with the labels, consistency), a chart, results per category, a comparison with another
// judge on the same data, the items with their verdicts, and exports. Refreshes itself while active.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { CategoriesCard } from "@/components/judge-jobs/job-page/categories-card";
import { CompareCard, DIFF_PAGE } from "@/components/judge-jobs/job-page/compare-card";
import { JobExports } from "@/components/judge-jobs/job-page/job-exports";
import { JobHeader } from "@/components/judge-jobs/job-page/job-header";
import { JOB_ITEMS_PAGE, JobItems } from "@/components/judge-jobs/job-page/job-items";
import { JobProgress } from "@/components/judge-jobs/job-page/job-progress";
import { ResultsCard } from "@/components/judge-jobs/job-page/results-card";
import { VerdictChart } from "@/components/judge-jobs/job-page/verdict-chart";
import { getDb } from "@/lib/db/client";
import { countJobItems, jobsOnSameData, listJobDifferences, listJobItems } from "@/lib/db/queries/judge-job-views";
import { compareJudgeJobs } from "@/lib/judge-jobs/compare-view";
import { judgeJobView, responseTitles } from "@/lib/judge-jobs/job-view";
import { jobItemFilters, parseJobParams } from "@/lib/judge-jobs/list-params";
import type { SearchParams } from "@/lib/traces/url-state";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Judge job #${(await params).id}` };
}

export default async function JudgeJobPage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const db = getDb();
  const view = /^\d+$/.test(id) ? judgeJobView(db, Number(id)) : null;
  if (!view) notFound();
  const list = parseJobParams(await searchParams);
  const jobId = view.job.id;
  const filters = jobItemFilters(list);
  const rows = listJobItems(db, jobId, filters, { limit: JOB_ITEMS_PAGE, offset: (list.page - 1) * JOB_ITEMS_PAGE });
  const total = countJobItems(db, jobId, filters);
  const others = jobsOnSameData(db, jobId);
  const vs = list.vs ?? (view.job.parentJobId && others.some((o) => o.id === view.job.parentJobId) ? view.job.parentJobId : undefined);
  const comparison = vs && others.some((o) => o.id === vs) ? compareJudgeJobs(db, jobId, vs) : null;
  const differences = comparison ? listJobDifferences(db, jobId, vs!, { limit: DIFF_PAGE, offset: (list.diffPage - 1) * DIFF_PAGE }) : [];
  const shown = responseTitles(view.dataset.responseNames);
  const active = view.job.status === "running" || view.job.status === "queued";
  return (
    <div className="grid gap-6">
      <JobHeader view={view} />
      {active || (view.job.status === "paused" && view.judgments < view.job.plannedJudgments) ? <JobProgress view={view} /> : null}
      <ResultsCard view={view} names={shown} />
      <VerdictChart view={view} names={shown} />
      <CategoriesCard view={view} names={shown} />
      <CompareCard jobId={jobId} others={others} params={{ ...list, vs }} comparison={comparison} differences={differences} />
      <JobItems
        jobId={jobId}
        rows={rows}
        total={total}
        params={list}
        pairwise={view.pairwise}
        responses={view.job.maxResponses}
        categories={view.categories.map((c) => c.category)}
        labelled={Boolean(view.agreement || view.bestOfNAccuracy)}
      />
      <JobExports jobId={jobId} />
    </div>
  );
}
