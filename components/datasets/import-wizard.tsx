"use client";
/**
 * The import page's steps: choose a source (upload, server path, URL, Hugging Face), follow the
 * download if there is one, preview and map the columns, then follow the import until it is done
 * or reports its problems. Each step keeps the previous one's result, so a failed import can be
 * fixed (another mapping, another name) and retried without choosing the file again.
 */
import { CheckCircle2, RotateCcw, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { cancelJobAction } from "@/app/datasets/actions";
import { InlineAlert } from "@/components/feedback/inline-alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DatasetKind } from "@/lib/db/schema";
import { formatCount, formatDuration } from "@/lib/format/numbers";
import { ImportPreview } from "./import-preview";
import { JobProgress } from "./job-progress";
import { ProblemList } from "./problem-list";
import { SourcePicker } from "./source-picker";
import { useJob } from "./use-job";

export function ImportWizard({ initialKind }: { initialKind?: DatasetKind }) {
  const router = useRouter();
  const [downloadJobId, setDownloadJobId] = useState<string | null>(null);
  const [stageId, setStageId] = useState<string | null>(null);
  const [importJobId, setImportJobId] = useState<string | null>(null);
  const download = useJob(downloadJobId);
  const importJob = useJob(importJobId);

  useEffect(() => {
    if (download.data?.status === "succeeded" && download.data.result?.stageId) setStageId(download.data.result.stageId);
  }, [download.data]);
  useEffect(() => {
    if (importJob.data?.status === "succeeded") router.refresh();
  }, [importJob.data?.status, router]);

  const reset = () => {
    setDownloadJobId(null);
    setStageId(null);
    setImportJobId(null);
  };

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>1. Source</CardTitle>
          <CardDescription>
            Instruction pools, labelled pair sets and responses to judge, in JSONL, JSON, CSV or parquet (gzipped or not).
          </CardDescription>
        </CardHeader>
        <CardContent>
          {stageId || (downloadJobId && download.data?.status !== "failed") ? (
            <div className="flex flex-wrap items-center gap-3 text-sm">
              {download.data && download.data.status === "running" ? (
                <div className="min-w-72 flex-1">
                  <JobProgress job={download.data} />
                </div>
              ) : (
                <span className="flex items-center gap-2">
                  <CheckCircle2 className="size-4 text-success" aria-hidden /> Source ready{download.data ? `: ${download.data.label}` : ""}
                </span>
              )}
              <Button variant="ghost" size="sm" onClick={reset}>
                <RotateCcw /> Choose another source
              </Button>
            </div>
          ) : (
            <div className="grid gap-3">
              <SourcePicker onStaged={setStageId} onDownload={setDownloadJobId} />
              {download.data?.status === "failed" && download.data.error ? (
                <InlineAlert tone="error">{download.data.error.message}</InlineAlert>
              ) : null}
            </div>
          )}
        </CardContent>
      </Card>

      {stageId && !importJobId ? (
        <Card>
          <CardHeader>
            <CardTitle>2. Preview and columns</CardTitle>
            <CardDescription>Check what was detected; change the kind or the columns if needed.</CardDescription>
          </CardHeader>
          <CardContent>
            <ImportPreview stageId={stageId} onImport={setImportJobId} initialKind={initialKind} />
          </CardContent>
        </Card>
      ) : null}

      {importJobId ? (
        <Card>
          <CardHeader>
            <CardTitle>3. Import</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            {importJob.data ? <JobProgress job={importJob.data} /> : null}
            {importJob.data?.status === "running" ? (
              <div>
                <Button variant="outline" size="sm" onClick={() => cancelJobAction({ jobId: importJobId })}>
                  <X /> Cancel
                </Button>
              </div>
            ) : null}
            {importJob.data?.status === "succeeded" && importJob.data.result ? (
              <InlineAlert tone="success">
                Imported {formatCount(importJob.data.result.rows ?? 0)} rows into &ldquo;{importJob.data.label}&rdquo; in{" "}
                {formatDuration(importJob.data.result.durationMs ?? 0)} ({formatCount(importJob.data.result.rowsPerSecond ?? 0)} rows/s)
                {importJob.data.result.skippedTies ? `; ${formatCount(importJob.data.result.skippedTies)} ties skipped` : ""}.{" "}
                <Link className="font-medium underline" href={`/datasets/${importJob.data.result.datasetId}`}>
                  Open the dataset
                </Link>
              </InlineAlert>
            ) : null}
            {(importJob.data?.status === "failed" || importJob.data?.status === "canceled") && importJob.data.error ? (
              <>
                <ProblemList
                  message={importJob.data.error.message}
                  problems={importJob.data.error.problems}
                  total={importJob.data.error.totalProblems}
                />
                <div className="flex gap-2">
                  <Button variant="outline" onClick={() => setImportJobId(null)}>
                    Back to the preview
                  </Button>
                  <Button variant="ghost" onClick={reset}>
                    Choose another source
                  </Button>
                </div>
              </>
            ) : null}
            {importJob.data?.status === "succeeded" ? (
              <div>
                <Button variant="outline" onClick={reset}>
                  Import another dataset
                </Button>
              </div>
            ) : null}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
