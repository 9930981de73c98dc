/**
 * SimJudge: the built-in stand-in model, speaking the OpenAI protocol (DESIGN.md, SimJudge). This
 * module is the server's core, independent of any HTTP framework: `handle()` takes a request
 * (method, path below /v1, headers, body) and returns what to answer. Adapters mount it in the app
 * (app/api/sim/v1) and as a standalone server (node-server.ts).
 *
 * Routes: GET /models[/{id}], POST /chat/completions, POST /files, GET /files/{id},
 * POST/GET /fine_tuning/jobs[/{id}], POST /fine_tuning/jobs/{id}/cancel, and for tests
 * GET /simjudge/stats, POST /simjudge/stats/reset, PUT /simjudge/models/{id}/faults.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import {
  ensureSimModel,
  getSimFile,
  getSimJob,
  insertSimFile,
  insertSimJob,
  insertSimModel,
  listSimJobs,
  listSimModels,
  listUnfinishedSimJobs,
  setSimModelFaults,
  updateSimJob,
} from "@/lib/db/queries/simjudge";
import type { SimFineTuningJobRow } from "@/lib/db/schema";
import { describeIssues } from "@/lib/validation";
import { drawFault, drawLatencyMs, faultConfigSchema, mergeFaults, type FaultConfig, type FaultInput } from "./faults";
import { breakFormat, chooseVerdict, formatBreakRate, logit, SEED_WEIGHTS, sigmoid, writeTrace, type Weights } from "./judge-model";
import { createRandom, hashSeed, type Random } from "./random";
import { detectTask, type Demonstration, type SimMessage } from "./tasks";
import { judgeFeatures } from "./text-features";
import { fitWeights, parseTrainingFile } from "./training";
import { chooseCategory, modifyInstruction, writeAnswer } from "./writer";

export const BASE_MODEL_ID = "simjudge-base";

export type SimRequest = {
  method: string;
  /** Path below the mount's /v1, e.g. "/chat/completions". */
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
};

export type SimResponse =
  | { kind: "response"; status: number; headers: Record<string, string>; body: string }
  /** Never answer (until the client disconnects). */
  | { kind: "hang" }
  /** Send the status and part of the body, then drop the connection. */
  | { kind: "drop"; status: number; headers: Record<string, string>; partialBody: string };

export type SimJudgeOptions = {
  db: Db;
  /** Faults for every request (standalone flags); models and the request header add to them. */
  faults?: FaultInput;
  /** Requests processed at once, like a GPU server's batch slots; the rest wait. */
  maxInFlight?: number;
  /** How long a fine-tuning job stays "running". */
  trainingDelayMs?: number;
  /** Seed of the fault stream (faults are drawn per request, not per content). */
  seed?: number;
  log?: (line: string) => void;
};

export type SimStats = {
  requests: number;
  chatRequests: number;
  samples: number;
  inFlight: number;
  maxInFlightSeen: number;
  queued: number;
  promptTokens: number;
  completionTokens: number;
  faults: Record<string, number>;
};

