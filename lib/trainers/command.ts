/**
 * The command trainer: runs a command named in the server's configuration file (never one typed
 * in the browser), without a shell, with the training file's path, the method and the base model
 * appended as arguments. Its last line of output is the new model's name. Output is kept (capped)
 * as the job's log; a timeout kills it.
 */
import { execFile } from "node:child_process";
import type { CommandTrainerConfig } from "@/lib/server-config";

const MAX_LOG_BYTES = 256 * 1024;

export type CommandResult = { model: string; log: string };

export function runTrainingCommand(
  trainer: CommandTrainerConfig,
  input: { trainingFile: string; method: "sft" | "dpo"; baseModel: string },
  signal?: AbortSignal,
): Promise<CommandResult> {
  const [program, ...args] = trainer.command;
  const fullArgs = [...args, "--train-file", input.trainingFile, "--method", input.method, "--base-model", input.baseModel];
  return new Promise((resolve, reject) => {
    execFile(
      program!,
      fullArgs,
      { cwd: trainer.cwd, timeout: trainer.timeoutSeconds * 1000, maxBuffer: 16 * 1024 * 1024, signal, shell: false, windowsHide: true },
      (error, stdout, stderr) => {
        const log = `${stdout}${stderr ? `\n--- stderr ---\n${stderr}` : ""}`.slice(-MAX_LOG_BYTES);
        if (error) {
          const reason = (error as { killed?: boolean }).killed ? `timed out after ${trainer.timeoutSeconds} s` : error.message;
          reject(Object.assign(new Error(`The training command failed: ${reason}`), { log }));
          return;
        }
        const model = stdout.trim().split("\n").at(-1)?.trim();
        if (!model) {
          reject(
            Object.assign(new Error("The training command printed no model name (its last line of output must be the new model)"), { log }),
          );
          return;
        }
        resolve({ model, log });
      },
    );
  });
}
