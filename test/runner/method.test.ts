// The method, measured: with SimJudge, three iterations of the honest pipeline raise accuracy on a
// held-out labelled set (LLMBar, from ../shared/data) over iteration 0 and lower the A-position
// rate; the same run keeping wrong traces instead of correct ones does not improve. Seed fixed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDatasetByName } from "@/lib/db/queries/datasets";
import { evalSummarySql } from "@/lib/db/queries/eval-metrics";
import { listIterations } from "@/lib/db/queries/run-work";
import { demoPreset } from "@/lib/pipeline/run-presets";
import { driveWithLease } from "@/lib/runner/lease";
import { launchRun } from "@/lib/runner/launch";
import { startSimJudge, type TestSimJudge } from "../helpers/simjudge";
import { prepareRunDb } from "../helpers/run-fixture";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let sim: TestSimJudge;
let temp: TempDb;

beforeAll(async () => {
  sim = await startSimJudge();
  temp = createTempDb();
  await prepareRunDb(temp.db, sim.url, { llmbar: true, maxInFlight: 128 });
}, 30_000);
afterAll(async () => {
  temp.close();
  await sim.close();
});

async function runAndMeasure(keep: "correct" | "wrong") {
  const demo = demoPreset();
  const runId = launchRun(temp.db, {
    ...demo,
    name: `method (${keep})`,
    seed: 7,
    generator: { backend: "sim", model: "simjudge-base" },
    judge: { backend: "sim", model: "simjudge-base" },
    filter: { ...demo.filter!, keep },
    evaluation: { ...demo.evaluation!, datasets: ["LLMBar", "Demo eval pairs"] },
  }).id;
  expect(await driveWithLease(temp.db, runId, {}).status).toBe("completed");
  const llmbar = findDatasetByName(temp.db, "LLMBar")!.id;
  const demoSet = findDatasetByName(temp.db, "Demo eval pairs")!.id;
  return listIterations(temp.db, runId).map((it) => {
    const summary = evalSummarySql(temp.db, { iterationId: it.id, datasetId: llmbar });
    const demoSummary = evalSummarySql(temp.db, { iterationId: it.id, datasetId: demoSet });
    return { accuracy: summary.accuracy!.accuracy, aRate: summary.aPositionRate!, demo: demoSummary.accuracy!.accuracy };
  });
}

describe("the Self-Taught Evaluator loop with SimJudge", () => {
  it("improves a held-out judge score and lowers its position bias; keeping wrong traces does not", async () => {
    const honest = await runAndMeasure("correct");
    expect(honest).toHaveLength(4);
    // Measured with seed 7: accuracy on LLMBar 32% -> 43% -> 51% -> 59%, A-rate 0.70 -> 0.56.
    expect(honest[3]!.accuracy - honest[0]!.accuracy).toBeGreaterThanOrEqual(0.15);
    expect(honest[3]!.aRate).toBeLessThan(honest[0]!.aRate - 0.05);

    const ablation = await runAndMeasure("wrong");
    // Measured: on the held-out demo pairs it collapses (about 59% -> 1%: it learned the opposite);
    // on LLMBar it stays near its start (32% -> 37%; LLMBar's adversarial rejected answers often
    // echo the question, so an anti-coverage judge is not punished there) and far below the honest run.
    expect(ablation[3]!.demo).toBeLessThan(ablation[0]!.demo - 0.2);
    expect(ablation[3]!.accuracy).toBeLessThan(honest[3]!.accuracy - 0.15);
    expect(honest[3]!.demo).toBeGreaterThan(honest[0]!.demo + 0.2);
  }, 120_000);
});
