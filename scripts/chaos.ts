/**
 * `npm run chaos [-- --quick] [--kills 20] [--fault-rate 0.3] [--seed 1]`: runs a 3-iteration
 * demo-size run against SimJudge with injected faults (429 with Retry-After, 500, 503, hangs that
 * time out, malformed JSON, truncated output, dropped connections) while SIGKILLing the process
 * that drives it at random moments and restarting it (`judge-lab resume`), then checks the
 * database against the keys the run must hold. It prints the figures and ends with one JSON line.
 * A fault-free run of the same config is timed first, for comparison. Exit code 0 when the run
 * completed with nothing missing or duplicated.
 *
 * The process killed is the CLI's runner: the same runner code the app's server runs, started the
 * same way after a crash (a resume that waits for the dead owner's lease to expire).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { backendInputSchema } from "@/lib/backends/backend-input";
import { openDatabase } from "@/lib/db/client";
import { getRunConfig } from "@/lib/db/queries/runs";
import { createBackend } from "@/lib/db/queries/backends";
import { ensureDemoDatasets } from "@/lib/demo/seed-demo-datasets";
import { demoPreset } from "@/lib/pipeline/run-presets";
import { createRandom } from "@/lib/pipeline/random";
import { startSimJudgeProcess } from "../bench/support/processes";
import { checkRunRows } from "./chaos/expected-rows";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    kills: { type: "string" },
    "fault-rate": { type: "string", default: "0.3" },
    seed: { type: "string", default: "1" },
  },
});
const quick = values.quick ?? false;
const kills = Number(values.kills ?? (quick ? 5 : 20));
const faultRate = Number(values["fault-rate"]);
const random = createRandom(Number(values.seed));
const LEASE_MS = 1500;

/** 30% of requests fail, spread over every kind of fault SimJudge injects. */
function faultMix(rate: number) {
  const share = rate / 7;
  return {
    errorRate: share * 3, // 429 (with Retry-After), 500, 503
    errorStatuses: [429, 500, 503],
    retryAfterSeconds: 1,
    hangRate: share, // the client times out
    malformedRate: share,
    truncateRate: share,
    dropRate: share,
  };
}

async function prepare(dir: string, simUrl: string): Promise<{ dbFile: string; configFile: string }> {
  const dbFile = path.join(dir, "chaos.db");
  const db = openDatabase({ file: dbFile, migrationsFolder: path.join(ROOT, "drizzle") });
  await ensureDemoDatasets(db, path.join(ROOT, "lib", "demo", "data"));
  createBackend(
    db,
    backendInputSchema.parse({
      name: "sim",
      preset: "simjudge",
      baseUrls: [simUrl],
      apiKeyEnv: null,
      maxInFlight: 32,
      requestsPerMinute: null,
      tokensPerMinute: null,
      timeoutSeconds: 2, // hangs become timeouts quickly
      supportsN: true,
      supportsFineTuning: true,
    }),
  );
  db.$client.close();
  const demo = demoPreset();
  const config = {
    ...demo,
    name: "chaos",
    generator: { backend: "sim", model: "simjudge-base" },
    judge: { backend: "sim", model: "simjudge-base" },
    instructions: quick ? { ...demo.instructions, count: 40, candidates: 60, perCategoryCap: null } : demo.instructions,
    judging: { ...demo.judging, samples: quick ? 2 : 4 },
    iterations: quick ? 2 : 3,
    evaluation: { ...demo.evaluation!, maxItems: quick ? 40 : null },
  };
  const configFile = path.join(dir, "run.json");
  fs.writeFileSync(configFile, JSON.stringify(config));
  return { dbFile, configFile };
}

function cli(
  dbFile: string,
  args: string[],
): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string }> } {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "judge-lab.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbFile, JUDGE_LAB_LEASE_MS: String(LEASE_MS) },
    stdio: ["ignore", "pipe", "ignore"],
  });
  let stdout = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  return { child, done: new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, stdout }))) };
}

const latestRunId = (dbFile: string) => {
  const sqlite = new Database(dbFile, { readonly: true });
  try {
    return (sqlite.prepare("select max(id) from runs").pluck().get() as number | null) ?? 0;
  } finally {
    sqlite.close();
  }
};

