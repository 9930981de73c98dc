/**
 * The embedded default backend: "SimJudge (simulated)", pointing at the SimJudge mounted in this
 * server (/api/sim/v1) on the port the server listens on. Created at start-up when missing (also
 * after a user deleted it) and kept pointing at the current port.
 */
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { backends } from "@/lib/db/schema";
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
  const baseUrl = `${origin}${SIMJUDGE_MOUNT_PATH}`;
  const existing = db
    .select()
    .from(backends)
    .where(and(eq(backends.builtin, true), eq(backends.preset, "simjudge")))
    .get();
  if (existing) {
    const stale = existing.baseUrls.length === 1 && existing.baseUrls[0]!.endsWith(SIMJUDGE_MOUNT_PATH) && existing.baseUrls[0] !== baseUrl;
    if (stale)
      db.update(backends)
        .set({ baseUrls: [baseUrl], updatedAt: Date.now() })
        .where(eq(backends.id, existing.id))
        .run();
    return;
  }
  const preset = BACKEND_PRESETS.simjudge;
  const nameTaken = db.select({ id: backends.id }).from(backends).where(eq(backends.name, BUILTIN_SIMJUDGE_NAME)).get();
  db.insert(backends)
    .values({
      name: nameTaken ? `${BUILTIN_SIMJUDGE_NAME} (built-in)` : BUILTIN_SIMJUDGE_NAME,
      preset: "simjudge",
      baseUrls: [baseUrl],
      apiKeyEnv: null,
      maxInFlight: preset.maxInFlight,
      requestsPerMinute: null,
      tokensPerMinute: null,
      timeoutMs: preset.timeoutSeconds * 1000,
      supportsN: true,
      supportsFineTuning: true,
      builtin: true,
    })
    .run();
}
