/**
 * The fine-tuning API: POST /fine_tuning/jobs creates a job on a training file; after a delay the
 * job fits the parent model's weights to the file's verdicts (SFT) or preferences (DPO) and
 * registers the new model "ft:<base>:<suffix>:<job>". Job objects follow the OpenAI protocol.
 */
import { getSimFile, getSimJob, insertSimJob, insertSimModel, updateSimJob } from "@/lib/db/queries/simjudge";
import type { SimFineTuningJobRow } from "@/lib/db/schema";
import { describeIssues } from "@/lib/validation";
import { fitWeights, parseTrainingFile } from "../training";
import { json, jobRequestSchema, jsonBody, newId, openAiError } from "./protocol";
import { schedule, type SimState } from "./state";
import type { SimRequest, SimResponse } from "./types";

export function jobObject(state: SimState, job: SimFineTuningJobRow) {
  return {
    object: "fine_tuning.job",
    id: job.id,
    model: job.model,
    created_at: Math.floor(job.createdAt / 1000),
    finished_at: job.finishedAt ? Math.floor(job.finishedAt / 1000) : null,
    fine_tuned_model: job.fineTunedModel,
    organization_id: "simjudge",
    status: job.status,
    training_file: job.trainingFile,
    validation_file: null,
    method: { type: job.method },
    error: job.error ? { code: "invalid_training_file", message: job.error, param: "training_file" } : null,
    result_files: [],
    trained_tokens: null,
    estimated_finish: null,
    integrations: [],
    simjudge: {
      trained_examples: job.trainedExamples,
      skipped_examples: job.skippedExamples,
      weights: job.fineTunedModel ? state.models.get(job.fineTunedModel)?.weights : undefined,
    },
  };
}

export function runJob(state: SimState, jobId: string): void {
  const { db } = state;
  const job = getSimJob(db, jobId);
  if (!job || job.status === "cancelled" || job.status === "succeeded" || job.status === "failed") return;
  if (job.status === "queued") updateSimJob(db, jobId, { status: "running", startedAt: Date.now() });
  schedule(state, state.trainingDelayMs, () => finishJob(state, jobId));
}

function finishJob(state: SimState, jobId: string): void {
  const { db, log, models } = state;
  const job = getSimJob(db, jobId);
  if (!job || job.status !== "running") return;
  const fail = (error: string) => {
    updateSimJob(db, jobId, { status: "failed", error, finishedAt: Date.now() });
    log?.(`fine-tuning job ${jobId} failed: ${error}`);
  };
  const file = getSimFile(db, job.trainingFile);
  const parent = models.get(job.model);
  if (!file) return fail(`Training file ${job.trainingFile} no longer exists`);
  if (!parent) return fail(`Model ${job.model} no longer exists`);
  const parsed = parseTrainingFile(file.content, job.method);
  if (parsed.errors.length > 0)
    return fail(`${parsed.errors.length} invalid line(s) in the training file; first: ${parsed.errors.slice(0, 3).join("; ")}`);
  if (parsed.examples.length === 0)
    return fail(`No usable examples: none of the ${parsed.skipped} lines holds a judge prompt with a verdict`);
  const weights = fitWeights(parent.weights, parsed.examples);
  // Named after the lineage's base model, however many rounds deep: ft:<base>:<suffix>:<job>.
  const base = parent.id.startsWith("ft:") ? (parent.id.split(":")[1] ?? parent.id) : parent.id;
  const id = `ft:${base}:${job.suffix || "simjudge"}:${jobId.slice(-8)}`;
  const row = insertSimModel(db, { id, parentModel: parent.id, weights, examplesSeen: parent.examplesSeen + parsed.examples.length });
  models.set(id, { ...row, faults: null });
  updateSimJob(db, jobId, {
    status: "succeeded",
    fineTunedModel: id,
    trainedExamples: parsed.examples.length,
    skippedExamples: parsed.skipped,
    finishedAt: Date.now(),
  });
  log?.(`fine-tuning job ${jobId} succeeded: ${id} (${parsed.examples.length} examples)`);
}

export async function createJob(state: SimState, request: SimRequest): Promise<SimResponse> {
  const { db, models } = state;
  const body = jsonBody(request.body);
  if (!body.ok) return body.response;
  const parsed = jobRequestSchema.safeParse(body.value);
  if (!parsed.success) return openAiError(400, `Invalid request: ${describeIssues(parsed.error)}`, "invalid_request_error");
  const input = parsed.data;
  if (!models.has(input.model))
    return openAiError(
      400,
      `Model '${input.model}' is not available for fine-tuning`,
      "invalid_request_error",
      "model_not_available",
      "model",
    );
  if (!getSimFile(db, input.training_file))
    return openAiError(
      400,
      `Invalid training_file: ${input.training_file} does not exist`,
      "invalid_request_error",
      "invalid_training_file",
      "training_file",
    );
  const job = insertSimJob(db, {
    id: newId("ftjob"),
    model: input.model,
    trainingFile: input.training_file,
    method: input.method?.type ?? "supervised",
    suffix: input.suffix ?? null,
  });
  schedule(state, 10, () => runJob(state, job.id));
  return json(200, jobObject(state, job));
}
