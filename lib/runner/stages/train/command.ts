/**
 * The command trainer: a command named in the server's configuration file (never typed in the
 * browser) gets the training file and prints the new model's name; the named backend serves it.
 */
import fs from "node:fs";
import path from "node:path";
import { findBackendByName } from "@/lib/db/queries/backends";
import { updateTrainingJob } from "@/lib/db/queries/run-work";
import { databaseFile } from "@/lib/env";
import { readServerConfig } from "@/lib/server-config";
import { runTrainingCommand } from "@/lib/trainers/command";
import { buildTrainingFile } from "@/lib/trainers/training-file";
import { FailRun } from "../../errors";
import type { TrainingRoundContext } from "./round";

export async function trainWithCommand({ ctx, iteration, trainer, method, base, job, next }: TrainingRoundContext): Promise<void> {
  if (trainer.kind !== "command") return;
  const { db, run, config } = ctx;
  const commands = readServerConfig().trainers;
  const configured = commands[trainer.command];
  if (!configured) {
    throw new FailRun(
      `No trainer command named "${trainer.command}" in the server configuration (${Object.keys(commands).join(", ") || "none configured"})`,
    );
  }
  const backend = findBackendByName(db, configured.backend);
  if (!backend) throw new FailRun(`The trainer "${trainer.command}" names backend "${configured.backend}", which does not exist`);
  const file = buildTrainingFile(db, iteration.id, { judgeTemplate: config.prompts.judge, method, format: "trl" });
  const dir = path.join(path.dirname(databaseFile()), "training");
  fs.mkdirSync(dir, { recursive: true });
  const filePath = path.join(dir, `run-${run.id}-iteration-${iteration.index}-${method}.jsonl`);
  fs.writeFileSync(filePath, file.content);
  updateTrainingJob(db, job.id, { status: "running", exampleCount: file.lines });
  try {
    const result = await runTrainingCommand(configured, { trainingFile: filePath, method, baseModel: base.model }, ctx.signal);
    updateTrainingJob(db, job.id, {
      status: "succeeded",
      resultModel: result.model,
      resultBackendId: backend.id,
      log: result.log,
      finishedAt: Date.now(),
    });
    next(result.model, backend.id);
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    updateTrainingJob(db, job.id, {
      status: "failed",
      error: message,
      log: (error as { log?: string }).log ?? null,
      finishedAt: Date.now(),
    });
    throw new FailRun(message);
  }
}
