/**
 * Headless runs that use the built-in SimJudge backend: the CLI cannot rely on the web app being
 * up to serve /api/sim/v1, so it runs a SimJudge of its own on a free port, on the same database
 * (models trained by either are seen by both), and points the built-in backend's requests at it.
 */
import type { Db } from "@/lib/db/client";
import { runBackendIds } from "@/lib/db/queries/runs";
import { getBackendById } from "@/lib/db/queries/backends";
import { listenSimJudge, type RunningSimJudge } from "@/lib/simulator/node-server";
import { createSimJudge } from "@/lib/simulator/server";

export async function simJudgeOverrides(db: Db, runId: number): Promise<{ overrides: Map<number, string[]>; close: () => Promise<void> }> {
  const builtin = runBackendIds(db, runId)
    .map((b) => getBackendById(db, b.backendId))
    .filter((b) => b?.builtin && b.preset === "simjudge");
  if (builtin.length === 0) return { overrides: new Map(), close: async () => {} };
  const sim = createSimJudge({ db, trainingDelayMs: 50 });
  const server: RunningSimJudge = await listenSimJudge(sim);
  return {
    overrides: new Map(builtin.map((b) => [b!.id, [server.url]])),
    close: async () => {
      sim.close();
      await server.close();
    },
  };
}
