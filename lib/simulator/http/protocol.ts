/**
 * SimJudge's side of the OpenAI protocol: JSON answers and OpenAI-style errors, the request schemas
 * it accepts, token estimates, ids, and small helpers the handlers share.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { SimResponse } from "./types";

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): SimResponse => ({
  kind: "response",
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

export const openAiError = (
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
export const chatRequestSchema = z
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

export const jobRequestSchema = z
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
export class Slots {
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

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
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

export function textOf(content: string | { type: string; text?: string }[] | null): string {
  if (content === null) return "";
  if (typeof content === "string") return content;
  return content.map((part) => part.text ?? "").join("");
}

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString("hex")}`;
}

/** The JSON body of a request, or an OpenAI-style 400 when it is not JSON. */
export function jsonBody(body: Buffer, fallback = ""): { ok: true; value: unknown } | { ok: false; response: SimResponse } {
  try {
    return { ok: true, value: JSON.parse(body.toString("utf8") || fallback) };
  } catch {
    return { ok: false, response: openAiError(400, "The request body is not valid JSON", "invalid_request_error") };
  }
}
