// Which model each round fine-tunes and with which method, on SimJudge: by default (the paper)
// every round trains the base model again on the data the current judge annotated; "previous"
// trains the last judge; RAM's released recipe (SFT from the seed, then DPO from that SFT model)
// runs end to end, both judges scored, and its DPO file is A/B balanced with every rejected trace
// giving another verdict than its chosen one.
import { describe, expect, it } from "vitest";
import { getIteration, getTrainingJob, listIterations } from "@/lib/db/queries/run-work";
import { evalScores } from "@/lib/db/queries/run-summary";
import { parseVerdict } from "@/lib/pipeline/parse-verdict";
import { driveWithLease } from "@/lib/runner/lease";
import { launchRun } from "@/lib/runner/launch";
import { buildTrainingFile } from "@/lib/trainers/training-file";
import { JUDGE_PROMPT } from "@/lib/pipeline/prompts";
import { smallConfig } from "../helpers/run-fixture";
import { simRunSuite } from "../helpers/sim-run-suite";

const suite = simRunSuite();

const baseModels = (runId: number) =>
  listIterations(suite.temp.db, runId)
    .map((it) => getTrainingJob(suite.temp.db, it.id))
    .filter((job) => job !== undefined)
    .map((job) => ({ method: job.method, base: job.baseModel, result: job.resultModel }));

describe("training rounds", () => {
  it("trains the base model again every round by default (the paper), each on the current judge's data", async () => {
    const runId = launchRun(suite.temp.db, smallConfig({ name: "seed base", iterations: 3 })).id;
    expect(await driveWithLease(suite.temp.db, runId, {}).status).toBe("completed");
    const jobs = baseModels(runId);
    expect(jobs).toHaveLength(3);
    for (const job of jobs) expect(job.base).toBe("simjudge-base");
    // Each round's result is a new model, and it judges the next iteration.
    expect(new Set(jobs.map((j) => j.result)).size).toBe(3);
    expect(getIteration(suite.temp.db, runId, 2)!.judgeModel).toBe(jobs[1]!.result);
  }, 90_000);

  it("trains the previous judge when training.base is previous (the first round from the base model)", async () => {
    const runId = launchRun(
      suite.temp.db,
      smallConfig({
        name: "previous base",
        iterations: 3,
        training: { method: "sft", base: "previous", trainer: { kind: "fine_tuning_api", suffix: "prev" } },
      }),
    ).id;
    expect(await driveWithLease(suite.temp.db, runId, {}).status).toBe("completed");
    const jobs = baseModels(runId);
    expect(jobs.map((j) => j.base)).toEqual(["simjudge-base", jobs[0]!.result, jobs[1]!.result]);
  }, 90_000);

  it("runs RAM's released recipe: SFT from the seed, then DPO from that SFT judge, both scored", async () => {
    const runId = launchRun(
      suite.temp.db,
      smallConfig({
        name: "RAM recipe",
        iterations: 2,
        judging: { samples: 4, bothOrders: true, temperature: 0.7, topP: 0.9, maxTokens: 4096 },
        training: {
          method: "sft",
          schedule: [
            { method: "sft", base: "seed" },
            { method: "dpo", base: "previous" },
          ],
          dpoPairsPerPrompt: 2,
          trainer: { kind: "fine_tuning_api", suffix: "ram" },
        },
      }),
    ).id;
    expect(await driveWithLease(suite.temp.db, runId, {}).status).toBe("completed");
    const jobs = baseModels(runId);
    expect(jobs.map((j) => j.method)).toEqual(["sft", "dpo"]);
    expect(jobs[0]!.base).toBe("simjudge-base");
    expect(jobs[1]!.base).toBe(jobs[0]!.result); // DPO from the SFT model
    // Every judge, the seed one included, is scored on the eval set.
    for (const it of listIterations(suite.temp.db, runId)) expect(evalScores(suite.temp.db, it.id)).toHaveLength(1);

    // The DPO file: balanced A/B, and no rejected trace shares its chosen trace's verdict.
    const dpoIteration = getIteration(suite.temp.db, runId, 1)!;
    const file = buildTrainingFile(suite.temp.db, dpoIteration.id, { judgeTemplate: JUDGE_PROMPT, method: "dpo", format: "trl" });
    const lines = file.content
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { prompt: { content: string }[]; chosen: { content: string }[]; rejected: { content: string }[] });
    expect(lines.length).toBeGreaterThan(10);
    let chosenA = 0;
    for (const line of lines) {
      const chosen = parseVerdict(line.chosen[0]!.content, "ram");
      const rejected = parseVerdict(line.rejected[0]!.content, "ram");
      expect(chosen.status).toBe("ok");
      expect(rejected.verdict).not.toBe(chosen.verdict);
      if (chosen.verdict === "A") chosenA++;
    }
    const stats = dpoIteration.stats!;
    expect(stats.dpo).toBe(1);
    expect(stats.keptA).toBe(stats.keptB);
    expect(lines).toHaveLength(stats.examples!);
    // Balanced by prompt; with up to 2 pairs per prompt the line counts per side stay close.
    expect(Math.abs(chosenA - (lines.length - chosenA))).toBeLessThanOrEqual(stats.keptA!);
  }, 120_000);
});
