// The four trainers on a real run: the fine-tuning API with DPO, a command from the server's
// configuration file (run without a shell: metacharacters stay inert), manual (the run waits for a
// model name, then goes on), and in-context (demonstrations instead of new weights).
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getRunById } from "@/lib/db/queries/runs";
import { getIteration, getTrainingJob } from "@/lib/db/queries/run-work";
import { findBackendByName } from "@/lib/db/queries/backends";
import { runConfigSchema } from "@/lib/pipeline/run-config";
import { submitManualModel } from "@/lib/runner/control";
import { driveWithLease } from "@/lib/runner/lease";
import { launchRun } from "@/lib/runner/launch";
import { buildTrainingFile } from "@/lib/trainers/training-file";
import { iterations } from "@/lib/db/schema";
import { smallConfig } from "../helpers/run-fixture";
import { simRunSuite } from "../helpers/sim-run-suite";

const suite = simRunSuite({ beforeClose: () => delete process.env.JUDGE_LAB_CONFIG });

describe("trainers", () => {
  it("fine-tuning API with DPO: each iteration's judge is a new model trained on correct-over-wrong traces", async () => {
    const runId = launchRun(
      suite.temp.db,
      smallConfig({ name: "dpo", training: { method: "dpo", trainer: { kind: "fine_tuning_api", suffix: "dpo" } } }),
    ).id;
    expect(await driveWithLease(suite.temp.db, runId, {}).status).toBe("completed");
    const first = getIteration(suite.temp.db, runId, 1)!;
    expect(first.judgeModel).toMatch(/^ft:simjudge-base:dpo:/);
    expect(getTrainingJob(suite.temp.db, getIteration(suite.temp.db, runId, 0)!.id)).toMatchObject({
      trainer: "fine_tuning_api",
      method: "dpo",
      status: "succeeded",
    });
  }, 60_000);

  it("in-context: the next judge is the same model with k kept traces as demonstrations", async () => {
    const runId = launchRun(
      suite.temp.db,
      smallConfig({ name: "in-context", iterations: 1, training: { method: "sft", trainer: { kind: "in_context", demonstrations: 4 } } }),
    ).id;
    expect(await driveWithLease(suite.temp.db, runId, {}).status).toBe("completed");
    const next = getIteration(suite.temp.db, runId, 1)!;
    expect(next.judgeModel).toBe("simjudge-base");
    expect(next.demonstrationJudgmentIds).toHaveLength(4);
  }, 60_000);

  it("manual: the run pauses with the training set ready, then goes on with the model entered", async () => {
    const runId = launchRun(
      suite.temp.db,
      smallConfig({ name: "manual", iterations: 1, training: { method: "sft", trainer: { kind: "manual" } } }),
    ).id;
    expect(await driveWithLease(suite.temp.db, runId, {}).status).toBe("paused");
    expect(getRunById(suite.temp.db, runId)!.statusReason).toMatch(/Waiting for a trained model for iteration 1/);
    const zero = getIteration(suite.temp.db, runId, 0)!;
    expect(getTrainingJob(suite.temp.db, zero.id)!.status).toBe("awaiting_model");
    const file = buildTrainingFile(suite.temp.db, zero.id, {
      judgeTemplate: runConfigSchema.parse(getRunById(suite.temp.db, runId)!.config).prompts.judge,
      method: "sft",
      format: "trl",
    });
    expect(file.lines).toBeGreaterThan(10);
    expect(JSON.parse(file.content.split("\n")[0]!).messages[1].content).toMatch(/\[\[[AB]\]\]/);
    submitManualModel(suite.temp.db, runId, {
      iterationIndex: 0,
      model: "simjudge-base",
      backendId: findBackendByName(suite.temp.db, "sim")!.id,
    });
    expect(getRunById(suite.temp.db, runId)!.status).toBe("queued");
    expect(await driveWithLease(suite.temp.db, runId, {}).status).toBe("completed");
  }, 60_000);

  it("command: runs the configured program without a shell and takes its last line as the model", async () => {
    const dir = fs.mkdtempSync(path.join(suite.temp.dir, "trainer-"));
    const marker = path.join(dir, "pwned");
    const script = path.join(dir, "train.mjs");
    fs.writeFileSync(
      script,
      `import fs from "node:fs";
const args = process.argv.slice(2);
const file = args[args.indexOf("--train-file") + 1];
console.log("training on " + fs.readFileSync(file, "utf8").trim().split("\\n").length + " examples, method " + args[args.indexOf("--method") + 1]);
console.log("args: " + JSON.stringify(args));
console.log("simjudge-base");
`,
    );
    const configFile = path.join(dir, "judge-lab.config.json");
    fs.writeFileSync(
      configFile,
      JSON.stringify({
        trainers: {
          "node-script": {
            command: [process.execPath, script, `; touch ${marker}`, `$(touch ${marker})`],
            backend: "sim",
            timeoutSeconds: 60,
          },
        },
      }),
    );
    process.env.JUDGE_LAB_CONFIG = configFile;
    const runId = launchRun(
      suite.temp.db,
      smallConfig({ name: "command", iterations: 1, training: { method: "sft", trainer: { kind: "command", command: "node-script" } } }),
    ).id;
    expect(await driveWithLease(suite.temp.db, runId, {}).status).toBe("completed");
    const job = getTrainingJob(suite.temp.db, getIteration(suite.temp.db, runId, 0)!.id)!;
    expect(job).toMatchObject({ trainer: "command", status: "succeeded", resultModel: "simjudge-base" });
    expect(job.log).toMatch(/training on \d+ examples, method sft/);
    expect(job.log).toContain(`; touch ${marker}`); // passed as a plain argument
    expect(fs.existsSync(marker)).toBe(false);
    expect(suite.temp.db.select().from(iterations).where(eq(iterations.runId, runId)).all()).toHaveLength(2);
  }, 60_000);

  it("command: a name that is not configured fails the run with a clear reason", async () => {
    const runId = launchRun(
      suite.temp.db,
      smallConfig({ name: "no command", iterations: 1, training: { method: "sft", trainer: { kind: "command", command: "rm -rf /" } } }),
    ).id;
    expect(await driveWithLease(suite.temp.db, runId, {}).status).toBe("failed");
    expect(getRunById(suite.temp.db, runId)!.statusReason).toMatch(
      /No trainer command named "rm -rf \/" in the server configuration \(node-script\)/,
    );
  }, 60_000);
});
