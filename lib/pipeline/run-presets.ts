/**
 * The New Run form's presets. "Demo (SimJudge)" needs nothing but the app: the built-in SimJudge
 * backend and the demo data that ship with it, sized to finish three iterations in a couple of
 * minutes. "Paper defaults" follows the paper's setup: a vLLM server with Llama-3-70B-Instruct as
 * generator and seed judge, the paper's sampling settings, SFT through the fine-tuning API.
 */
import { DEFAULT_CATEGORIES, type RunConfigInput } from "./run-config";

export const DEMO_BACKEND = "SimJudge (simulated)";
export const DEMO_MODEL = "simjudge-base";
export const DEMO_POOL = "Demo instructions";
export const DEMO_EVAL = "Demo eval pairs";

export function demoPreset(options: { evalDatasets?: string[]; seed?: number } = {}): RunConfigInput {
  return {
    name: "Demo (SimJudge)",
    seed: options.seed ?? 1,
    generator: { backend: DEMO_BACKEND, model: DEMO_MODEL },
    judge: { backend: DEMO_BACKEND, model: DEMO_MODEL },
    instructions: { dataset: DEMO_POOL, categories: DEFAULT_CATEGORIES, keep: [], count: 200, perCategoryCap: 40, candidates: 300 },
    pairs: { maxTokens: 1024, temperature: 0.7 },
    judging: { samples: 4, bothOrders: true, temperature: 0.7, topP: 0.9, maxTokens: 4096 },
    filter: { mode: "one-correct", majorityThreshold: 0.5, balance: true, keep: "correct" },
    training: { method: "sft", trainer: { kind: "fine_tuning_api", suffix: "demo" } },
    iterations: 3,
    evaluation: {
      datasets: [DEMO_EVAL, ...(options.evalDatasets ?? [])],
      protocol: "random-order",
      samples: 1,
      temperature: 0,
      maxTokens: 4096,
      maxItems: null,
    },
    budget: { maxTokens: null },
  };
}

export function paperPreset(options: { backend?: string; pool?: string; evalDatasets?: string[] } = {}): RunConfigInput {
  return {
    name: "Self-Taught Evaluator (paper defaults)",
    seed: 1,
    generator: { backend: options.backend ?? "vLLM", model: "meta-llama/Meta-Llama-3-70B-Instruct" },
    judge: { backend: options.backend ?? "vLLM", model: "meta-llama/Meta-Llama-3-70B-Instruct" },
    instructions: {
      dataset: options.pool ?? "",
      categories: DEFAULT_CATEGORIES,
      keep: ["Reasoning", "Coding", "Math"],
      count: 20_000,
      perCategoryCap: null,
      candidates: null,
    },
    pairs: { maxTokens: 4096, temperature: 0.7 },
    judging: { samples: 8, bothOrders: true, temperature: 0.7, topP: 0.9, maxTokens: 4096 },
    filter: { mode: "one-correct", majorityThreshold: 0.5, balance: true, keep: "correct" },
    training: { method: "sft", trainer: { kind: "fine_tuning_api", suffix: "ste" } },
    iterations: 5,
    evaluation: {
      datasets: options.evalDatasets ?? [],
      protocol: "random-order",
      samples: 1,
      temperature: 0,
      maxTokens: 4096,
      maxItems: null,
    },
    budget: { maxTokens: null },
  };
}
