// Starts a real SimJudge on a random localhost port with its own temporary database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@/lib/db/client";
import type { FaultInput } from "@/lib/simulator/faults";
import { listenSimJudge } from "@/lib/simulator/node-server";
import { createSimJudge, type SimJudge, type SimStats } from "@/lib/simulator/server";

export type TestSimJudge = { url: string; sim: SimJudge; db: Db; dir: string; stop: () => Promise<void>; close: () => Promise<void> };

export async function startSimJudge(
  options: { faults?: FaultInput; maxInFlight?: number; trainingDelayMs?: number; dir?: string } = {},
): Promise<TestSimJudge> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "simjudge-test-"));
  const db = openDatabase({ file: path.join(dir, "sim.db"), migrationsFolder: path.join(process.cwd(), "drizzle") });
  const sim = createSimJudge({
    db,
    faults: options.faults,
    maxInFlight: options.maxInFlight,
    trainingDelayMs: options.trainingDelayMs ?? 20,
    seed: 7,
  });
  const server = await listenSimJudge(sim);
  /** Stop the server but keep its database (to start another on it). */
  const stop = async () => {
    sim.close();
    await server.close();
    db.$client.close();
  };
  return {
    url: server.url,
    sim,
    db,
    dir,
    stop,
    close: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function simStats(url: string) {
  return (await (await fetch(`${url}/simjudge/stats`)).json()) as SimStats;
}

export async function resetSimStats(url: string) {
  await fetch(`${url}/simjudge/stats/reset`, { method: "POST" });
}

import { BackendClient, type BackendSettings, type ClientOptions } from "@/lib/inference/chat-client";

export function clientFor(urls: string | string[], settings: Partial<BackendSettings> = {}, options: ClientOptions = {}): BackendClient {
  return new BackendClient(
    {
      name: "test",
      baseUrls: Array.isArray(urls) ? urls : [urls],
      apiKeyEnv: null,
      maxInFlight: 64,
      requestsPerMinute: null,
      tokensPerMinute: null,
      timeoutMs: 10_000,
      supportsN: true,
      ...settings,
    },
    { baseDelayMs: 20, maxDelayMs: 200, ...options },
  );
}
