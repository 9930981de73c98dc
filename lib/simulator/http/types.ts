/** The shapes SimJudge's server core speaks: requests in, answers out, its options, statistics and model state. */
import type { Db } from "@/lib/db/client";
import type { FaultConfig, FaultInput } from "../faults";
import type { Weights } from "../judge-model";

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

export type ModelState = {
  id: string;
  parentModel: string | null;
  weights: Weights;
  examplesSeen: number;
  faults: Partial<FaultConfig> | null;
  createdAt: number;
};
