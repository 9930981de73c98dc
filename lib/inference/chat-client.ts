/**
 * The one client for every OpenAI-compatible chat-completions server (vLLM, SGLang, TGI, Ollama,
 * llama.cpp, OpenAI, Together, OpenRouter, SimJudge). Per backend it keeps the in-flight cap, the
 * rate limits and the replica pool; per call it retries what can be retried, times out, stops at
 * once when the caller's AbortSignal fires, and returns the samples with the call's usage
 * (tokens, latency, requests, retries, finish reasons). N samples cost one request when the backend
 * supports `n`, N requests otherwise; the caller does not see the difference. Requests go through
 * undici's `request` on a keep-alive Agent per backend (a third of the CPU of `fetch` per call).
 */
import { Agent, request, type Dispatcher } from "undici";
import { z } from "zod";
import type { BackendRow } from "@/lib/db/schema";
import { linkAbort } from "./abort-link";
import { Semaphore } from "./concurrency";
import { classifyFetchFailure, classifyHttpStatus, InferenceError, type InferenceErrorKind } from "./errors";
import { readApiKey, withoutSecret } from "./list-models";
import { RateLimiter } from "./rate-limiter";
import { ReplicaPool, type Replica, type ReplicaPoolOptions } from "./replicas";
import { isRetryable, retryDelayMs } from "./retry-policy";
import { abortReason, sleep } from "./sleep";

export type BackendSettings = Pick<
  BackendRow,
  "name" | "baseUrls" | "apiKeyEnv" | "maxInFlight" | "requestsPerMinute" | "tokensPerMinute" | "timeoutMs" | "supportsN"
>;

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

export type ChatParams = {
  model: string;
  messages: ChatMessage[];
  /** Number of samples (default 1). */
  n?: number;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  /** Sample i of a call without `n` support is sent with seed + i, so samples differ. */
  seed?: number;
  signal?: AbortSignal;
  /** Extra request headers (e.g. SimJudge's fault injection in tests). */
  headers?: Record<string, string>;
};

export type ChatSample = { text: string; finishReason: string | null; truncated: boolean };

export type CallUsage = {
  promptTokens: number;
  completionTokens: number;
  /** Wall time of the whole call, retries and waits included. */
  latencyMs: number;
  requests: number;
  retries: number;
};

export type ChatResult = { samples: ChatSample[]; usage: CallUsage };

export type ClientOptions = {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxResponseBytes?: number;
  random?: () => number;
  replicas?: ReplicaPoolOptions;
  /** Called once per retry, for progress displays and logs. */
  onRetry?: (info: { error: InferenceError; attempt: number; delayMs: number; url: string }) => void;
};

export type ClientStats = {
  inFlight: number;
  maxInFlightSeen: number;
  queued: number;
  requests: number;
  retries: number;
  failures: Partial<Record<InferenceErrorKind, number>>;
  replicas: Pick<Replica, "url" | "inFlight" | "requests" | "failures" | "restingUntil">[];
};

const completionSchema = z
  .object({
    choices: z
      .array(
        z
          .object({
            index: z.number().int().optional(),
            message: z.object({ content: z.string().nullable().optional() }).loose(),
            finish_reason: z.string().nullable().optional(),
          })
          .loose(),
      )
      .min(1),
    usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).loose().nullish(),
  })
  .loose();

type Completion = { samples: ChatSample[]; promptTokens: number; completionTokens: number };

const estimateTokens = (text: string) => Math.ceil(text.length / 4);

export class BackendClient {
  private readonly slots: Semaphore;
  private readonly limiter: RateLimiter;
  private readonly pool: ReplicaPool;
  /** Keep-alive connections to the replicas, as many per replica as requests may be in flight. */
  private readonly dispatcher: Agent;
  private readonly options: Required<Omit<ClientOptions, "replicas" | "onRetry">> & Pick<ClientOptions, "onRetry">;
  /** Set when the server answered fewer choices than `n` asked for: then samples go one by one. */
  private ignoresN = false;
  private counters = { requests: 0, retries: 0, maxInFlightSeen: 0, failures: {} as Partial<Record<InferenceErrorKind, number>> };

