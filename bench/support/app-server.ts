/**
 * The app itself as a child of the benchmark: `next start` in production mode, on a free port and a
 * given database file, serving a build that already exists (never built here). It runs in its own
 * process group, which stop() ends as a whole (a `next start` launched through npm or a shell
 * leaves its `next-server` behind otherwise). With BENCH_PROFILE_DIR set, the server writes a CPU
 * profile there when it exits.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

export type AppBuild = { distDir: string; note: string | null } | { distDir: null; reason: string };

/**
 * The build to serve: .next-test when it has a BUILD_ID, else .next; a build that lacks `route`
 * (e.g. "api/v1/judge", an older test build) is passed over, saying so. Null, with why, when none fits.
 */
export function findAppBuild(route: string): AppBuild {
  const notes: string[] = [];
  for (const distDir of [".next-test", ".next"]) {
    if (!fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) continue;
    if (fs.existsSync(path.join(ROOT, distDir, "server", "app", ...route.split("/"), "route.js")))
      return { distDir, note: notes.length > 0 ? notes.join("; ") : null };
    notes.push(`${distDir} is a build without /${route} (older than the route), passed over`);
  }
  if (notes.length === 0)
    return { distDir: null, reason: "no production build (.next-test/BUILD_ID or .next/BUILD_ID); run `npm run build` first" };
  return { distDir: null, reason: notes.join("; ") };
}

/** A port nobody listens on right now, on the loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type AppServer = { url: string; pid: number; stop(): Promise<void> };

/** Starts `next start` on `dbFile` and resolves once `readyPath` answers (migrations, demo data and start-up are done). */
export async function startAppServer(options: {
  distDir: string;
  dbFile: string;
  readyPath: string;
  timeoutMs?: number;
  /** More environment for the server (e.g. JUDGE_LAB_API_PORT). */
  env?: Record<string, string>;
}): Promise<AppServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.dbFile,
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXT_DIST_DIR: options.distDir,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  delete env.JUDGE_LAB_TOKEN; // an open loopback server: no token to send
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(process.env.BENCH_PROFILE_DIR)] : [];
  const child = spawn(process.execPath, [...profile, NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env,
    detached: true, // its own process group, so stop() reaches every process it starts
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid!;
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(...chunk.toString("utf8").split("\n").filter(Boolean).slice(-20));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  // The group is not the terminal's: if the bench exits or is interrupted first, end it then.
  const kill = () => signalGroup(pid, "SIGKILL");
  const onSignal = (signal: NodeJS.Signals) => {
    kill();
    detach();
    process.kill(process.pid, signal); // the default action again: exit
  };
  const detach = () => {
    process.removeListener("exit", kill);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  };
  process.once("exit", kill);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    detach();
    await stopGroup(pid);
  };
  try {
    await waitUntilAnswering(`${url}${options.readyPath}`, () => child.exitCode !== null, options.timeoutMs ?? 90_000);
  } catch (error) {
    await stop();
    const tail = output.slice(-10).join(" | ");
    throw new Error(`${error instanceof Error ? error.message : String(error)}${tail ? `; server output: ${tail}` : ""}`);
  }
  return { url, pid, stop };
}

async function waitUntilAnswering(url: string, exited: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (exited()) throw new Error("next start exited before answering");
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`next start did not answer ${url} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}

/** SIGTERM to the group (Next.js exits cleanly, writing a profile if asked), SIGKILL after 10 s; resolves when the group is empty. */
async function stopGroup(pid: number): Promise<void> {
  if (!signalGroup(pid, "SIGTERM")) return;
  const deadline = performance.now() + 10_000;
  while (signalGroup(pid, 0)) {
    if (performance.now() > deadline) signalGroup(pid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** CPU milliseconds (user + system) a live process has used, from /proc (Linux); null elsewhere. */
export function processCpuMs(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks (100/s)
  } catch {
    return null;
  }
}
