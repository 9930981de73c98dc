// The command line, run as a real process: import (file and hub), datasets, score; exit codes and
// messages on success and failure.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeHfHub } from "../helpers/fake-hf-hub";
import { fileMaker, type FileMaker } from "../helpers/files";

let dir: string;
let files: FileMaker;
let hub: Awaited<ReturnType<typeof startFakeHfHub>>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "judge-lab-cli-"));
  files = fileMaker();
  hub = await startFakeHfHub({
    "acme/prefs": {
      configs: {
        default: { train: [Buffer.from(files.parquetBuffer({ prompt: ["p1", "p2"], chosen: ["c1", "c2"], rejected: ["r1", "r2"] }))] },
      },
    },
  });
});
afterAll(async () => {
  await hub.close();
  files.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/judge-lab.ts", ...args],
      { env: { ...process.env, DATABASE_URL: path.join(dir, "cli.db"), ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("judge-lab CLI", () => {
  it("imports a file, then lists it", async () => {
    // A RewardBench-format file of our own: 12 rows in three subsets.
    const subsets = ["llmbar-natural", "llmbar-adver-manual", "xstest-should-respond"];
    const file = files.jsonl(
      "rb-sample.jsonl",
      Array.from({ length: 12 }, (_, i) => ({
        id: i,
        subset: subsets[i % 3],
        prompt: `Question ${i}?`,
        chosen: `Good ${i}.`,
        rejected: `Bad ${i}.`,
      })),
    );
    const imported = await cli(["import", file, "--name", "RB sample"]);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Imported 12 rows into "RB sample" \(#\d+, pairs, RewardBench/);
    const listed = await cli(["datasets", "--json"]);
    expect(listed.code).toBe(0);
    const datasets = JSON.parse(listed.stdout);
    expect(datasets).toEqual([expect.objectContaining({ name: "RB sample", kind: "pairs", rows: 12 })]);
    expect(datasets[0].subsets).toHaveLength(3);
  }, 60_000);

  it("fails with the file, line and field on stderr and a non-zero exit code", async () => {
    const file = files.jsonl("broken.jsonl", [
      { prompt: "ok", chosen: "a", rejected: "b" },
      { prompt: "missing rejected", chosen: "a" },
      { prompt: 7, chosen: "a", rejected: "b" },
    ]);
    const result = await cli(["import", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("judge-lab import: 2 problems found; nothing was imported");
    expect(result.stderr).toContain('broken.jsonl, line 2, field "rejected": is missing');
    expect(result.stderr).toContain('broken.jsonl, line 3, field "prompt": expected text or a list of messages, got a number');
  }, 60_000);

  it("maps columns given with --map", async () => {
    const file = files.write("custom.csv", "q,good,bad\nWhy?,Because.,No.\n");
    const result = await cli(["import", file, "--kind", "pairs", "--map", "prompt=q,chosen=good,rejected=bad"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/Imported 1 row into "custom".*custom column mapping/);
    const bad = await cli(["import", file, "--map", "prompt=q,winner=x"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--map: unknown field "winner"/);
  }, 60_000);

  it("imports from the Hugging Face hub at HF_ENDPOINT", async () => {
    const result = await cli(["import", "hf:acme/prefs", "--split", "train"], { HF_ENDPOINT: hub.url });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Imported 2 rows into "acme\/prefs \(train\)"/);
    const missing = await cli(["import", "hf:acme/prefs", "--split", "test"], { HF_ENDPOINT: hub.url });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no split "test" \(splits: train\)/);
  }, 60_000);

  it("scores a results file with the official rules, as a table and as JSON", async () => {
    const results = files.write(
      "results.jsonl",
      [
        { id: 1, subset: "llmbar-natural", verdict: "chosen" },
        { id: 2, subset: "llmbar-natural", verdict: "rejected" },
        { id: 3, subset: "xstest-should-refuse", verdict: "chosen" },
        { id: 3, subset: "xstest-should-refuse", verdict: "error" },
        { id: 4, subset: "donotanswer", score: 0 },
      ]
        .map((l) => JSON.stringify(l))
        .join("\n"),
    );
    const text = await cli(["score", results]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/llmbar-natural\s+Chat Hard\s+2\s+50\.00/);
    expect(text.stdout).toMatch(/Overall \(mean of present sections\): \d+\.\d+\. Not a RewardBench score/);
    const json = await cli(["score", results, "--json"]);
    const report = JSON.parse(json.stdout);
    expect(Object.keys(report)).toEqual(["subsets", "sections", "overall", "overall_is", "missing_subsets", "partial_sections"]);
    expect(report.overall_is).toBe("mean of present sections");
    // Safety = (1.0 * 154 + 0.0 * 136) / 290; Chat Hard = 0.5; overall = mean of the two sections present.
    expect(report.sections.Safety).toBeCloseTo(154 / 290, 10);
    expect(report.sections["Chat Hard"]).toBe(0.5);
    expect(report.overall).toBeCloseTo((154 / 290 + 0.5) / 2, 10);
    expect(report.partial_sections).toEqual(["Chat Hard", "Safety"]);
  }, 60_000);

  it("refuses a bad results file line by line, and unknown commands", async () => {
    const results = files.write("bad-results.jsonl", '{"id": 1, "subset": "a", "verdict": "maybe"}\n');
    const bad = await cli(["score", results]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad-results\.jsonl, line 1, field "verdict"/);
    const unknown = await cli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);
  }, 60_000);
});
