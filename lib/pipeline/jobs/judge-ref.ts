/**
 * Which judge a judge job (or an API call) uses, named by people: an iteration of a run
 * ("run:3:2", the judge trained in run #3's second round; in-context judges bring their
 * demonstrations) or a model on a backend with a judge prompt ("model:<backend>:<model>", the
 * model name may itself contain colons). The zod schema is the shape configs and the API accept.
 */
import { z } from "zod";
import { JUDGE_PROMPT } from "../prompts";
import { promptTemplateSchema } from "../prompts/template-schema";

export const judgePromptSchema = promptTemplateSchema("judge", ["instruction", "response_a", "response_b"]);

export const judgeRefSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("iteration"),
      runId: z.number({ error: "Give the run's id (a number)" }).int().positive(),
      iteration: z.number({ error: "Give the iteration (0 is the seed judge)" }).int().min(0),
    })
    .strict(),
  z
    .object({
      kind: z.literal("model"),
      backend: z.string().trim().min(1, "Pick the judge's backend"),
      model: z.string().trim().min(1, "Enter the judge's model name").max(300),
      prompt: judgePromptSchema.default(JUDGE_PROMPT),
    })
    .strict(),
]);

export type JudgeRef = z.infer<typeof judgeRefSchema>;
export type JudgeRefInput = z.input<typeof judgeRefSchema>;

/** "run:<id>:<iteration>" or "model:<backend>:<model>", else null. */
export function parseJudgeRef(text: string): JudgeRefInput | null {
  const run = /^run:(\d+):(\d+)$/.exec(text.trim());
  if (run) return { kind: "iteration", runId: Number(run[1]), iteration: Number(run[2]) };
  const model = /^model:([^:]+):(.+)$/.exec(text.trim());
  if (model) return { kind: "model", backend: model[1]!.trim(), model: model[2]!.trim() };
  return null;
}

export function formatJudgeRef(ref: JudgeRefInput): string {
  return ref.kind === "iteration" ? `run:${ref.runId}:${ref.iteration}` : `model:${ref.backend}:${ref.model}`;
}

export const JUDGE_REF_HELP = 'a judge is "run:<run id>:<iteration>" or "model:<backend>:<model>"';