  constructor(
    readonly settings: BackendSettings,
    options: ClientOptions = {},
  ) {
    this.slots = new Semaphore(settings.maxInFlight);
    this.limiter = new RateLimiter(settings);
    this.pool = new ReplicaPool(settings.baseUrls, options.replicas);
    // undici's own timeouts are off: the per-request timeout above covers the whole exchange.
    this.dispatcher = new Agent({ connections: settings.maxInFlight, headersTimeout: 0, bodyTimeout: 0 });
    this.options = {
      maxAttempts: options.maxAttempts ?? 6,
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      maxResponseBytes: options.maxResponseBytes ?? 10 * 1024 * 1024,
      random: options.random ?? Math.random,
      onRetry: options.onRetry,
    };
  }

  stats(): ClientStats {
    return {
      inFlight: this.slots.inUse,
      maxInFlightSeen: this.counters.maxInFlightSeen,
      queued: this.slots.queued,
      requests: this.counters.requests,
      retries: this.counters.retries,
      failures: { ...this.counters.failures },
      replicas: this.pool.replicas.map(({ url, inFlight, requests, failures, restingUntil }) => ({
        url,
        inFlight,
        requests,
        failures,
        restingUntil,
      })),
    };
  }

  /** N samples of one prompt, with the call's usage. Throws an InferenceError when it fails for good. */
  async chat(params: ChatParams): Promise<ChatResult> {
    const started = performance.now();
    const n = params.n ?? 1;
    if (!Number.isInteger(n) || n < 1) throw new InferenceError("bad_request", `n must be a whole number of at least 1 (got ${n})`);
    const usage: CallUsage = { promptTokens: 0, completionTokens: 0, latencyMs: 0, requests: 0, retries: 0 };
    const samples: ChatSample[] = [];

    const collect = (completion: Completion) => {
      samples.push(...completion.samples);
      usage.promptTokens += completion.promptTokens;
      usage.completionTokens += completion.completionTokens;
    };

    if (n === 1 || (this.settings.supportsN && !this.ignoresN)) {
      collect(await this.complete(params, n, params.seed, usage));
    }
    const missing = n - samples.length;
    if (missing > 0) {
      if (samples.length > 0) this.ignoresN = true; // it answered, but fewer choices than asked
      const offset = samples.length;
      const rest = await Promise.all(
        Array.from({ length: missing }, (_, i) =>
          this.complete(params, 1, params.seed === undefined ? undefined : params.seed + offset + i, usage),
        ),
      );
      rest.forEach(collect);
    }
    usage.latencyMs = Math.round(performance.now() - started);
    return { samples: samples.slice(0, n), usage };
  }

