/**
 * The embedded default backend: "SimJudge (simulated)", pointing at the SimJudge mounted in this
 * server (/api/sim/v1) on the port the server listens on. Created at start-up when missing (also
 * after a user deleted it) and kept pointing at the current port. Its key is the access token
 * (JUDGE_LAB_TOKEN): when the server is protected, it lets the server call its own SimJudge; when
 * it is not, no key is sent.
 */
import type { Queryable } from "@/lib/db/client";
import { upsertBuiltinBackend } from "@/lib/db/queries/backends";
import { SIMJUDGE_MOUNT_PATH } from "@/lib/simulator/app-instance";
import { BACKEND_PRESETS } from "./presets";

export const BUILTIN_SIMJUDGE_NAME = "SimJudge (simulated)";

/** Where this server can reach itself: loopback unless it is bound to one specific address. */
export function selfOrigin(env: Record<string, string | undefined> = process.env): string {
  const port = env.PORT || "3000";
  const host = env.HOST && !["0.0.0.0", "::", "localhost"].includes(env.HOST) ? env.HOST : "127.0.0.1";
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

export function ensureBuiltinSimJudgeBackend(db: Queryable, origin: string = selfOrigin()): void {
  const preset = BACKEND_PRESETS.simjudge;
  upsertBuiltinBackend(db, {
    name: BUILTIN_SIMJUDGE_NAME,
    preset: "simjudge",
    baseUrl: `${origin}${SIMJUDGE_MOUNT_PATH}`,
    mountPath: SIMJUDGE_MOUNT_PATH,
    maxInFlight: preset.maxInFlight,
    timeoutSeconds: preset.timeoutSeconds,
    apiKeyEnv: "JUDGE_LAB_TOKEN",
  });
}
