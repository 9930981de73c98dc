// One item of a judge job: the prompt, the responses side by side, the verdict (or ranking) with
// its vote share, consistency and label, and every comparison with each sampled judgment's trace.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { JobItemDetailView } from "@/components/judge-jobs/item/job-item-detail";
import { PageHeader } from "@/components/shell/page-header";
import { TraceText } from "@/components/traces/trace-text";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { getDatasetById } from "@/lib/db/queries/datasets";
import { getJudgeJob } from "@/lib/db/queries/judge-jobs";
import { getJobItemDetail } from "@/lib/db/queries/judge-job-views";
import { formatPercent } from "@/lib/format/numbers";
import { responseLetter } from "@/lib/pipeline/jobs/item-plan";

export const metadata: Metadata = { title: "Judged item" };

export default async function JudgeJobItemPage({ params }: { params: Promise<{ id: string; itemId: string }> }) {
  await connection();
  const { id, itemId } = await params;
  const db = getDb();
  const job = /^\d+$/.test(id) ? getJudgeJob(db, Number(id)) : undefined;
  const item = job && /^\d+$/.test(itemId) ? getJobItemDetail(db, job.id, Number(itemId)) : undefined;
  if (!job || !item) notFound();
  const names = getDatasetById(db, job.datasetId)?.responseNames ?? null;
  const r = item.result;
  const label = item.label === null ? null : item.label === "tie" ? "tie" : responseLetter(Number(item.label));
  return (
    <>
      <PageHeader
        title={`Item ${item.sourceId}`}
        description={
          <>
            {item.category ? <Badge variant="secondary">{item.category}</Badge> : null} Judged by {job.judge.label} in job &ldquo;{job.name}
            &rdquo;.
          </>
        }
        actions={
          <Link className="text-sm underline" href={`/judge/${job.id}#items`}>
            Back to the job
          </Link>
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Prompt</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3">
            <TraceText text={item.prompt} raw={false} />
            <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="item-result">
              <div>
                <dt className="inline text-muted-foreground">{item.responses.length === 2 ? "Verdict" : "Ranked best"}: </dt>
                <dd className="inline font-medium">{r ? (r.verdict === "unparsed" ? "no verdict" : r.verdict) : "not finished"}</dd>
              </div>
              {r?.ranking ? (
                <div>
                  <dt className="inline text-muted-foreground">Ranking: </dt>
                  <dd className="inline">{r.ranking.map(responseLetter).join(" > ")}</dd>
                </div>
              ) : null}
              {r?.voteShare !== null && r?.voteShare !== undefined ? (
                <div>
                  <dt className="inline text-muted-foreground">Vote share: </dt>
                  <dd className="inline tabular-nums">{formatPercent(r.voteShare, 0)}</dd>
                </div>
              ) : null}
              {r ? (
                <div>
                  <dt className="inline text-muted-foreground">Orders: </dt>
                  <dd className="inline">{r.consistent === null ? "one order" : r.consistent ? "agree" : "disagree"}</dd>
                </div>
              ) : null}
              {label ? (
                <div>
                  <dt className="inline text-muted-foreground">Label: </dt>
                  <dd className="inline">
                    {label}
                    {r?.agrees === 1 ? " (the judge agrees)" : r?.agrees === 0 ? " (the judge disagrees)" : ""}
                  </dd>
                </div>
              ) : null}
            </dl>
          </CardContent>
        </Card>
        <JobItemDetailView item={item} names={names} />
      </div>
    </>
  );
}
