/**
 * "Test connection": GET {baseURL}/models on every replica of a backend, from the server, and
 * report the models found or why not, in plain words. The API key is read from the environment
 * variable the backend names, at call time; it never leaves this module except in the request.
 */
import { z } from "zod";
import { classifyFetchFailure, classifyHttpStatus, InferenceError, type InferenceErrorKind } from "./errors";

const modelListSchema = z.object({
  data: z.array(z.object({ id: z.string() }).loose()),
});

export type ReplicaCheck =
  | { url: string; ok: true; models: string[]; latencyMs: number }
  | { url: string; ok: false; kind: InferenceErrorKind; message: string; latencyMs: number };

export type ConnectionCheck = {
  replicas: ReplicaCheck[];
  /** Set when the backend names a key variable that the server's environment does not define. */
  warning?: string;
};

export type ConnectionTarget = {
  baseUrls: string[];
  apiKeyEnv: string | null;
  timeoutMs: number;
};

export function readApiKey(apiKeyEnv: string | null, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!apiKeyEnv) return undefined;
  const value = env[apiKeyEnv];
  return value && value.length > 0 ? value : undefined;
}

/**
 * The text with every occurrence of the API key replaced: a server that echoes the Authorization
 * header (some proxies do, in their errors) must not carry the key into a message shown in the browser.
 */
export function withoutSecret(text: string, secret: string | undefined): string {
  return secret && secret.length >= 4 ? text.replaceAll(secret, "[redacted]") : text;
}

export async function listModels(
  baseUrl: string,
  options: { apiKeyEnv: string | null; timeoutMs: number; signal?: AbortSignal },
): Promise<string[]> {
  const url = `${baseUrl.replace(/\/+$/, "")}/models`;
  const apiKey = readApiKey(options.apiKeyEnv);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json", ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      signal,
      redirect: "follow",
    });
  } catch (error) {
    throw classifyFetchFailure(error, { url, timeoutMs: options.timeoutMs, timedOut: timeout.aborted });
  }
  let body: string;
  try {
    body = withoutSecret(await response.text(), apiKey);
  } catch (error) {
    throw classifyFetchFailure(error, { url, timeoutMs: options.timeoutMs, timedOut: timeout.aborted });
  }
  if (!response.ok) {
    throw classifyHttpStatus(response.status, body, {
      url,
      apiKeyEnv: options.apiKeyEnv,
      apiKeySet: apiKey !== undefined,
      retryAfter: response.headers.get("retry-after"),
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new InferenceError(
      "bad_response",
      `${url} answered ${response.status} but not with JSON: is this an OpenAI-compatible API? (it began with "${body.slice(0, 60)}")`,
    );
  }
  const parsed = modelListSchema.safeParse(json);
  if (!parsed.success) {
    throw new InferenceError(
      "bad_response",
      `${url} answered, but not with an OpenAI model list ({"data": [{"id": ...}]}): is this an OpenAI-compatible API?`,
    );
  }
  return parsed.data.data.map((model) => model.id);
}

/** Check every replica concurrently; never throws. */
export async function checkConnection(target: ConnectionTarget): Promise<ConnectionCheck> {
  const replicas = await Promise.all(
    target.baseUrls.map(async (url): Promise<ReplicaCheck> => {
      const started = performance.now();
      try {
        const models = await listModels(url, { apiKeyEnv: target.apiKeyEnv, timeoutMs: target.timeoutMs });
        return { url, ok: true, models, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        const latencyMs = Math.round(performance.now() - started);
        if (error instanceof InferenceError) return { url, ok: false, kind: error.kind, message: error.message, latencyMs };
        return { url, ok: false, kind: "unreachable", message: error instanceof Error ? error.message : String(error), latencyMs };
      }
    }),
  );
  const warning =
    target.apiKeyEnv && readApiKey(target.apiKeyEnv) === undefined
      ? `${target.apiKeyEnv} is not set in the server's environment, so no API key was sent.`
      : undefined;
  return { replicas, warning };
}
