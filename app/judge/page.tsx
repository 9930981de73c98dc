// Judge page: every judge job (a judge put to work on a dataset of responses), newest first, with
// its progress and results; the way to launch one.
import { Gavel, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { EmptyState } from "@/components/feedback/empty-state";
import { JudgeJobsTable } from "@/components/judge-jobs/jobs-table";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination, pageFromSearchParam } from "@/components/shell/pagination";
import { Button } from "@/components/ui/button";
import { getDb } from "@/lib/db/client";
import { countJudgeJobs, listJudgeJobs } from "@/lib/db/queries/judge-jobs";

export const metadata: Metadata = { title: "Judge" };

const PAGE_SIZE = 50;

export default async function JudgePage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await connection();
  const page = pageFromSearchParam((await searchParams).page);
  const db = getDb();
  const total = countJudgeJobs(db);
  const jobs = listJudgeJobs(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Judge"
        description="Put a judge to work on your own data: compare two systems' responses prompt by prompt, pick the best of n, check agreement with your labels."
        actions={
          total > 0 ? (
            <Button asChild>
              <Link href="/judge/new">
                <Plus /> New judge job
              </Link>
            </Button>
          ) : undefined
        }
      />
      {total === 0 ? (
        <EmptyState
          icon={<Gavel />}
          title="No judge jobs yet"
          action={
            <div className="flex flex-wrap justify-center gap-2">
              <Button asChild>
                <Link href="/judge/new">New judge job</Link>
              </Button>
              <Button asChild variant="outline">
                <Link href="/datasets/import?kind=responses">Import responses to judge</Link>
              </Button>
            </div>
          }
        >
          A judge job sends every prompt&apos;s responses to a judge (a run&apos;s trained judge, or any model on a backend), in both
          orders, and reports the verdicts, the win rate and, when your data has labels, how often the judge agrees with them. Two demo sets
          ship with the app: pairwise and best-of-4.
        </EmptyState>
      ) : (
        <>
          <JudgeJobsTable rows={jobs} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} basePath="/judge" />
        </>
      )}
    </>
  );
}
