/**
 * The runner inside the server process: it picks up queued runs, and running runs whose owner died
 * (their lease expired), and drives each under its lease. Started at boot (instrumentation.ts);
 * woken at once when an action changes a run, otherwise it looks every few seconds.
 */
import type { Db } from "@/lib/db/client";
import { getRunById, listRunnableRuns } from "@/lib/db/queries/runs";
import { runInBackground } from "@/lib/background";
import { driveWithLease, type LeasedDrive } from "./lease";
import { onRunChanged } from "./scheduler-signal";

const globalForScheduler = globalThis as unknown as { judgeLabScheduler?: { stop: () => void } };

export function startScheduler(db: Db, options: { pollMs?: number; maxConcurrent?: number } = {}): void {
  if (globalForScheduler.judgeLabScheduler) return;
  const active = new Map<number, LeasedDrive>();
  const maxConcurrent = options.maxConcurrent ?? 4;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const tick = () => {
    if (stopped) return;
    try {
      for (const { id } of listRunnableRuns(db)) {
        if (active.has(id) || active.size >= maxConcurrent) continue;
        const drive = driveWithLease(db, id, { onStop: () => active.delete(id) });
        active.set(id, drive);
        drive.status
          .then((status) => {
            if (status === "not_acquired") active.delete(id);
          })
          .catch((error) => {
            active.delete(id);
            console.error(`[judge-lab] run #${id}:`, error);
          });
      }
    } catch (error) {
      console.error("[judge-lab] scheduler:", error);
    }
    timer = setTimeout(tick, options.pollMs ?? 3000);
  };

  const unsubscribe = onRunChanged((runId) =>
    // Called from server actions: leave the request's context before starting any work.
    runInBackground(() => {
      const status = getRunById(db, runId)?.status;
      const drive = active.get(runId);
      if (drive && status !== "running" && status !== "queued") drive.stop();
      if (timer) clearTimeout(timer);
      // Let the driver wind down before looking for work again.
      timer = setTimeout(tick, 50);
    }),
  );

  globalForScheduler.judgeLabScheduler = {
    stop: () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      for (const drive of active.values()) drive.stop();
    },
  };
  tick();
}
