/**
 * Headless runs and judge jobs that use the built-in SimJudge backend: the CLI cannot rely on the
 * web app being up to serve /api/sim/v1, so it runs a SimJudge of its own on a free port, on the
 * same database (models trained by either are seen by both), and points the built-in backend's
 * requests at it.
 */
import type { Db } from "@/lib/db/client";
import { runBackendIds } from "@/lib/db/queries/runs";
import { getBackendById } from "@/lib/db/queries/backends";
import { listenSimJudge, type RunningSimJudge } from "@/lib/simulator/node-server";
import { createSimJudge } from "@/lib/simulator/server";

export type SimOverrides = { overrides: Map<number, string[]>; close: () => Promise<void> };

/** A SimJudge of our own for whichever of these backends is the built-in one (none started otherwise). */
export async function simJudgeForBackends(db: Db, backendIds: readonly number[]): Promise<SimOverrides> {
  const builtin = [...new Set(backendIds)].filter((id) => {
    const backend = getBackendById(db, id);
    return backend?.builtin && backend.preset === "simjudge";
  });
  if (builtin.length === 0) return { overrides: new Map(), close: async () => {} };
  const sim = createSimJudge({ db, trainingDelayMs: 50 });
  const server: RunningSimJudge = await listenSimJudge(sim);
  return {
    overrides: new Map(builtin.map((id) => [id, [server.url]])),
    close: async () => {
      sim.close();
      await server.close();
    },
  };
}

export const simJudgeOverrides = (db: Db, runId: number): Promise<SimOverrides> =>
  simJudgeForBackends(
    db,
    runBackendIds(db, runId).map((b) => b.backendId),
  );
