/**
 * The New Run form's presets.
 * - "Demo (SimJudge)" needs nothing but the app: the built-in SimJudge backend and the demo data
 *   that ship with it, sized to finish three iterations in well under a minute.
 * - "Paper" is the paper's setup (Wang et al. 2024, §4): Mixtral 8x22B Instruct builds the pairs,
 *   classifies the instructions and makes the first judgments; Llama-3-70B-Instruct is the model
 *   trained, from itself again each iteration; the reasoning category only, 20,582 instructions,
 *   five iterations, sampling at temperature 0.7 / top_p 0.9 / 4,096 tokens.
 * - "Paper, majority vote" is the same with the paper's 32-sample majority vote at evaluation
 *   (temperature 0.7, top_p 0.9), which gave its 88.7.
 * - "RAM released recipe" is how facebookresearch/RAM's released judge was made: SFT from the
 *   seed model, then DPO from that SFT model on the data it annotated; scored as its RewardBench
 *   script scores (the RewardBench verdict rule).
 * Settings the sources do not state (N, the categories' wording) are our choices; the README's
 * "Fidelity to the paper" lists them.
 */
import { DEFAULT_CATEGORIES, type RunConfigInput } from "./run-config";

export const DEMO_BACKEND = "SimJudge (simulated)";
export const DEMO_MODEL = "simjudge-base";
export const DEMO_POOL = "Demo instructions";
export const DEMO_EVAL = "Demo eval pairs";

export const PRESETS = ["demo", "paper", "paper-vote", "ram"] as const;
export type PresetName = (typeof PRESETS)[number];
export const PRESET_LABELS: Record<PresetName, string> = {
  demo: "Demo (SimJudge)",
  paper: "Paper",
  "paper-vote": "Paper, majority vote",
  ram: "RAM released recipe",
};

export const PAPER_GENERATOR = "mistralai/Mixtral-8x22B-Instruct-v0.1";
export const PAPER_TRAINED_MODEL = "meta-llama/Meta-Llama-3-70B-Instruct";
export const RAM_SEED_MODEL = "meta-llama/Llama-3.1-70B-Instruct";

type PresetOptions = { backend?: string; pool?: string; evalDatasets?: string[]; seed?: number };

export function demoPreset(options: { evalDatasets?: string[]; seed?: number } = {}): RunConfigInput {
  return {
    name: "Demo (SimJudge)",
    seed: options.seed ?? 1,
    generator: { backend: DEMO_BACKEND, model: DEMO_MODEL },
    judge: { backend: DEMO_BACKEND, model: DEMO_MODEL },
    instructions: { dataset: DEMO_POOL, categories: DEFAULT_CATEGORIES, keep: [], count: 200, perCategoryCap: 40, candidates: 300 },
    pairs: { maxTokens: 1024, temperature: 0.7, topP: 1, goodResponse: "pool" },
    judging: { samples: 4, bothOrders: true, temperature: 0.7, topP: 0.9, maxTokens: 4096, verdictRule: "ram" },
    filter: { mode: "one-correct", majorityThreshold: 0.5, balance: true, keep: "correct" },
    training: {
      method: "sft",
      base: "seed",
      baseModel: null,
      schedule: [],
      dpoPairsPerPrompt: 1,
      trainer: { kind: "fine_tuning_api", suffix: "demo" },
    },
    iterations: 3,
    evaluation: {
      datasets: [DEMO_EVAL, ...(options.evalDatasets ?? [])],
      protocol: "random-order",
      samples: 1,
      temperature: 0,
      topP: 1,
      maxTokens: 4096,
      verdictRule: "ram",
      maxItems: null,
    },
    budget: { maxTokens: null },
  };
}

export function paperPreset(options: PresetOptions = {}): RunConfigInput {
  const backend = options.backend ?? "vLLM";
  return {
    name: "Self-Taught Evaluator (paper)",
    seed: options.seed ?? 1,
    generator: { backend, model: PAPER_GENERATOR },
    judge: { backend, model: PAPER_GENERATOR },
    instructions: {
      dataset: options.pool ?? "",
      categories: DEFAULT_CATEGORIES,
      keep: ["Reasoning"],
      count: 20_582,
      perCategoryCap: null,
      candidates: null,
    },
    pairs: { maxTokens: 4096, temperature: 0.7, topP: 1, goodResponse: "generate" },
    judging: { samples: 8, bothOrders: true, temperature: 0.7, topP: 0.9, maxTokens: 4096, verdictRule: "ram" },
    filter: { mode: "one-correct", majorityThreshold: 0.5, balance: true, keep: "correct" },
    training: {
      method: "sft",
      base: "seed",
      baseModel: { backend, model: PAPER_TRAINED_MODEL },
      schedule: [],
      dpoPairsPerPrompt: 1,
      trainer: { kind: "fine_tuning_api", suffix: "ste" },
    },
    iterations: 5,
    evaluation: {
      datasets: options.evalDatasets ?? [],
      protocol: "random-order",
      samples: 1,
      temperature: 0,
      topP: 1,
      maxTokens: 4096,
      verdictRule: "ram",
      maxItems: null,
    },
    budget: { maxTokens: null },
  };
}

export function paperMajorityVotePreset(options: PresetOptions = {}): RunConfigInput {
  const paper = paperPreset(options);
  return {
    ...paper,
    name: "Self-Taught Evaluator (paper, 32-sample majority vote)",
    evaluation: { ...paper.evaluation!, samples: 32, temperature: 0.7, topP: 0.9 },
  };
}

export function ramRecipePreset(options: PresetOptions = {}): RunConfigInput {
  const paper = paperPreset(options);
  const backend = options.backend ?? "vLLM";
  return {
    ...paper,
    name: "Self-Taught Evaluator (RAM released recipe: SFT, then DPO)",
    generator: { backend, model: RAM_SEED_MODEL },
    judge: { backend, model: RAM_SEED_MODEL },
    pairs: { ...paper.pairs!, goodResponse: "pool" },
    training: {
      ...paper.training,
      baseModel: null,
      schedule: [
        { method: "sft", base: "seed" },
        { method: "dpo", base: "previous" },
      ],
    },
    iterations: 2,
    evaluation: { ...paper.evaluation!, verdictRule: "rewardbench" },
  };
}

export function presetConfig(name: PresetName, options: PresetOptions = {}): RunConfigInput {
  if (name === "demo") return demoPreset(options);
  if (name === "paper") return paperPreset(options);
  if (name === "paper-vote") return paperMajorityVotePreset(options);
  return ramRecipePreset(options);
}
