/**
 * The SimJudge mounted inside the app (under /api/sim/v1), sharing the app's database so its
 * fine-tuned models survive restarts. One instance per server process.
 */
import { getDb } from "@/lib/db/client";
import { createSimJudge, type SimJudge } from "./server";

const globalForSim = globalThis as unknown as { judgeLabSimJudge?: SimJudge };

export function getAppSimJudge(): SimJudge {
  globalForSim.judgeLabSimJudge ??= createSimJudge({ db: getDb(), log: (line) => console.log(`[simjudge] ${line}`) });
  return globalForSim.judgeLabSimJudge;
}

/** The mount point, relative to the app's origin. */
export const SIMJUDGE_MOUNT_PATH = "/api/sim/v1";
