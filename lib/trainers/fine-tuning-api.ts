/**
 * The fine-tuning API trainer: the OpenAI protocol (upload the file to /files, create a job at
 * /fine_tuning/jobs with method supervised or dpo, poll it until it succeeds or fails). Works with
 * OpenAI, with SimJudge, and with any server that speaks it. Each step's result is handed back to
 * be saved before the next, so a restart resumes the same job instead of starting another.
 */
import { z } from "zod";
import { classifyFetchFailure, classifyHttpStatus } from "@/lib/inference/errors";
import { readApiKey } from "@/lib/inference/list-models";
import { sleep } from "@/lib/inference/sleep";

const fileSchema = z.object({ id: z.string() }).loose();
const jobSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    fine_tuned_model: z.string().nullable().optional(),
    error: z.object({ message: z.string().optional() }).loose().nullable().optional(),
  })
  .loose();

export type FineTuneTarget = { baseUrl: string; apiKeyEnv: string | null; timeoutMs?: number };

async function request(target: FineTuneTarget, path: string, init: RequestInit & { signal?: AbortSignal }): Promise<unknown> {
  const url = `${target.baseUrl.replace(/\/+$/, "")}${path}`;
  const apiKey = readApiKey(target.apiKeyEnv);
  const timeout = AbortSignal.timeout(target.timeoutMs ?? 120_000);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
    });
    text = await response.text();
  } catch (error) {
    throw classifyFetchFailure(error, { url, timeoutMs: target.timeoutMs ?? 120_000, timedOut: timeout.aborted });
  }
  if (!response.ok) throw classifyHttpStatus(response.status, text, { url, apiKeyEnv: target.apiKeyEnv, apiKeySet: apiKey !== undefined });
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url} answered with a body that is not JSON`);
  }
}

export async function uploadTrainingFile(target: FineTuneTarget, content: string, filename: string, signal?: AbortSignal): Promise<string> {
  const form = new FormData();
  form.append("purpose", "fine-tune");
  form.append("file", new Blob([content], { type: "application/jsonl" }), filename);
  const body = fileSchema.parse(await request(target, "/files", { method: "POST", body: form, signal }));
  return body.id;
}

export async function createFineTuningJob(
  target: FineTuneTarget,
  input: { model: string; trainingFileId: string; method: "supervised" | "dpo"; suffix: string; seed: number },
  signal?: AbortSignal,
): Promise<string> {
  const body = jobSchema.parse(
    await request(target, "/fine_tuning/jobs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        model: input.model,
        training_file: input.trainingFileId,
        method: { type: input.method },
        suffix: input.suffix || undefined,
        seed: input.seed,
      }),
      signal,
    }),
  );
  return body.id;
}

/** Poll until the job ends; returns the new model, or throws with the job's error. */
export async function waitForFineTuningJob(
  target: FineTuneTarget,
  jobId: string,
  options: { signal?: AbortSignal; pollMs?: number; onStatus?: (status: string) => void },
): Promise<string> {
  let lastStatus = "";
  for (;;) {
    const job = jobSchema.parse(
      await request(target, `/fine_tuning/jobs/${encodeURIComponent(jobId)}`, { method: "GET", signal: options.signal }),
    );
    if (job.status !== lastStatus) options.onStatus?.(job.status);
    lastStatus = job.status;
    if (job.status === "succeeded") {
      if (!job.fine_tuned_model) throw new Error(`Fine-tuning job ${jobId} succeeded but named no model`);
      return job.fine_tuned_model;
    }
    if (job.status === "failed" || job.status === "cancelled") {
      throw new Error(`Fine-tuning job ${jobId} ${job.status}: ${job.error?.message ?? "no reason given"}`);
    }
    await sleep(options.pollMs ?? 1000, options.signal);
  }
}
