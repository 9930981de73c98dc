/**
 * The peer tool of the benchmark, installed on first use into a scratch folder that is not part
 * of the project (bench/.peer, git-ignored): promptfoo and a Node 22 runtime from the npm registry
 * (promptfoo needs Node 22 or newer; the project runs on Node 20). Never a project dependency.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const PEER_DIR = path.resolve(import.meta.dirname, "..", ".peer");
export const PROMPTFOO_VERSION = "0.121.20";
export const PEER_NODE_VERSION = "22";

export type PeerTool = { node: string; promptfoo: string; version: string };

export function ensurePeerInstalled(log: (line: string) => void): PeerTool {
  const node = path.join(PEER_DIR, "node_modules", ".bin", "node");
  const promptfoo = path.join(PEER_DIR, "node_modules", "promptfoo", "dist", "src", "entrypoint.js");
  const installed = path.join(PEER_DIR, "node_modules", "promptfoo", "package.json");
  const have =
    fs.existsSync(installed) && fs.existsSync(node)
      ? (JSON.parse(fs.readFileSync(installed, "utf8")) as { version: string }).version
      : null;
  if (have !== PROMPTFOO_VERSION) {
    log(
      `installing promptfoo ${PROMPTFOO_VERSION} and Node ${PEER_NODE_VERSION} into ${path.relative(process.cwd(), PEER_DIR)} (a few minutes, once)`,
    );
    fs.mkdirSync(PEER_DIR, { recursive: true });
    fs.writeFileSync(path.join(PEER_DIR, "package.json"), JSON.stringify({ name: "judge-lab-bench-peer", private: true }, null, 2));
    try {
      execFileSync(
        "npm",
        ["install", "--no-audit", "--no-fund", "--loglevel=error", `promptfoo@${PROMPTFOO_VERSION}`, `node@${PEER_NODE_VERSION}`],
        {
          cwd: PEER_DIR,
          stdio: ["ignore", "ignore", "inherit"],
        },
      );
    } catch (error) {
      throw new Error(
        `could not install promptfoo from the npm registry into ${PEER_DIR} (${error instanceof Error ? error.message : error}); check the registry is reachable, or skip this section`,
      );
    }
  }
  const entry = fs.existsSync(promptfoo) ? promptfoo : path.join(PEER_DIR, "node_modules", ".bin", "promptfoo");
  return { node, promptfoo: entry, version: PROMPTFOO_VERSION };
}
