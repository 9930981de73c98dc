/**
 * SimJudge's fine-tuning: fits the judge's four weights to a training file by logistic regression,
 * starting from the current weights (docs/architecture.md, "SimJudge"). Features are recomputed from each
 * example's judge prompt; the label is the verdict in its assistant turn (SFT) or the verdict of
 * the chosen trace over the rejected one (DPO). Correct, balanced traces raise the weight of
 * coverage and drift and shrink length and position; wrong traces teach the opposite. Nothing here
 * knows which response is right: it learns only from the file.
 */
import { z } from "zod";
import { parseVerdict } from "@/lib/pipeline/parse-verdict";
import { logit, sigmoid, type Weights } from "./judge-model";
import { readJudgePrompt } from "./tasks";
import { judgeFeatures } from "./text-features";

export type TrainingExample = { vector: [number, number, number, number]; label: 0 | 1 };
export type TrainingMethod = "supervised" | "dpo";

const messageSchema = z.object({ role: z.string(), content: z.string() }).loose();
const sftLineSchema = z.object({ messages: z.array(messageSchema).min(2) }).loose();
const contentOf = z.union([z.string(), z.array(messageSchema).min(1)]);
/** TRL style {prompt, chosen, rejected}. */
const trlDpoLineSchema = z.object({ prompt: contentOf, chosen: contentOf, rejected: contentOf }).loose();
/** OpenAI style {input: {messages}, preferred_output, non_preferred_output}. */
const openAiDpoLineSchema = z
  .object({
    input: z.object({ messages: z.array(messageSchema).min(1) }).loose(),
    preferred_output: z.array(messageSchema).min(1),
    non_preferred_output: z.array(messageSchema).min(1),
  })
  .loose();

type Content = z.infer<typeof contentOf>;

function readDpoLine(json: unknown): [Content, Content, Content] | null {
  const trl = trlDpoLineSchema.safeParse(json);
  if (trl.success) return [trl.data.prompt, trl.data.chosen, trl.data.rejected];
  const openAi = openAiDpoLineSchema.safeParse(json);
  if (openAi.success) return [openAi.data.input.messages, openAi.data.preferred_output, openAi.data.non_preferred_output];
  return null;
}

const lastText = (value: string | { content: string }[]): string => (typeof value === "string" ? value : (value.at(-1)?.content ?? ""));

export type ParsedTrainingFile = { examples: TrainingExample[]; skipped: number; errors: string[] };

/**
 * Read a JSONL training file. Lines that are not valid JSON or do not match the method's shape are
 * errors (with their line number); lines that parse but carry no usable judge prompt or verdict
 * are skipped and counted.
 */
export function parseTrainingFile(content: string, method: TrainingMethod): ParsedTrainingFile {
  const examples: TrainingExample[] = [];
  const errors: string[] = [];
  let skipped = 0;
  const lines = content.split("\n");
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const lineNo = index + 1;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      errors.push(`line ${lineNo}: not valid JSON`);
      return;
    }
    let prompt: string;
    let verdict: "A" | "B" | null;
    if (method === "supervised") {
      const parsed = sftLineSchema.safeParse(json);
      if (!parsed.success) {
        errors.push(`line ${lineNo}: expected {"messages": [...]} with a user and an assistant turn`);
        return;
      }
      const messages = parsed.data.messages;
      const answerIndex = messages.findLastIndex((m) => m.role === "assistant");
      const userTurn = messages.slice(0, Math.max(0, answerIndex)).findLast((m) => m.role === "user");
      prompt = userTurn?.content ?? "";
      verdict = answerIndex >= 0 ? parseVerdict(messages[answerIndex]!.content, "lenient").verdict : null;
    } else {
      const line = readDpoLine(json);
      if (!line) {
        errors.push(`line ${lineNo}: expected {"prompt", "chosen", "rejected"} or {"input", "preferred_output", "non_preferred_output"}`);
        return;
      }
      const [promptValue, chosen, rejected] = line;
      prompt = typeof promptValue === "string" ? promptValue : (promptValue.findLast((m) => m.role === "user")?.content ?? "");
      const chosenVerdict = parseVerdict(lastText(chosen), "lenient").verdict;
      const rejectedVerdict = parseVerdict(lastText(rejected), "lenient").verdict;
      // The preference says "chosen's verdict over rejected's"; it only teaches when they differ.
      verdict = chosenVerdict && chosenVerdict !== rejectedVerdict ? chosenVerdict : null;
    }
    const shown = readJudgePrompt(prompt);
    if (!shown || !verdict) {
      skipped++;
      return;
    }
    const features = judgeFeatures(shown.question, shown.responseA, shown.responseB);
    examples.push({ vector: features.vector, label: verdict === "A" ? 1 : 0 });
  });
  return { examples, skipped, errors };
}

/**
 * Logistic regression by full-batch gradient descent from `start`, with a light L2 pull toward
 * the starting weights (fine-tuning adjusts a model; it does not forget it entirely).
 */
export function fitWeights(
  start: Weights,
  examples: readonly TrainingExample[],
  options: { epochs?: number; learningRate?: number; l2?: number } = {},
): Weights {
  const { epochs = 300, learningRate = 0.5, l2 = 0.01 } = options;
  if (examples.length === 0) return [...start] as Weights;
  const w = [...start] as Weights;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradient = [0, 0, 0, 0];
    for (const { vector, label } of examples) {
      const error = sigmoid(logit(w, vector)) - label;
      for (let k = 0; k < 4; k++) gradient[k] = gradient[k]! + error * vector[k]!;
    }
    for (let k = 0; k < 4; k++) {
      const step = gradient[k]! / examples.length + l2 * (w[k]! - start[k]!);
      w[k] = w[k]! - learningRate * step;
    }
  }
  return w;
}
