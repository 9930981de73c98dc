/**
 * POST /chat/completions: which of the pipeline's tasks the request is, n answers written for it
 * (a judge's verdicts and traces from its feature model, worse responses, categories, answers),
 * each cut at max_tokens, and the injected faults (errors, hangs, latency, truncation, malformed
 * or dropped bodies) applied on the way out.
 */
import { z } from "zod";
import { createRandom, hashSeed, type Random } from "@/lib/pipeline/random";
import { describeIssues } from "@/lib/validation";
import { drawFault, drawLatencyMs, faultConfigSchema, mergeFaults, type Fault, type FaultConfig } from "../faults";
import { breakFormat, chooseVerdict, formatBreakRate, logit, sigmoid, writeTrace, type Weights } from "../judge-model";
import { detectTask, type Demonstration, type SimMessage, type Task } from "../tasks";
import { judgeFeatures } from "../text-features";
import { fitWeights } from "../training";
import { chooseCategory, modifyInstruction, writeAnswer } from "../writer";
import { chatRequestSchema, estimateTokens, jsonBody, newId, openAiError, sleep, textOf } from "./protocol";
import { countFault, loadModels, type SimState } from "./state";
import type { ModelState, SimRequest, SimResponse } from "./types";

type ChatInput = z.infer<typeof chatRequestSchema>;

