// Runs page: every Self-Taught Evaluator run, newest first, with its progress and latest score.
import { FlaskConical, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { EmptyState } from "@/components/feedback/empty-state";
import { RunsTable } from "@/components/runs/runs-table";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination, pageFromSearchParam } from "@/components/shell/pagination";
import { Button } from "@/components/ui/button";
import { getDb } from "@/lib/db/client";
import { countRuns, latestEvalResultsByRun, listRuns } from "@/lib/db/queries/runs";
import { rewardBenchScores } from "@/lib/metrics";

export const metadata: Metadata = { title: "Runs" };

const PAGE_SIZE = 50;

export default async function RunsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await connection();
  const page = pageFromSearchParam((await searchParams).page);
  const db = getDb();
  const total = countRuns(db);
  const runs = listRuns(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const latest = latestEvalResultsByRun(
    db,
    runs.map((r) => r.id),
  );
  const rows = runs.map((run) => {
    const results = latest.get(run.id) ?? [];
    const report = rewardBenchScores(results);
    const items = results.reduce((sum, r) => sum + r.items, 0);
    return {
      ...run,
      latest:
        results.length > 0
          ? {
              iteration: results[0]!.iteration,
              rewardBench: report.overall,
              partial: report.overallPartial,
              accuracy: items ? results.reduce((s, r) => s + r.scoreSum, 0) / items : null,
            }
          : null,
    };
  });
  const newRun = (
    <Button asChild>
      <Link href="/runs/new">
        <Plus /> New run
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Runs"
        description="Each run trains a judge with no human labels: build contrasting pairs, sample judgments, keep the correct ones, fine-tune, repeat, and score every iteration."
        actions={total > 0 ? newRun : undefined}
      />
      {total === 0 ? (
        <EmptyState
          icon={<FlaskConical />}
          title="No runs yet"
          action={
            <div className="flex flex-wrap justify-center gap-2">
              <Button asChild>
                <Link href="/runs/new?preset=demo">Launch the demo</Link>
              </Button>
              <Button asChild variant="outline">
                <Link href="/runs/new">Configure a run</Link>
              </Button>
            </div>
          }
        >
          The demo runs three iterations of the Self-Taught Evaluator loop on the built-in SimJudge (a simulator, not a language model) with
          demo data that ships with the app. It finishes in about a minute.
        </EmptyState>
      ) : (
        <>
          <RunsTable rows={rows} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} basePath="/runs" />
        </>
      )}
    </>
  );
}
