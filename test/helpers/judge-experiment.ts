// A miniature Self-Taught Evaluator round against SimJudge, for tests of its learning: build pairs,
// sample judgments, keep correct balanced ones, fine-tune through the OpenAI protocol, evaluate.
import type { BackendClient } from "@/lib/inference/chat-client";
import { parseVerdict } from "@/lib/pipeline/parse-verdict";
import { parseWorseResponse } from "@/lib/pipeline/parse-worse-response";
import { ANSWER_PROMPT, fillTemplate, JUDGE_PROMPT, WORSE_RESPONSE_PROMPT } from "@/lib/pipeline/prompts";

export type Pair = { instruction: string; good: string; worse: string };
type Judged = { prompt: string; trace: string; verdict: "A" | "B" | null; goodPosition: "A" | "B" };

const user = (content: string) => [{ role: "user" as const, content }];

export async function buildPairs(client: BackendClient, model: string, instructions: string[]): Promise<Pair[]> {
  const pairs = await Promise.all(
    instructions.map(async (instruction, i) => {
      // y_w first; the worse-response prompt shows it (as the pipeline does).
      const good = await client.chat({ model, messages: user(fillTemplate(ANSWER_PROMPT, { instruction })), seed: i });
      const response = good.samples[0]!.text;
      const worse = await client.chat({ model, messages: user(fillTemplate(WORSE_RESPONSE_PROMPT, { instruction, response })), seed: i });
      const parsed = parseWorseResponse(worse.samples[0]!.text);
      return parsed.ok ? { instruction, good: good.samples[0]!.text, worse: parsed.response } : null;
    }),
  );
  return pairs.filter((pair): pair is Pair => pair !== null);
}

export function judgePrompt(pair: Pair, goodPosition: "A" | "B"): string {
  const [a, b] = goodPosition === "A" ? [pair.good, pair.worse] : [pair.worse, pair.good];
  return fillTemplate(JUDGE_PROMPT, { instruction: pair.instruction, response_a: a, response_b: b });
}

export async function judgeAll(
  client: BackendClient,
  model: string,
  pairs: Pair[],
  options: { n: number; temperature: number; seed: number },
): Promise<Judged[]> {
  const judged = await Promise.all(
    pairs.flatMap((pair, i) =>
      (["A", "B"] as const).map(async (goodPosition) => {
        const prompt = judgePrompt(pair, goodPosition);
        const result = await client.chat({
          model,
          messages: user(prompt),
          n: options.n,
          temperature: options.temperature,
          topP: 0.9,
          seed: options.seed + i,
        });
        return result.samples.map((sample) => ({
          prompt,
          trace: sample.text,
          verdict: parseVerdict(sample.text, "ram").verdict,
          goodPosition,
        }));
      }),
    ),
  );
  return judged.flat();
}

/** Accuracy (unparsed counts as wrong) and the share of parsed verdicts that say A, judging both orders greedily. */
export async function evaluate(client: BackendClient, model: string, pairs: Pair[]): Promise<{ accuracy: number; aRate: number }> {
  const judged = await judgeAll(client, model, pairs, { n: 1, temperature: 0, seed: 1000 });
  const correct = judged.filter((j) => j.verdict === j.goodPosition).length;
  const parsed = judged.filter((j) => j.verdict !== null);
  return { accuracy: correct / judged.length, aRate: parsed.filter((j) => j.verdict === "A").length / Math.max(1, parsed.length) };
}

/** One correct trace per (pair, order), balanced between "A better" and "B better", `count` in all. */
export function correctBalanced(judged: Judged[], count: number): { prompt: string; trace: string; goodPosition: "A" | "B" }[] {
  const seen = new Set<string>();
  const byPosition = { A: [] as Judged[], B: [] as Judged[] };
  for (const j of judged) {
    if (j.verdict !== j.goodPosition || seen.has(j.prompt)) continue;
    seen.add(j.prompt);
    byPosition[j.goodPosition].push(j);
  }
  const half = Math.min(Math.floor(count / 2), byPosition.A.length, byPosition.B.length);
  return [...byPosition.A.slice(0, half), ...byPosition.B.slice(0, half)];
}

export function sftFile(examples: { prompt: string; trace: string }[]): string {
  return (
    examples
      .map((e) =>
        JSON.stringify({
          messages: [
            { role: "user", content: e.prompt },
            { role: "assistant", content: e.trace },
          ],
        }),
      )
      .join("\n") + "\n"
  );
}

/** Upload a training file and run a fine-tuning job to the end, through the OpenAI protocol. */
export async function fineTune(
  baseUrl: string,
  model: string,
  file: string,
  method: "supervised" | "dpo" = "supervised",
): Promise<{ status: string; fine_tuned_model: string | null; error: unknown }> {
  const form = new FormData();
  form.append("purpose", "fine-tune");
  form.append("file", new Blob([file], { type: "application/jsonl" }), "train.jsonl");
  const uploaded = await (await fetch(`${baseUrl}/files`, { method: "POST", body: form })).json();
  let job = await (
    await fetch(`${baseUrl}/fine_tuning/jobs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model, training_file: uploaded.id, method: { type: method }, suffix: "test" }),
    })
  ).json();
  const statuses = [job.status];
  for (let i = 0; i < 200 && !["succeeded", "failed", "cancelled"].includes(job.status); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    job = await (await fetch(`${baseUrl}/fine_tuning/jobs/${job.id}`)).json();
    if (statuses.at(-1) !== job.status) statuses.push(job.status);
  }
  return { ...job, statuses };
}
