/**
 * Child processes of the benchmark (and of the chaos script): SimJudge standalone (so its CPU is
 * not the runner's), and workers that run one measured job and answer with one JSON line on stdout. Every child is a
 * Node process with tsx, so it runs the project's TypeScript as is.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Node arguments to run a TypeScript file; with BENCH_PROFILE_DIR set, each child writes a CPU profile there. */
export function tsxArgs(script: string, args: string[] = []): string[] {
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(process.env.BENCH_PROFILE_DIR)] : [];
  return [...profile, "--import", "tsx", path.join(ROOT, script), ...args];
}

export type SimJudgeProcess = {
  url: string;
  pid: number;
  stats(): Promise<{
    requests: number;
    chatRequests: number;
    samples: number;
    promptTokens: number;
    maxInFlightSeen: number;
    faults: Record<string, number>;
  }>;
  resetStats(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Starts `scripts/simjudge.ts` on a free port with the given latency and in-flight limit C, and
 * optionally injected faults and their seed (the chaos script uses these too).
 */
export async function startSimJudgeProcess(options: {
  dbFile: string;
  latencyMs?: number;
  maxInFlight?: number;
  faults?: object;
  seed?: number;
}): Promise<SimJudgeProcess> {
  const args = [
    "--port",
    "0",
    "--db",
    options.dbFile,
    "--latency-ms",
    String(options.latencyMs ?? 0),
    "--max-in-flight",
    String(options.maxInFlight ?? 0),
  ];
  if (options.faults) args.push("--faults", JSON.stringify(options.faults));
  if (options.seed !== undefined) args.push("--seed", String(options.seed));
  const child = spawn(process.execPath, tsxArgs("scripts/simjudge.ts", args), { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const match = /listening on (\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`SimJudge exited (${code}) before listening`)));
  });
  return {
    url,
    pid: child.pid!,
    async stats() {
      return (await (await fetch(`${url}/simjudge/stats`)).json()) as Awaited<ReturnType<SimJudgeProcess["stats"]>>;
    },
    async resetStats() {
      await fetch(`${url}/simjudge/stats/reset`, { method: "POST" });
    },
    stop: () => stopChild(child),
  };
}

/** Starts bench/support/forwarder.ts in front of `upstream` (an origin) and resolves with its URL once it listens. */
export async function startForwarderProcess(upstream: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, tsxArgs("bench/support/forwarder.ts", [upstream]), {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /listening on (\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the forwarder exited (${code}) before listening`)));
  });
  return { url, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/**
 * Runs a worker script with one JSON argument; resolves with the last JSON line it prints.
 * Lines starting with "progress " are passed to `onProgress`.
 */
export function runWorker<T>(script: string, input: unknown, onProgress?: (line: string) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, tsxArgs(script, [JSON.stringify(input)]), { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let last = "";
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith("progress ")) onProgress?.(line.slice("progress ".length));
      else if (line.startsWith("{")) last = line;
      else console.log(line);
    });
    child.once("exit", (code) => {
      if (code !== 0 || !last) reject(new Error(`${script} exited with code ${code}`));
      else resolve(JSON.parse(last) as T);
    });
  });
}
