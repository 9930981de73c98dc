// Starts `next start` for the end-to-end tests and copies everything it prints to a log file as
// well as to the terminal, so a spec can check what the server logged (the secrets spec does).
// Usage: node e2e/support/serve-with-log.mjs <log file> <next start arguments...>
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const [logFile, ...args] = process.argv.slice(2);
fs.mkdirSync(path.dirname(logFile), { recursive: true });
const log = fs.createWriteStream(logFile, { flags: "a" });
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", ...args], { stdio: ["ignore", "pipe", "pipe"] });
for (const [stream, out] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
]) {
  stream.on("data", (chunk) => {
    out.write(chunk);
    log.write(chunk);
  });
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => log.end(() => process.exit(code ?? (signal ? 1 : 0))));
