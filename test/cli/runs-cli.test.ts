// Run control from the command line on a fresh database: run --preset demo (headless, with its own
// SimJudge), runs, status --json (counts and scores per iteration), pause/cancel errors, export.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "judge-lab-runs-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/judge-lab.ts", ...args],
      { env: { ...process.env, DATABASE_URL: path.join(dir, "runs.db") }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("judge-lab run control", () => {
  let runId: number;

  it("runs the demo preset headless and prints the run id last", async () => {
    const result = await cli(["run", "--preset", "demo", "--iterations", "2", "--name", "cli demo"]);
    expect(result.code).toBe(0);
    runId = Number(result.stdout.trim().split("\n").at(-1));
    expect(runId).toBeGreaterThan(0);
    expect(result.stderr).toContain(`Run #${runId} completed`);
  }, 120_000);

  it("lists runs and reports a run's counts and scores per iteration as JSON", async () => {
    const runs = JSON.parse((await cli(["runs", "--json"])).stdout);
    expect(runs).toEqual([expect.objectContaining({ id: runId, name: "cli demo", status: "completed" })]);
    const status = JSON.parse((await cli(["status", String(runId), "--json"])).stdout);
    expect(status).toMatchObject({ id: runId, status: "completed", pairs: { ok: expect.any(Number) } });
    expect(status.iterations).toHaveLength(3);
    const [first, , last] = status.iterations;
    expect(first.judgments.judgments).toBe(status.pairs.ok * 2 * 4);
    expect(first.judgments.kept).toBeGreaterThan(0);
    expect(first.training).toMatchObject({ trainer: "fine_tuning_api", status: "succeeded" });
    expect(first.evals[0]).toMatchObject({ dataset: "Demo eval pairs", accuracy: { accuracy: expect.any(Number) } });
    expect(last.evals[0].accuracy.accuracy).toBeGreaterThan(first.evals[0].accuracy.accuracy + 0.2);
    expect(last.evals[0].aPositionRate).toBeLessThan(first.evals[0].aPositionRate);
  }, 60_000);

  it("refuses to pause a finished run, and exports its config and training sets", async () => {
    const pause = await cli(["pause", String(runId)]);
    expect(pause.code).toBe(1);
    expect(pause.stderr).toMatch(/is completed; only a queued or running run can be paused/);
    const out = path.join(dir, "export");
    const exported = await cli(["export", String(runId), "--out", out]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(out, "config.json"), "utf8"))).toMatchObject({ name: "cli demo", iterations: 2 });
    const sft = fs.readFileSync(path.join(out, "iteration-0.sft.jsonl"), "utf8").trim().split("\n");
    expect(JSON.parse(sft[0]!).messages).toHaveLength(2);
  }, 60_000);

  it("refuses a config with a bad field, naming it", async () => {
    const config = path.join(dir, "bad.json");
    fs.writeFileSync(
      config,
      JSON.stringify({
        name: "bad",
        seed: 1,
        generator: { backend: "nope", model: "m" },
        judge: { backend: "nope", model: "m" },
        instructions: { dataset: "Demo instructions", count: 0 },
        judging: { samples: 2 },
        training: { trainer: { kind: "manual" } },
        iterations: 1,
      }),
    );
    const result = await cli(["run", config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/instructions\.count/);
  }, 60_000);
});
