/**
 * The runner inside the server process: it picks up queued runs and judge jobs, and running ones
 * whose owner died (their lease expired), and drives each under its lease. Started at boot
 * (instrumentation.ts); woken at once when an action changes a run or a job, otherwise it looks
 * every few seconds.
 */
import type { Db } from "@/lib/db/client";
import { getJudgeJob, listRunnableJobs } from "@/lib/db/queries/judge-jobs";
import { getRunById, listRunnableRuns } from "@/lib/db/queries/runs";
import type { RunStatus } from "@/lib/db/schema";
import { runInBackground } from "@/lib/background";
import { driveJobWithLease } from "./jobs/drive-job";
import { driveWithLease } from "./lease";
import type { LeasedDrive } from "./leased-drive";
import { onJobChanged, onRunChanged } from "./scheduler-signal";

const globalForScheduler = globalThis as unknown as { judgeLabScheduler?: { stop: () => void } };

/** One kind of durable work the scheduler drives. */
type WorkKind = {
  what: string;
  runnable: () => { id: number }[];
  status: (id: number) => RunStatus | undefined;
  drive: (id: number, onStop: () => void) => LeasedDrive<RunStatus>;
  subscribe: (listener: (id: number) => void) => () => void;
};

export function startScheduler(db: Db, options: { pollMs?: number; maxConcurrent?: number } = {}): void {
  if (globalForScheduler.judgeLabScheduler) return;
  const kinds: WorkKind[] = [
    {
      what: "run",
      runnable: () => listRunnableRuns(db),
      status: (id) => getRunById(db, id)?.status,
      drive: (id, onStop) => driveWithLease(db, id, { onStop }),
      subscribe: onRunChanged,
    },
    {
      what: "judge job",
      runnable: () => listRunnableJobs(db),
      status: (id) => getJudgeJob(db, id)?.status,
      drive: (id, onStop) => driveJobWithLease(db, id, { onStop }),
      subscribe: onJobChanged,
    },
  ];
  const active = kinds.map(() => new Map<number, LeasedDrive<RunStatus>>());
  const maxConcurrent = options.maxConcurrent ?? 4;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const tick = () => {
    if (stopped) return;
    for (const [k, kind] of kinds.entries()) {
      const drives = active[k]!;
      try {
        for (const { id } of kind.runnable()) {
          if (drives.has(id) || drives.size >= maxConcurrent) continue;
          const drive = kind.drive(id, () => drives.delete(id));
          drives.set(id, drive);
          drive.status
            .then((status) => {
              if (status === "not_acquired") drives.delete(id);
            })
            .catch((error) => {
              drives.delete(id);
              console.error(`[judge-lab] ${kind.what} #${id}:`, error);
            });
        }
      } catch (error) {
        console.error("[judge-lab] scheduler:", error);
      }
    }
    timer = setTimeout(tick, options.pollMs ?? 3000);
  };

  const unsubscribes = kinds.map((kind, k) =>
    kind.subscribe((id) =>
      // Called from server actions: leave the request's context before starting any work.
      runInBackground(() => {
        const status = kind.status(id);
        const drive = active[k]!.get(id);
        if (drive && status !== "running" && status !== "queued") drive.stop();
        if (timer) clearTimeout(timer);
        // Let the driver wind down before looking for work again.
        timer = setTimeout(tick, 50);
      }),
    ),
  );

  globalForScheduler.judgeLabScheduler = {
    stop: () => {
      stopped = true;
      for (const unsubscribe of unsubscribes) unsubscribe();
      if (timer) clearTimeout(timer);
      for (const drives of active) for (const drive of drives.values()) drive.stop();
    },
  };
  tick();
}