type ModelState = {
  id: string;
  parentModel: string | null;
  weights: Weights;
  examplesSeen: number;
  faults: Partial<FaultConfig> | null;
  createdAt: number;
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}): SimResponse => ({
  kind: "response",
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

const openAiError = (
  status: number,
  message: string,
  type: string,
  code: string | null = null,
  param: string | null = null,
  headers: Record<string, string> = {},
) => json(status, { error: { message, type, param, code } }, headers);

/** Roughly four characters per token, as for English with common tokenizers. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

const contentPartSchema = z.object({ type: z.string(), text: z.string().optional() }).loose();
const chatRequestSchema = z
  .object({
    model: z.string().min(1),
    messages: z
      .array(
        z
          .object({
            role: z.enum(["system", "user", "assistant", "developer", "tool"]),
            content: z.union([z.string(), z.array(contentPartSchema), z.null()]),
          })
          .loose(),
      )
      .min(1),
    n: z.number().int().min(1).max(128).default(1),
    temperature: z.number().min(0).max(2).default(1),
    top_p: z.number().gt(0).max(1).default(1),
    max_tokens: z.number().int().min(1).optional(),
    max_completion_tokens: z.number().int().min(1).optional(),
    seed: z.number().int().optional(),
    stream: z.literal(false).optional(),
  })
  .loose();

const jobRequestSchema = z
  .object({
    model: z.string().min(1),
    training_file: z.string().min(1),
    method: z
      .object({ type: z.enum(["supervised", "dpo"]) })
      .loose()
      .optional(),
    suffix: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9._-]*$/)
      .optional(),
    seed: z.number().int().optional(),
  })
  .loose();

/** An async FIFO semaphore. */
class Slots {
  private active = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  get queued() {
    return this.waiting.length;
  }
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

function textOf(content: string | { type: string; text?: string }[] | null): string {
  if (content === null) return "";
  if (typeof content === "string") return content;
  return content.map((part) => part.text ?? "").join("");
}

function newId(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString("hex")}`;
}

export type SimJudge = ReturnType<typeof createSimJudge>;

export function createSimJudge(options: SimJudgeOptions) {
  const { db, trainingDelayMs = 250, log } = options;
  const serverFaults = faultConfigSchema.parse(options.faults ?? {});
  const slots = options.maxInFlight ? new Slots(options.maxInFlight) : null;
  const faultRandom = createRandom(options.seed ?? hashSeed("simjudge-faults", Date.now()));
  const models = new Map<string, ModelState>();
  const inContextCache = new Map<string, Weights>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let closed = false;
  let stats: SimStats = freshStats();

  function freshStats(): SimStats {
    return {
      requests: 0,
      chatRequests: 0,
      samples: 0,
      inFlight: 0,
      maxInFlightSeen: 0,
      queued: 0,
      promptTokens: 0,
      completionTokens: 0,
      faults: {},
    };
  }

  function loadModels() {
    ensureSimModel(db, { id: BASE_MODEL_ID, parentModel: null, weights: SEED_WEIGHTS, examplesSeen: 0 });
    models.clear();
    for (const row of listSimModels(db)) {
      models.set(row.id, { ...row, faults: (row.faults as Partial<FaultConfig> | null) ?? null });
    }
  }

  function modelObject(model: ModelState) {
    return { id: model.id, object: "model", created: Math.floor(model.createdAt / 1000), owned_by: "simjudge", parent: model.parentModel };
  }

  function countFault(kind: string) {
    stats.faults[kind] = (stats.faults[kind] ?? 0) + 1;
  }

  // ------------------------------------------------------------------ chat completions
  function adaptInContext(model: ModelState, demonstrations: Demonstration[]): Weights {
    if (demonstrations.length === 0) return model.weights;
    const key = `${model.id}:${hashSeed(...demonstrations.flatMap((d) => [d.question, d.responseA, d.responseB, d.verdict]))}`;
    const cached = inContextCache.get(key);
    if (cached) return cached;
    const examples = demonstrations.map((d) => ({
      vector: judgeFeatures(d.question, d.responseA, d.responseB).vector,
      label: d.verdict === "A" ? (1 as const) : (0 as const),
    }));
    // Demonstrations nudge the weights less than fine-tuning does: few steps, strong pull to the model.
    const adapted = fitWeights(model.weights, examples, { epochs: 60, learningRate: 0.5, l2: 0.05 });
    if (inContextCache.size > 500) inContextCache.clear();
    inContextCache.set(key, adapted);
    return adapted;
  }

  function worseResponseText(instruction: string, random: Random): string {
    const modified = modifyInstruction(instruction, random);
    const answer = writeAnswer(modified, random);
    const roll = random.next();
    // Like real models, it sometimes breaks the requested format or returns an empty part.
    if (roll < 0.03) return `<modified_instruction>\n${modified}\n</modified_instruction>\n<response>\n${answer}`;
    if (roll < 0.04) return `<modified_instruction>\n</modified_instruction>\n<response>\n${answer}\n</response>`;
    return `<modified_instruction>\n${modified}\n</modified_instruction>\n<response>\n${answer}\n</response>`;
  }

  async function chatCompletions(request: SimRequest): Promise<SimResponse> {
    let body: unknown;
    try {
      body = JSON.parse(request.body.toString("utf8"));
    } catch {
      return openAiError(400, "The request body is not valid JSON", "invalid_request_error");
    }
    const parsed = chatRequestSchema.safeParse(body);
    if (!parsed.success) return openAiError(400, `Invalid request: ${describeIssues(parsed.error)}`, "invalid_request_error");
    const input = parsed.data;
    // Another process sharing this database (the CLI, the app) may have trained it: look again.
    if (!models.has(input.model)) loadModels();
    const model = models.get(input.model);
    if (!model)
      return openAiError(
        404,
        `The model '${input.model}' does not exist. GET /v1/models lists the available models.`,
        "invalid_request_error",
        "model_not_found",
        "model",
      );

    let headerFaults: Partial<FaultConfig> | null = null;
    const header = request.headers["x-simjudge-faults"];
    if (header) {
      try {
        headerFaults = faultConfigSchema.partial().parse(JSON.parse(header));
      } catch (error) {
        const detail = error instanceof z.ZodError ? describeIssues(error) : "not valid JSON";
        return openAiError(400, `Invalid x-simjudge-faults header: ${detail}`, "invalid_request_error");
      }
    }
    const faults = headerFaults || model.faults ? mergeFaults(serverFaults, model.faults, headerFaults) : serverFaults;

    stats.chatRequests++;
    stats.queued = slots?.queued ?? 0;
    if (slots) await slots.acquire();
    stats.inFlight++;
    stats.maxInFlightSeen = Math.max(stats.maxInFlightSeen, stats.inFlight);
    try {
      const fault = drawFault(faults, faultRandom);
      await sleep(drawLatencyMs(faults, faultRandom), request.signal);
      if (fault.kind === "error") {
        countFault(`http_${fault.status}`);
        const headers: Record<string, string> =
          fault.retryAfterSeconds !== undefined ? { "retry-after": String(fault.retryAfterSeconds) } : {};
        const type = fault.status === 429 ? "rate_limit_error" : fault.status >= 500 ? "server_error" : "invalid_request_error";
        return openAiError(fault.status, `SimJudge injected fault: HTTP ${fault.status}`, type, "simulated_fault", null, headers);
      }
      if (fault.kind === "hang") {
        countFault("hang");
        return { kind: "hang" };
      }

      const messages: SimMessage[] = input.messages.map((message) => ({ role: message.role, content: textOf(message.content as never) }));
      const promptText = messages.map((message) => message.content).join("\n");
      const promptTokens = estimateTokens(promptText);
      const maxTokens = input.max_completion_tokens ?? input.max_tokens;
      const task = detectTask(messages);
      // The model's name is not part of the key: two models answering the same request draw the
      // same random numbers, so their differences come from their weights (and a fine-tuned model's
      // generated name does not change a seeded run's results).
      const requestKey = hashSeed(promptText);
      const baseSeed = input.seed ?? Math.floor(Math.random() * 2 ** 31);

      let judge: { features: ReturnType<typeof judgeFeatures>; weights: Weights; probabilityA: number } | null = null;
      if (task.kind === "judge") {
        const features = judgeFeatures(task.question, task.responseA, task.responseB);
        const weights = adaptInContext(model, task.demonstrations);
        judge = { features, weights, probabilityA: sigmoid(logit(weights, features.vector)) };
      }

      const choices = [];
      let completionTokens = 0;
      for (let index = 0; index < input.n; index++) {
        const random = createRandom(hashSeed(requestKey, baseSeed, index));
        let text: string;
        if (task.kind === "judge" && judge) {
          const verdict = chooseVerdict(judge.probabilityA, { temperature: input.temperature, topP: input.top_p, random });
          const trace = writeTrace(judge.features, judge.weights, verdict, random);
          text = random.next() < formatBreakRate(model.examplesSeen) ? breakFormat(trace, verdict, random) : trace;
        } else if (task.kind === "worse_response") {
          text = worseResponseText(task.instruction, random);
        } else if (task.kind === "category") {
          text = `Category: ${chooseCategory(task.instruction, task.categories, random)}`;
        } else if (task.kind === "answer") {
          text = writeAnswer(task.instruction, random);
        } else {
          // A judge prompt whose features could not be computed: answer it as text.
          text = writeAnswer(task.question, random);
        }
        let finishReason = "stop";
        if (maxTokens !== undefined && estimateTokens(text) > maxTokens) {
          text = text.slice(0, maxTokens * 4);
          finishReason = "length";
        }
        if (fault.kind === "truncate") {
          text = text.slice(0, Math.floor(text.length / 2));
          finishReason = "length";
        }
        completionTokens += estimateTokens(text);
        choices.push({ index, message: { role: "assistant", content: text }, logprobs: null, finish_reason: finishReason });
      }
      if (fault.kind === "truncate") countFault("truncate");
      stats.samples += input.n;
      stats.promptTokens += promptTokens;
      stats.completionTokens += completionTokens;

      const completion = {
        id: newId("chatcmpl"),
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: model.id,
        system_fingerprint: `simjudge-${model.examplesSeen}`,
        choices,
        usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
      };
      const text = JSON.stringify(completion);
      if (fault.kind === "malformed") {
        countFault("malformed");
        return {
          kind: "response",
          status: 200,
          headers: { "content-type": "application/json" },
          body: text.slice(0, Math.floor(text.length / 2)),
        };
      }
      if (fault.kind === "drop") {
        countFault("drop");
        return {
          kind: "drop",
          status: 200,
          headers: { "content-type": "application/json" },
          partialBody: text.slice(0, Math.floor(text.length / 3)),
        };
      }
      return { kind: "response", status: 200, headers: { "content-type": "application/json" }, body: text };
    } finally {
      stats.inFlight--;
      slots?.release();
    }
  }

  // ------------------------------------------------------------------ files
  async function uploadFile(request: SimRequest): Promise<SimResponse> {
    const contentType = request.headers["content-type"] ?? "";
    if (!contentType.startsWith("multipart/form-data")) {
      return openAiError(400, "Upload the file as multipart/form-data with fields 'file' and 'purpose'", "invalid_request_error");
    }
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(request.body), { headers: { "content-type": contentType } }).formData();
    } catch {
      return openAiError(400, "The multipart body could not be read", "invalid_request_error");
    }
    const file = form.get("file");
    const purpose = form.get("purpose");
    if (!(file instanceof Blob)) return openAiError(400, "Missing the 'file' field", "invalid_request_error", null, "file");
    if (typeof purpose !== "string" || !purpose)
      return openAiError(400, "Missing the 'purpose' field", "invalid_request_error", null, "purpose");
    const content = await file.text();
    const row = insertSimFile(db, {
      id: newId("file"),
      filename: file instanceof File ? file.name : "upload.jsonl",
      purpose,
      bytes: Buffer.byteLength(content),
      content,
    });
    return json(200, fileObject(row));
  }

  function fileObject(row: { id: string; filename: string; purpose: string; bytes: number; createdAt: number }) {
    return {
      id: row.id,
      object: "file",
      bytes: row.bytes,
      created_at: Math.floor(row.createdAt / 1000),
      filename: row.filename,
      purpose: row.purpose,
      status: "processed",
    };
  }

  // ------------------------------------------------------------------ fine-tuning
  function jobObject(job: SimFineTuningJobRow) {
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
        weights: job.fineTunedModel ? models.get(job.fineTunedModel)?.weights : undefined,
      },
    };
  }

  function schedule(ms: number, task: () => void) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) task();
    }, ms);
    timers.add(timer);
  }

  function runJob(jobId: string) {
    const job = getSimJob(db, jobId);
    if (!job || job.status === "cancelled" || job.status === "succeeded" || job.status === "failed") return;
    if (job.status === "queued") updateSimJob(db, jobId, { status: "running", startedAt: Date.now() });
    schedule(trainingDelayMs, () => finishJob(jobId));
  }

  function finishJob(jobId: string) {
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

  async function createJob(request: SimRequest): Promise<SimResponse> {
    let body: unknown;
    try {
      body = JSON.parse(request.body.toString("utf8"));
    } catch {
      return openAiError(400, "The request body is not valid JSON", "invalid_request_error");
    }
    const parsed = jobRequestSchema.safeParse(body);
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
    schedule(10, () => runJob(job.id));
    return json(200, jobObject(job));
  }

  // ------------------------------------------------------------------ routing
  async function route(request: SimRequest): Promise<SimResponse> {
    const { method } = request;
    const path = request.path.replace(/\/+$/, "") || "/";
    const parts = path
      .split("/")
      .filter(Boolean)
      .map((part) => decodeURIComponent(part));

    if (method === "POST" && path === "/chat/completions") return chatCompletions(request);
    if (method === "GET" && path === "/models") return json(200, { object: "list", data: [...models.values()].map(modelObject) });
    if (method === "GET" && parts[0] === "models" && parts.length >= 2) {
      const model = models.get(parts.slice(1).join("/"));
      return model
        ? json(200, modelObject(model))
        : openAiError(404, `The model '${parts.slice(1).join("/")}' does not exist`, "invalid_request_error", "model_not_found");
    }
    if (method === "POST" && path === "/files") return uploadFile(request);
    if (method === "GET" && parts[0] === "files" && parts.length === 2) {
      const file = getSimFile(db, parts[1]!);
      return file ? json(200, fileObject(file)) : openAiError(404, `No such file: ${parts[1]}`, "invalid_request_error");
    }
    if (method === "POST" && path === "/fine_tuning/jobs") return createJob(request);
    if (method === "GET" && path === "/fine_tuning/jobs") {
      const jobs = listSimJobs(db, 100);
      return json(200, { object: "list", data: jobs.map(jobObject), has_more: false });
    }
    if (parts[0] === "fine_tuning" && parts[1] === "jobs" && parts.length >= 3) {
      const job = getSimJob(db, parts[2]!);
      if (!job) return openAiError(404, `No such fine-tuning job: ${parts[2]}`, "invalid_request_error");
      if (method === "GET" && parts.length === 3) return json(200, jobObject(job));
      if (method === "POST" && parts[3] === "cancel") {
        if (job.status === "queued" || job.status === "running") updateSimJob(db, job.id, { status: "cancelled", finishedAt: Date.now() });
        return json(200, jobObject(getSimJob(db, job.id)!));
      }
    }
    if (method === "GET" && path === "/simjudge/stats") return json(200, { ...stats, queued: slots?.queued ?? 0 });
    if (method === "POST" && path === "/simjudge/stats/reset") {
      stats = freshStats();
      return json(200, stats);
    }
    if (method === "PUT" && parts[0] === "simjudge" && parts[1] === "models" && parts.at(-1) === "faults" && parts.length >= 4) {
      const id = parts.slice(2, -1).join("/");
      const model = models.get(id);
      if (!model) return openAiError(404, `The model '${id}' does not exist`, "invalid_request_error", "model_not_found");
      let body: unknown;
      try {
        body = JSON.parse(request.body.toString("utf8") || "null");
      } catch {
        return openAiError(400, "The request body is not valid JSON", "invalid_request_error");
      }
      const parsed = faultConfigSchema.partial().nullable().safeParse(body);
      if (!parsed.success) return openAiError(400, `Invalid faults: ${describeIssues(parsed.error)}`, "invalid_request_error");
      setSimModelFaults(db, id, parsed.data);
      model.faults = parsed.data;
      return json(200, { id, faults: parsed.data });
    }
    return openAiError(404, `SimJudge has no route ${method} ${path}`, "invalid_request_error", "unknown_url");
  }

  loadModels();
  // Pick up the jobs a previous process left unfinished.
  for (const job of listUnfinishedSimJobs(db)) schedule(10, () => runJob(job.id));

  return {
    async handle(request: SimRequest): Promise<SimResponse> {
      stats.requests++;
      try {
        return await route(request);
      } catch (error) {
        log?.(`SimJudge error on ${request.method} ${request.path}: ${error instanceof Error ? error.stack : String(error)}`);
        return openAiError(500, "SimJudge failed while handling the request (see its log)", "server_error");
      }
    },
    stats: () => ({ ...stats, queued: slots?.queued ?? 0 }),
    /** Re-read models from the database (another process may have trained one). */
    reloadModels: loadModels,
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
