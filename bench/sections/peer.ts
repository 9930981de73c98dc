/**
 * Section 4, a peer on the same work: 6,000 pairwise judge calls (3,000 pairs x 2 orders, one
 * sample each, the exact prompts the runner sends) through promptfoo's documented CLI
 * (`promptfoo eval -j 256 --no-cache`), and through Judge Lab's runner, against the same SimJudge
 * (L = 200 ms, C = 256) in the same bench run. The server is warmed up first by the bare client (so
 * neither tool pays for its JIT warm-up), and its own counters give how many requests each tool
 * kept in flight. Reports both wall times and their ratio; checks that promptfoo got an answer for
 * every call, so the comparison is of the same work.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { listOkPairsPage } from "@/lib/db/queries/run-work";
import { getRunById, getRunConfig } from "@/lib/db/queries/runs";
import { judgePromptFor } from "@/lib/pipeline/judge";
import type { RunConfig } from "@/lib/pipeline/run-config";
import type { BareClientInput, BareClientResult } from "../support/bare-client-worker";
import { MIGRATIONS, seedJudgeBench } from "../support/judge-bench-db";
import type { JudgeWorkerInput, JudgeWorkerResult } from "../support/judge-stage-worker";
import { ensurePeerInstalled } from "../support/peer-install";
import { runWorker, startSimJudgeProcess } from "../support/processes";
import type { BenchSection } from "../support/section";
import { fmt, round } from "../support/stats";

const LATENCY_MS = 200;
const C = 256;

/** The judge prompts of a prepared run, in the runner's order, and its judge sampling settings. */
function judgeWork(file: string, runId: number): { prompts: string[]; judging: RunConfig["judging"] } {
  const db = openDatabase({ file, migrationsFolder: MIGRATIONS });
  try {
    const config = getRunConfig(db, runId);
    const prompts: string[] = [];
    for (let after = 0; ;) {
      const page = listOkPairsPage(db, runId, after, 1000);
      if (page.length === 0) break;
      after = page.at(-1)!.id;
      for (const pair of page)
        for (const position of ["A", "B"] as const)
          prompts.push(judgePromptFor(config.prompts.judge, pair.instruction, pair.goodResponse, pair.worseResponse, position));
    }
    return { prompts, judging: config.judging };
  } finally {
    db.$client.close();
  }
}

/** CPU seconds (user + system) a live process has used, from /proc (Linux); null elsewhere. */
function cpuSecondsOf(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
  } catch {
    return null;
  }
}

/** Runs promptfoo; its wall time and (sampled until it exits) its CPU time, threads included. */
function runPromptfoo(
  tool: { node: string; promptfoo: string },
  dir: string,
  args: string[],
): Promise<{ wallMs: number; cpuS: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(tool.node, [tool.promptfoo, ...args], {
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        PROMPTFOO_CONFIG_DIR: path.join(dir, ".promptfoo"),
        PROMPTFOO_DISABLE_TELEMETRY: "1",
        PROMPTFOO_DISABLE_UPDATE: "1",
        PROMPTFOO_DISABLE_SHARING: "1",
        PROMPTFOO_CACHE_ENABLED: "false",
        OPENAI_API_KEY: "bench",
      },
    });
    let stderr = "";
    let cpuS: number | null = null;
    const sampler = setInterval(() => (cpuS = cpuSecondsOf(child.pid!) ?? cpuS), 100);
    child.stderr!.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    child.once("exit", (code) => {
      clearInterval(sampler);
      const wallMs = performance.now() - started;
      // promptfoo exits 100 when assertions fail; there are none here, so anything but 0/100 is an error.
      if (code === 0 || code === 100) resolve({ wallMs, cpuS });
      else reject(new Error(`promptfoo exited with code ${code}: ${stderr.trim().split("\n").slice(-5).join(" | ")}`));
    });
  });
}

