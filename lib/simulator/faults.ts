/**
 * Fault injection for tests, chaos runs and benchmarks: HTTP errors (429 with Retry-After, 500,
 * 503), latency (a base plus uniform jitter), hangs, malformed JSON, truncated output and dropped
 * connections. Set server-wide (standalone flags), per model, or per request with the
 * `x-simjudge-faults` header (JSON). Faults are drawn from a counter-based generator, not from the
 * request's content, so a retried request can succeed.
 */
import { z } from "zod";
import type { Random } from "@/lib/pipeline/random";

const rate = z.number().min(0).max(1);

export const faultConfigSchema = z
  .object({
    /** Share of requests answered with an HTTP error drawn from `errorStatuses`. */
    errorRate: rate.default(0),
    errorStatuses: z.array(z.number().int().min(400).max(599)).min(1).default([429, 500, 503]),
    /** Retry-After sent with 429 and 503 answers, in seconds. */
    retryAfterSeconds: z.number().min(0).max(3600).default(1),
    /** Added to every request: latencyMs plus a uniform draw in [0, latencyJitterMs]. */
    latencyMs: z.number().min(0).max(600_000).default(0),
    latencyJitterMs: z.number().min(0).max(600_000).default(0),
    /** Share of requests that never answer (the client must time out). */
    hangRate: rate.default(0),
    /** Share answered 200 with a body that is not valid JSON. */
    malformedRate: rate.default(0),
    /** Share whose text is cut short with finish_reason "length". */
    truncateRate: rate.default(0),
    /** Share whose connection is dropped before the body is complete. */
    dropRate: rate.default(0),
  })
  .strict();

export type FaultConfig = z.infer<typeof faultConfigSchema>;
export type FaultInput = z.input<typeof faultConfigSchema>;

export const NO_FAULTS: FaultConfig = faultConfigSchema.parse({});

export type Fault =
  | { kind: "none" }
  | { kind: "error"; status: number; retryAfterSeconds?: number }
  | { kind: "hang" }
  | { kind: "malformed" }
  | { kind: "truncate" }
  | { kind: "drop" };

/** Merge layers of settings: later layers override earlier ones field by field. */
export function mergeFaults(...layers: (Partial<FaultConfig> | null | undefined)[]): FaultConfig {
  return faultConfigSchema.parse(Object.assign({}, ...layers.filter(Boolean)));
}

export function drawFault(config: FaultConfig, random: Random): Fault {
  let roll = random.next();
  if ((roll -= config.errorRate) < 0) {
    const status = random.pick(config.errorStatuses);
    return status === 429 || status === 503
      ? { kind: "error", status, retryAfterSeconds: config.retryAfterSeconds }
      : { kind: "error", status };
  }
  if ((roll -= config.hangRate) < 0) return { kind: "hang" };
  if ((roll -= config.malformedRate) < 0) return { kind: "malformed" };
  if ((roll -= config.truncateRate) < 0) return { kind: "truncate" };
  if ((roll -= config.dropRate) < 0) return { kind: "drop" };
  return { kind: "none" };
}

export function drawLatencyMs(config: FaultConfig, random: Random): number {
  return config.latencyMs + (config.latencyJitterMs > 0 ? random.next() * config.latencyJitterMs : 0);
}
