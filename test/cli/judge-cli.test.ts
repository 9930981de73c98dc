// `judge-lab judge` as a real process on a fresh database, with the CLI's own SimJudge behind the
// built-in backend ("model:sim:…"): a labelled pairwise file (win rate, agreement with the labels,
// position consistency), the same content judged again by two judges (the dataset reused, the
// judges' agreement), --json, a best-of-4 file, two systems' files joined with --versus (and
// refused with file/line/field), bad judge references (exit 2, nothing launched), judge-jobs.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "judge-lab-judge-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/judge-lab.ts", ...args],
      { env: { ...process.env, DATABASE_URL: path.join(dir, "judge.db") }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const PAIRWISE = "lib/demo/data/demo-judge-pairwise.jsonl";
const BEST_OF_4 = "lib/demo/data/demo-judge-best-of-4.jsonl";
const SIM = "model:sim:simjudge-base";

function writeJsonl(name: string, rows: unknown[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
  return file;
}

describe("judge-lab judge", () => {
  it("judges a labelled pairwise file: counts, A's win rate with its interval, agreement with the labels, consistency", async () => {
    const result = await cli(["judge", PAIRWISE, "--judge", SIM]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Imported 120 rows into "demo-judge-pairwise"');
    expect(result.stderr).toMatch(/Judge job #\d+ completed/);
    const out = result.stdout;
    expect(out).toMatch(/^Judge job #\d+ \(completed\): simjudge-base on SimJudge \(simulated\)$/m);
    expect(out).toContain("120 of 120 items judged, pairwise (A = response_a, B = response_b)");
    const [, a, b, tie, unparsed] = /A wins (\d+), B wins (\d+), ties (\d+), unparsed (\d+)/.exec(out)!.map(Number);
    expect(a! + b! + tie! + unparsed!).toBe(120);
    expect(out).toMatch(new RegExp(`A's win rate \\d+\\.\\d% \\[\\d+\\.\\d, \\d+\\.\\d\\] of ${a! + b!} decided`));
    expect(out).toMatch(
      /Agreement with labels \(120 labelled\): accuracy without ties \d+\.\d% \[.+\] of \d+, 3-way \d+\.\d% \[.+\], kappa -?\d\.\d\d/,
    );
    expect(out).toMatch(/Position consistency \d+\.\d% \[.+\] \(\d+ of 120\)/);
  }, 120_000);

  it("two judges on content imported before: the dataset is reused and the judges' agreement and kappa printed", async () => {
    const result = await cli(["judge", PAIRWISE, "--judge", SIM, "--judge", SIM, "--one-order", "--max-items", "40"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Using "demo-judge-pairwise" \(#\d+, 120 rows\): the same content was imported before/);
    expect(result.stdout.match(/^Judge job #\d+ \(completed\)/gm)).toHaveLength(2);
    expect(result.stdout).toContain("40 of 40 items judged");
    expect(result.stdout).toContain("Position consistency: — (judged in one order)");
    expect(result.stdout).toMatch(/^Judges #\d+ and #\d+ agree on \d+\.\d% \[.+\] of 40 items, kappa -?\d\.\d\d/m);
  }, 120_000);

  it("prints one JSON object with --json", async () => {
    const result = await cli(["judge", PAIRWISE, "--judge", SIM, "--judge", SIM, "--max-items", "20", "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.dataset).toMatchObject({ name: "demo-judge-pairwise", reused: true, rows: 120 });
    expect(report.jobs).toHaveLength(2);
    const [job] = report.jobs;
    expect(job).toMatchObject({ status: "completed", items: 20, done: 20, pairwise: true, judge: { ref: SIM, model: "simjudge-base" } });
    const counts = job.winRate.counts;
    expect(counts.a + counts.b + counts.tie + counts.unparsed).toBe(20);
    expect(job.agreement).toMatchObject({ labelled: 20, kappa: expect.any(Number) });
    expect(job.consistency).toMatchObject({ of: 20 });
    expect(report.agreement).toEqual([expect.objectContaining({ items: 20, kappa: expect.any(Number) })]);
  }, 120_000);

  it("judges a best-of-4 file: how often each response was ranked best, and best-of-n accuracy", async () => {
    const result = await cli(["judge", BEST_OF_4, "--judge", SIM, "--ranking", "round-robin", "--max-items", "20"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("20 of 20 items judged, best of 4");
    const [, ...best] = /Ranked best: A (\d+), B (\d+), C (\d+), D (\d+)/.exec(result.stdout)!;
    expect(best.map(Number).reduce((s, n) => s + n, 0)).toBe(20);
    expect(result.stdout).toMatch(/Best-of-n accuracy \d+\.\d% \[.+\] \(\d+ of 20 labelled\)/);
  }, 120_000);

  it("compares two systems' files with --versus, joined by id, the systems named by their generator", async () => {
    const prompts = ["Say hi.", "Add 2 and 2.", "Name a color.", "Name a fruit."];
    const a = writeJsonl(
      "v1.jsonl",
      prompts.map((p, i) => ({ id: i, prompt: p, response: `v1 answer to ${p}`, generator: "model-v1" })),
    );
    const b = writeJsonl(
      "v2.jsonl",
      prompts.map((p, i) => ({ id: i, prompt: p, response: `v2 answers ${p} at more length`, generator: "model-v2" })).reverse(),
    );
    const result = await cli(["judge", a, "--versus", b, "--judge", SIM]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Joined 4 prompts by id: A = model-v1, B = model-v2");
    expect(result.stderr).toContain('Imported 4 rows into "model-v1 vs model-v2"');
    expect(result.stdout).toContain("4 of 4 items judged, pairwise (A = model-v1, B = model-v2)");
    expect(result.stdout).toMatch(/A wins \d+, B wins \d+/);
    expect(result.stdout).not.toContain("Agreement with labels");
    // A prompt missing from B and an empty output: refused together, naming file, line and field.
    const c = writeJsonl("v3.jsonl", [
      { id: 0, prompt: "Say hi.", response: "" },
      { id: 1, prompt: "Add 2 and 2.", response: "4" },
    ]);
    const refused = await cli(["judge", a, "--versus", c, "--judge", SIM]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("judge-lab judge: 3 problems joining v1.jsonl and v3.jsonl; nothing was imported");
    expect(refused.stderr).toContain('v3.jsonl, line 1, field "response": is empty');
    expect(refused.stderr).toContain('v1.jsonl, line 3, field "id": no row in v3.jsonl has this id "2"');
  }, 120_000);

  it("refuses bad judge references with exit 2 before importing or launching anything", async () => {
    const before = JSON.parse((await cli(["judge-jobs", "--json"])).stdout).length;
    const bad = await cli(["judge", PAIRWISE, "--judge", "gpt-4"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--judge "gpt-4" is not a judge: a judge is "run:<run id>:<iteration>" or "model:<backend>:<model>"');
    const noRun = await cli(["judge", path.join(dir, "v1.jsonl"), "--versus", path.join(dir, "v2.jsonl"), "--judge", "run:999:0"]);
    expect(noRun.code).toBe(2);
    expect(noRun.stderr).toContain("judge-lab judge: --judge run:999:0: judge.runId: There is no run #999");
    expect(noRun.stderr).not.toContain("Joined");
    const noBackend = await cli(["judge", PAIRWISE, "--judge", "model:nope:m"]);
    expect(noBackend.code).toBe(2);
    expect(noBackend.stderr).toContain("judge.backend");
    const noJudge = await cli(["judge", PAIRWISE]);
    expect(noJudge.code).toBe(2);
    const majority = await cli(["judge", PAIRWISE, "--judge", SIM, "--samples", "3"]);
    expect(majority.code).toBe(2);
    expect(majority.stderr).toContain("temperature: Majority vote needs a temperature above 0");
    expect(JSON.parse((await cli(["judge-jobs", "--json"])).stdout)).toHaveLength(before);
  }, 120_000);

  it("lists judge jobs", async () => {
    const listed = await cli(["judge-jobs"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^ID\s+NAME\s+STATUS\s+JUDGE\s+DATASET\s+DONE\s+A\s+B\s+TIE\s+AGREE$/m);
    expect(listed.stdout).toContain("model:sim:simjudge-base on model-v1 vs model-v2");
    const jobs = JSON.parse((await cli(["judge-jobs", "--json"])).stdout);
    expect(jobs.every((j: { status: string }) => j.status === "completed")).toBe(true);
    expect(jobs).toHaveLength(7);
    const help = await cli(["judge", "--help"]);
    expect(help.stdout).toContain("--versus FILE");
  }, 60_000);
});