  /** One completion request (n choices), retried as the policy allows. */
  private async complete(params: ChatParams, n: number, seed: number | undefined, usage: CallUsage): Promise<Completion> {
    const body = JSON.stringify({
      model: params.model,
      messages: params.messages,
      ...(n > 1 ? { n } : {}),
      ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
      ...(params.topP !== undefined ? { top_p: params.topP } : {}),
      ...(params.maxTokens !== undefined ? { max_tokens: params.maxTokens } : {}),
      ...(seed !== undefined ? { seed } : {}),
    });
    const promptEstimate = estimateTokens(params.messages.reduce((sum, m) => sum + m.content, ""));
    const { signal } = params;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw canceled(signal);
      let replica: Replica | null = null;
      try {
        await this.limiter.acquire(promptEstimate, signal);
        await this.slots.acquire(signal);
        try {
          this.counters.maxInFlightSeen = Math.max(this.counters.maxInFlightSeen, this.slots.inUse);
          replica = this.pool.pick();
          replica.inFlight++;
          replica.requests++;
          this.counters.requests++;
          usage.requests++;
          const completion = await this.send(replica.url, body, params, n);
          this.pool.succeeded(replica);
          this.limiter.charge(completion.promptTokens - promptEstimate + completion.completionTokens);
          return completion;
        } finally {
          if (replica) replica.inFlight--;
          this.slots.release();
        }
      } catch (caught) {
        if (signal?.aborted) throw canceled(signal);
        const error =
          caught instanceof InferenceError
            ? caught
            : new InferenceError("unreachable", caught instanceof Error ? caught.message : String(caught), { cause: caught });
        this.counters.failures[error.kind] = (this.counters.failures[error.kind] ?? 0) + 1;
        const retryable = isRetryable(error);
        if (replica && retryable) this.pool.failed(replica);
        if (!retryable || attempt + 1 >= this.options.maxAttempts) {
          if (retryable) {
            throw new InferenceError(error.kind, `${error.message} (gave up after ${attempt + 1} attempts)`, {
              status: error.status,
              retryAfterSeconds: error.retryAfterSeconds,
              cause: error,
            });
          }
          throw error;
        }
        const delayMs = retryDelayMs(error, attempt, this.options);
        this.counters.retries++;
        usage.retries++;
        this.options.onRetry?.({ error, attempt, delayMs, url: replica?.url ?? "" });
        await sleep(delayMs, signal).catch(() => {
          throw canceled(signal!);
        });
      }
    }
  }

  private async send(baseUrl: string, body: string, params: ChatParams, n: number): Promise<Completion> {
    const url = `${baseUrl}/chat/completions`;
    const apiKey = readApiKey(this.settings.apiKeyEnv);
    // One controller per request, aborted by the timeout or the caller's signal (cheaper than
    // AbortSignal.timeout + AbortSignal.any, which matters at thousands of requests a second).
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.settings.timeoutMs);
    const unlink = linkAbort(params.signal, controller);
    const context = { url, timeoutMs: this.settings.timeoutMs };
    let response: { status: number; retryAfter: string | null; ok: boolean };
    let text: string;
    try {
      const answer = await request(url, {
        method: "POST",
        dispatcher: this.dispatcher,
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
          ...params.headers,
        },
        body,
        signal: controller.signal,
      });
      const retryAfter = answer.headers["retry-after"];
      response = {
        status: answer.statusCode,
        ok: answer.statusCode >= 200 && answer.statusCode < 300,
        retryAfter: Array.isArray(retryAfter) ? (retryAfter[0] ?? null) : (retryAfter ?? null),
      };
      text = withoutSecret(await readText(answer.body, answer.headers["content-length"], this.options.maxResponseBytes, url), apiKey);
    } catch (error) {
      if (error instanceof InferenceError) throw error;
      throw classifyFetchFailure(error, { ...context, timedOut });
    } finally {
      clearTimeout(timer);
      unlink();
    }
    if (!response.ok) {
      throw classifyHttpStatus(response.status, text, {
        url,
        apiKeyEnv: this.settings.apiKeyEnv,
        apiKeySet: apiKey !== undefined,
        retryAfter: response.retryAfter,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new InferenceError("bad_response", `${url} answered with a body that is not valid JSON (${text.length} bytes; cut off?)`);
    }
    const parsed = completionSchema.safeParse(json);
    if (!parsed.success) {
      throw new InferenceError(
        "bad_response",
        `${url} answered, but not with a chat completion: ${parsed.error.issues[0]?.path.join(".") || "body"} ${parsed.error.issues[0]?.message ?? ""}`.trim(),
      );
    }
    const choices = [...parsed.data.choices].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)).slice(0, n);
    const samples = choices.map((choice) => {
      const finishReason = choice.finish_reason ?? null;
      return { text: choice.message.content ?? "", finishReason, truncated: finishReason === "length" };
    });
    const usage = parsed.data.usage;
    return {
      samples,
      promptTokens: usage?.prompt_tokens ?? estimateTokens(body),
      completionTokens: usage?.completion_tokens ?? samples.reduce((sum, sample) => sum + estimateTokens(sample.text), 0),
    };
  }
}

function canceled(signal: AbortSignal): InferenceError {
  return new InferenceError("canceled", "The request was canceled", { cause: abortReason(signal) });
}

/** Read the body as text, refusing (and cutting off) bodies larger than the limit. */
async function readText(
  body: Dispatcher.ResponseData["body"],
  contentLength: string | string[] | undefined,
  maxBytes: number,
  url: string,
) {
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : (contentLength ?? "NaN"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    body.destroy();
    throw new InferenceError("bad_response", `${url} answered ${declared} bytes, more than the ${maxBytes}-byte limit`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      body.destroy();
      throw new InferenceError("bad_response", `${url} answered more than the ${maxBytes}-byte limit`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}