/** Demonstrations nudge the weights less than fine-tuning does: few steps, strong pull to the model. */
function adaptInContext(state: SimState, model: ModelState, demonstrations: Demonstration[]): Weights {
  if (demonstrations.length === 0) return model.weights;
  const key = `${model.id}:${hashSeed(...demonstrations.flatMap((d) => [d.question, d.responseA, d.responseB, d.verdict]))}`;
  const cached = state.inContextCache.get(key);
  if (cached) return cached;
  const examples = demonstrations.map((d) => ({
    vector: judgeFeatures(d.question, d.responseA, d.responseB).vector,
    label: d.verdict === "A" ? (1 as const) : (0 as const),
  }));
  const adapted = fitWeights(model.weights, examples, { epochs: 60, learningRate: 0.5, l2: 0.05 });
  if (state.inContextCache.size > 500) state.inContextCache.clear();
  state.inContextCache.set(key, adapted);
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

/** The request checked: its model exists and its fault header (if any) is valid; else the error to answer. */
function prepare(state: SimState, request: SimRequest): { input: ChatInput; model: ModelState; faults: FaultConfig } | SimResponse {
  const body = jsonBody(request.body);
  if (!body.ok) return body.response;
  const parsed = chatRequestSchema.safeParse(body.value);
  if (!parsed.success) return openAiError(400, `Invalid request: ${describeIssues(parsed.error)}`, "invalid_request_error");
  const input = parsed.data;
  // Another process sharing this database (the CLI, the app) may have trained it: look again.
  if (!state.models.has(input.model)) loadModels(state);
  const model = state.models.get(input.model);
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
  const faults = headerFaults || model.faults ? mergeFaults(state.serverFaults, model.faults, headerFaults) : state.serverFaults;
  return { input, model, faults };
}

/** One answer to the task, drawn from `random`. */
function answerText(
  task: Task,
  judge: { features: ReturnType<typeof judgeFeatures>; weights: Weights; probabilityA: number } | null,
  input: ChatInput,
  model: ModelState,
  random: Random,
): string {
  if (task.kind === "judge" && judge) {
    const verdict = chooseVerdict(judge.probabilityA, { temperature: input.temperature, topP: input.top_p, random });
    const trace = writeTrace(judge.features, judge.weights, verdict, random);
    return random.next() < formatBreakRate(model.examplesSeen) ? breakFormat(trace, verdict, random) : trace;
  }
  if (task.kind === "worse_response") return worseResponseText(task.instruction, random);
  if (task.kind === "category") return `Category: ${chooseCategory(task.instruction, task.categories, random)}`;
  if (task.kind === "answer") return writeAnswer(task.instruction, random);
  // A judge prompt whose features could not be computed: answer it as text.
  return writeAnswer(task.question, random);
}

/** The completion body: n choices, cut at max_tokens (and halved by a truncation fault). */
function complete(state: SimState, input: ChatInput, model: ModelState, fault: Fault) {
  const messages: SimMessage[] = input.messages.map((message) => ({ role: message.role, content: textOf(message.content as never) }));
  const promptText = messages.map((message) => message.content).join("\n");
  const promptTokens = estimateTokens(promptText);
  const maxTokens = input.max_completion_tokens ?? input.max_tokens;
  const task = detectTask(messages);
  // The model's name is not part of the key: two models answering the same request draw the same
  // random numbers, so their differences come from their weights (and a fine-tuned model's
  // generated name does not change a seeded run's results).
  const requestKey = hashSeed(promptText);
  const baseSeed = input.seed ?? Math.floor(Math.random() * 2 ** 31);
  let judge: { features: ReturnType<typeof judgeFeatures>; weights: Weights; probabilityA: number } | null = null;
  if (task.kind === "judge") {
    const features = judgeFeatures(task.question, task.responseA, task.responseB);
    const weights = adaptInContext(state, model, task.demonstrations);
    judge = { features, weights, probabilityA: sigmoid(logit(weights, features.vector)) };
  }
  const choices = [];
  let completionTokens = 0;
  for (let index = 0; index < input.n; index++) {
    let text = answerText(task, judge, input, model, createRandom(hashSeed(requestKey, baseSeed, index)));
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
  if (fault.kind === "truncate") countFault(state, "truncate");
  state.stats.samples += input.n;
  state.stats.promptTokens += promptTokens;
  state.stats.completionTokens += completionTokens;
  return {
    id: newId("chatcmpl"),
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: model.id,
    system_fingerprint: `simjudge-${model.examplesSeen}`,
    choices,
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

/** The body as sent: whole, cut in half (malformed), or a third of it before the connection drops. */
function deliver(state: SimState, body: string, fault: Fault): SimResponse {
  const headers = { "content-type": "application/json" };
  if (fault.kind === "malformed") {
    countFault(state, "malformed");
    return { kind: "response", status: 200, headers, body: body.slice(0, Math.floor(body.length / 2)) };
  }
  if (fault.kind === "drop") {
    countFault(state, "drop");
    return { kind: "drop", status: 200, headers, partialBody: body.slice(0, Math.floor(body.length / 3)) };
  }
  return { kind: "response", status: 200, headers, body };
}

export async function chatCompletions(state: SimState, request: SimRequest): Promise<SimResponse> {
  const prepared = prepare(state, request);
  if ("kind" in prepared) return prepared;
  const { input, model, faults } = prepared;
  const { stats, slots } = state;
  stats.chatRequests++;
  stats.queued = slots?.queued ?? 0;
  if (slots) await slots.acquire();
  stats.inFlight++;
  stats.maxInFlightSeen = Math.max(stats.maxInFlightSeen, stats.inFlight);
  try {
    const fault = drawFault(faults, state.faultRandom);
    await sleep(drawLatencyMs(faults, state.faultRandom), request.signal);
    if (fault.kind === "error") {
      countFault(state, `http_${fault.status}`);
      const headers: Record<string, string> =
        fault.retryAfterSeconds !== undefined ? { "retry-after": String(fault.retryAfterSeconds) } : {};
      const type = fault.status === 429 ? "rate_limit_error" : fault.status >= 500 ? "server_error" : "invalid_request_error";
      return openAiError(fault.status, `SimJudge injected fault: HTTP ${fault.status}`, type, "simulated_fault", null, headers);
    }
    if (fault.kind === "hang") {
      countFault(state, "hang");
      return { kind: "hang" };
    }
    return deliver(state, JSON.stringify(complete(state, input, model, fault)), fault);
  } finally {
    stats.inFlight--;
    slots?.release();
  }
}
