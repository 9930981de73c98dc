// Live progress of a download or import job: phase, a bar, bytes, rows and rows/s.
import { ProgressBar } from "@/components/ui/progress-bar";
import type { JobView } from "@/lib/datasets/import-jobs";
import { formatBytes, formatCount, formatDuration } from "@/lib/format/numbers";

const phaseText: Record<string, string> = {
  checking: "Checking every row",
  storing: "Storing rows",
  downloading: "Downloading",
  done: "Done",
};

export function JobProgress({ job }: { job: JobView }) {
  const fraction = job.status === "succeeded" ? 1 : job.totalBytes ? job.bytes / job.totalBytes : null;
  const elapsed = (job.finishedAt ?? Date.now()) - job.startedAt;
  return (
    <div className="grid gap-2" aria-live="polite">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">
          {job.status === "failed" || job.status === "canceled"
            ? `${job.status === "failed" ? "Stopped" : "Canceled"} while ${job.phase} `
            : null}
          {job.status === "failed" || job.status === "canceled"
            ? null
            : (phaseText[job.phase] ?? job.phase.replace(/^./, (c) => c.toUpperCase()))}
          {job.status === "running" ? "…" : ""}
        </span>
        <span className="tabular-nums text-muted-foreground" data-testid="job-numbers">
          {job.kind === "import"
            ? `${formatCount(job.rows)} ${job.rows === 1 ? "row" : "rows"} · ${formatCount(job.rowsPerSecond)} rows/s · `
            : ""}
          {formatBytes(job.bytes)}
          {job.totalBytes ? ` of ${formatBytes(job.totalBytes)}` : ""} · {formatDuration(elapsed)}
        </span>
      </div>
      <ProgressBar value={fraction} label={`${job.kind === "import" ? "Import" : "Download"} progress`} />
    </div>
  );
}