async function faultFreeRun(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "judge-lab-chaos-ref-"));
  const sim = await startSimJudgeProcess({ dbFile: path.join(dir, "sim.db"), seed: Number(values.seed) });
  try {
    const { dbFile, configFile } = await prepare(dir, sim.url);
    const started = performance.now();
    const result = await cli(dbFile, ["run", configFile]).done;
    if (result.code !== 0) throw new Error(`the fault-free run ended with exit code ${result.code}`);
    return (performance.now() - started) / 1000;
  } finally {
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`Chaos${quick ? " (--quick)" : ""}: ${Math.round(faultRate * 100)}% faulty requests, ${kills} SIGKILLs of the runner\n`);
  console.log("Fault-free reference run ...");
  const referenceSeconds = await faultFreeRun();
  console.log(`  ${referenceSeconds.toFixed(1)} s\n`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "judge-lab-chaos-"));
  const sim = await startSimJudgeProcess({ dbFile: path.join(dir, "sim.db"), faults: faultMix(faultRate), seed: Number(values.seed) });
  const started = performance.now();
  let killed = 0;
  let restarts = 0;
  let runId = 0;
  let completed = false;
  try {
    const { dbFile, configFile } = await prepare(dir, sim.url);
    let current = cli(dbFile, ["run", configFile]);
    const deadline = Date.now() + (quick ? 10 : 30) * 60_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error("the run did not finish in time");
      // Kill at a random moment 0.5-4 s into this process's life, while kills remain.
      const killAfter = 500 + random.next() * 3500;
      const outcome = await Promise.race([
        current.done.then((result) => ({ kind: "exited" as const, result })),
        new Promise<{ kind: "timer" }>((resolve) => setTimeout(() => resolve({ kind: "timer" }), killAfter)),
      ]);
      runId ||= latestRunId(dbFile);
      if (outcome.kind === "timer") {
        if (killed < kills && runId) {
          current.child.kill("SIGKILL");
          await current.done;
          killed++;
          process.stdout.write(`  kill ${killed}/${kills} at ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
          current = cli(dbFile, ["resume", String(runId)]);
          restarts++;
        }
        continue;
      }
      const { code } = outcome.result;
      if (code === 0) {
        completed = true;
        break;
      }
      // Paused by the runner (3: e.g. a backend that kept failing) or failed: resume, as a person would.
      console.log(`  the runner exited with code ${code}; resuming`);
      current = cli(dbFile, ["resume", String(runId)]);
      restarts++;
    }
    const totalSeconds = (performance.now() - started) / 1000;
    const sqlite = new Database(dbFile, { readonly: true });
    const status = sqlite.prepare("select status, status_reason as reason from runs where id = ?").get(runId) as {
      status: string;
      reason: string | null;
    };
    sqlite.close();
    const db = openDatabase({ file: dbFile, migrationsFolder: path.join(ROOT, "drizzle") });
    const rows = checkRunRows(db.$client, runId, getRunConfig(db, runId));
    db.$client.close();
    const stats = await sim.stats();
    const faultsInjected = Object.values(stats.faults).reduce((a, b) => a + b, 0);
    // A truncated answer is a valid answer (finish_reason "length"): stored as truncated, not retried.
    const truncated = stats.faults.truncate ?? 0;
    const permanent = rows.permanentFailures.judgments + rows.permanentFailures.evalJudgments + rows.permanentFailures.droppedPairs;
    completed &&= status.status === "completed";

    console.log(`\nRun #${runId}: ${status.status}${status.reason ? ` (${status.reason})` : ""}; completed: ${completed ? "yes" : "no"}`);
    console.log(`Rows: expected ${rows.expected}, present ${rows.present}, duplicated ${rows.duplicated}, missing ${rows.missing}`);
    console.log(`Iterations scored: ${rows.scoredIterations}`);
    console.log(`Faults injected: ${faultsInjected} of ${stats.requests} requests (${JSON.stringify(stats.faults)})`);
    const retries = Math.max(0, faultsInjected - truncated - permanent);
    console.log(
      `Retries: ${retries} (every failed request that did not end its unit for good); ${truncated} truncated answers stored as truncated`,
    );
    console.log(
      `Failed for good: ${permanent} (judgments ${rows.permanentFailures.judgments}, eval judgments ${rows.permanentFailures.evalJudgments}, pairs ${rows.permanentFailures.droppedPairs}); ` +
        `each is stored with its reason and shown in the trace views${rows.permanentFailures.samples.length ? `, e.g. "${rows.permanentFailures.samples[0]}"` : ""}`,
    );
    console.log(`Kills: ${killed}, restarts: ${restarts}`);
    console.log(
      `Time: ${totalSeconds.toFixed(1)} s with chaos, ${referenceSeconds.toFixed(1)} s fault-free (${(totalSeconds / referenceSeconds).toFixed(1)}x)\n`,
    );
    console.log(
      JSON.stringify({
        completed,
        expected: rows.expected,
        present: rows.present,
        duplicated: rows.duplicated,
        missing: rows.missing,
        faults: stats.faults,
        faults_total: faultsInjected,
        requests: stats.requests,
        retries,
        truncated,
        kills: killed,
        restarts,
        permanent_failures: permanent,
        seconds: Math.round(totalSeconds * 10) / 10,
        fault_free_seconds: Math.round(referenceSeconds * 10) / 10,
      }),
    );
    process.exitCode = completed && rows.missing === 0 && rows.duplicated === 0 ? 0 : 1;
  } finally {
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