export const peerSection: BenchSection = {
  name: "peer",
  title: "A peer on the same work (promptfoo)",
  async run({ quick, dir, log }) {
    const calls = quick ? 300 : 6_000;
    const tool = ensurePeerInstalled(log);
    const sim = await startSimJudgeProcess({ dbFile: path.join(dir, "sim.db"), latencyMs: LATENCY_MS, maxInFlight: C });
    try {
      const file = path.join(dir, "peer.db");
      const { runId } = seedJudgeBench({
        file,
        simUrl: sim.url,
        pairs: calls / 2,
        samples: 1,
        bothOrders: true,
        supportsN: true,
        maxInFlight: C,
      });
      const { prompts, judging } = judgeWork(file, runId);
      const config = {
        description: "Judge Lab bench: pairwise judge calls",
        prompts: ["{{judge_prompt}}"],
        providers: [
          {
            id: "openai:chat:simjudge-base",
            config: {
              apiBaseUrl: sim.url,
              apiKey: "bench",
              temperature: judging.temperature,
              top_p: judging.topP,
              max_tokens: judging.maxTokens,
            },
          },
        ],
        tests: prompts.map((judge_prompt) => ({ vars: { judge_prompt } })),
      };
      const peerDir = path.join(dir, "promptfoo");
      fs.mkdirSync(peerDir);
      fs.writeFileSync(path.join(peerDir, "promptfooconfig.json"), JSON.stringify(config));
      const output = path.join(peerDir, "results.json");

      log(`warming the server up: ${fmt(calls)} requests from the bare client`);
      const warmInput: BareClientInput = { file, runId, url: sim.url, concurrency: C };
      await runWorker<BareClientResult>("bench/support/bare-client-worker.ts", warmInput);

      await sim.resetStats();
      log(`Judge Lab runner: ${fmt(calls)} judge calls, concurrency ${C}`);
      const ourInput: JudgeWorkerInput = { file, runId, concurrency: C };
      const ours = await runWorker<JudgeWorkerResult>("bench/support/judge-stage-worker.ts", ourInput);
      if (ours.judgments !== calls) throw new Error(`the runner stored ${ours.judgments} judgments, expected ${calls}`);
      const ourInFlight = (await sim.stats()).maxInFlightSeen;

      await sim.resetStats();
      log(`promptfoo ${tool.version}: the same ${fmt(calls)} calls, -j ${C}, cache off`);
      const peer = await runPromptfoo(tool, peerDir, [
        "eval",
        "-c",
        "promptfooconfig.json",
        "-j",
        String(C),
        "--no-cache",
        "--no-table",
        "--no-progress-bar",
        "--no-share",
        "-o",
        output,
      ]);
      const peerWallMs = peer.wallMs;
      const stats = await sim.stats();
      const answered = readPeerSuccesses(output);
      if (stats.chatRequests < calls || answered < calls)
        throw new Error(`promptfoo made ${stats.chatRequests} requests with ${answered} answers; expected ${calls}`);
      const speedup = peerWallMs / ours.wallMs;
      return {
        figures: {
          calls,
          latency_ms: LATENCY_MS,
          concurrency: C,
          judge_lab_wall_s: round(ours.wallMs / 1000, 2),
          peer_wall_s: round(peerWallMs / 1000, 2),
          peer: `promptfoo ${tool.version}`,
          speedup: round(speedup, 2),
          judge_lab_max_in_flight: ourInFlight,
          peer_max_in_flight: stats.maxInFlightSeen,
          judge_lab_calls_per_s: round(calls / (ours.wallMs / 1000)),
          judge_lab_cpu_ms_per_call: round(ours.cpuMs / calls, 3),
          peer_cpu_ms_per_call: peer.cpuS === null ? null : round((peer.cpuS * 1000) / calls, 2),
          peer_calls_per_s: round(calls / (peerWallMs / 1000)),
        },
        rows: [
          {
            measure: `Judge Lab runner, ${fmt(calls)} judge calls (stored)`,
            value: `${fmt(ours.wallMs / 1000, 1)} s, ${fmt(ours.cpuMs / calls, 2)} ms CPU/call, ${ourInFlight} in flight`,
            goal: "",
            met: null,
          },
          {
            measure: `promptfoo ${tool.version} eval, same calls, -j ${C}, no cache`,
            value: `${fmt(peerWallMs / 1000, 1)} s, ${peer.cpuS === null ? "?" : fmt((peer.cpuS * 1000) / calls, 1)} ms CPU/call, ${stats.maxInFlightSeen} in flight`,
            goal: "",
            met: null,
          },
          { measure: "wall time ratio promptfoo / Judge Lab", value: `${fmt(speedup, 1)}x`, goal: "≥ 10x", met: speedup >= 10 },
        ],
      };
    } finally {
      await sim.stop();
    }
  },
};

/** Successful results in promptfoo's JSON output (its documented `results.stats`). */
function readPeerSuccesses(file: string): number {
  const json = JSON.parse(fs.readFileSync(file, "utf8")) as { results?: { stats?: { successes?: number; failures?: number } } };
  const stats = json.results?.stats;
  return (stats?.successes ?? 0) + (stats?.failures ?? 0);
}
