/**
 * Backend presets: sensible defaults for the model servers people point Judge Lab at.
 * A preset only fills the form; every value stays editable. Limits are conservative starting
 * points (local servers batch many requests; hosted APIs have per-account rate limits).
 */
export const PRESET_IDS = [
  "vllm",
  "sglang",
  "tgi",
  "ollama",
  "llamacpp",
  "openai",
  "together",
  "openrouter",
  "simjudge",
  "custom",
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export type BackendPreset = {
  id: PresetId;
  label: string;
  /** One line on what it is, shown under the preset picker. */
  hint: string;
  baseUrl: string;
  apiKeyEnv: string;
  maxInFlight: number;
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
  timeoutSeconds: number;
  /** Whether one request can ask for N samples (`n`). */
  supportsN: boolean;
  /** Whether it speaks the OpenAI fine-tuning API (/v1/files, /v1/fine_tuning/jobs). */
  supportsFineTuning: boolean;
};

export const BACKEND_PRESETS: Record<PresetId, BackendPreset> = {
  vllm: {
    id: "vllm",
    label: "vLLM",
    hint: "vllm serve <model>: OpenAI-compatible server, batches many requests, supports n.",
    baseUrl: "http://localhost:8000/v1",
    apiKeyEnv: "",
    maxInFlight: 256,
    requestsPerMinute: null,
    tokensPerMinute: null,
    timeoutSeconds: 600,
    supportsN: true,
    supportsFineTuning: false,
  },
  sglang: {
    id: "sglang",
    label: "SGLang",
    hint: "python -m sglang.launch_server: OpenAI-compatible, supports n.",
    baseUrl: "http://localhost:30000/v1",
    apiKeyEnv: "",
    maxInFlight: 256,
    requestsPerMinute: null,
    tokensPerMinute: null,
    timeoutSeconds: 600,
    supportsN: true,
    supportsFineTuning: false,
  },
  tgi: {
    id: "tgi",
    label: "TGI",
    hint: "Hugging Face Text Generation Inference, Messages API under /v1.",
    baseUrl: "http://localhost:8080/v1",
    apiKeyEnv: "",
    maxInFlight: 128,
    requestsPerMinute: null,
    tokensPerMinute: null,
    timeoutSeconds: 600,
    supportsN: false,
    supportsFineTuning: false,
  },
  ollama: {
    id: "ollama",
    label: "Ollama",
    hint: "ollama serve: OpenAI-compatible under /v1; runs a few requests at a time.",
    baseUrl: "http://localhost:11434/v1",
    apiKeyEnv: "",
    maxInFlight: 4,
    requestsPerMinute: null,
    tokensPerMinute: null,
    timeoutSeconds: 600,
    supportsN: false,
    supportsFineTuning: false,
  },
  llamacpp: {
    id: "llamacpp",
    label: "llama.cpp server",
    hint: "llama-server: OpenAI-compatible; parallel slots set with -np.",
    baseUrl: "http://localhost:8080/v1",
    apiKeyEnv: "",
    maxInFlight: 4,
    requestsPerMinute: null,
    tokensPerMinute: null,
    timeoutSeconds: 600,
    supportsN: false,
    supportsFineTuning: false,
  },
  openai: {
    id: "openai",
    label: "OpenAI",
    hint: "api.openai.com; supports n and the fine-tuning API.",
    baseUrl: "https://api.openai.com/v1",
    apiKeyEnv: "OPENAI_API_KEY",
    maxInFlight: 64,
    requestsPerMinute: 500,
    tokensPerMinute: 200_000,
    timeoutSeconds: 300,
    supportsN: true,
    supportsFineTuning: true,
  },
  together: {
    id: "together",
    label: "Together",
    hint: "api.together.xyz, OpenAI-compatible chat completions.",
    baseUrl: "https://api.together.xyz/v1",
    apiKeyEnv: "TOGETHER_API_KEY",
    maxInFlight: 32,
    requestsPerMinute: 600,
    tokensPerMinute: null,
    timeoutSeconds: 300,
    supportsN: true,
    supportsFineTuning: false,
  },
  openrouter: {
    id: "openrouter",
    label: "OpenRouter",
    hint: "openrouter.ai: many providers behind one OpenAI-compatible API.",
    baseUrl: "https://openrouter.ai/api/v1",
    apiKeyEnv: "OPENROUTER_API_KEY",
    maxInFlight: 16,
    requestsPerMinute: 200,
    tokensPerMinute: null,
    timeoutSeconds: 300,
    supportsN: false,
    supportsFineTuning: false,
  },
  simjudge: {
    id: "simjudge",
    label: "SimJudge (simulated)",
    hint: "The built-in simulator, run standalone (npm run simjudge -- --port 11435). Not a language model.",
    baseUrl: "http://127.0.0.1:11435/v1",
    apiKeyEnv: "",
    maxInFlight: 64,
    requestsPerMinute: null,
    tokensPerMinute: null,
    timeoutSeconds: 60,
    supportsN: true,
    supportsFineTuning: true,
  },
  custom: {
    id: "custom",
    label: "Custom",
    hint: "Any server that speaks the OpenAI chat-completions protocol.",
    baseUrl: "",
    apiKeyEnv: "",
    maxInFlight: 16,
    requestsPerMinute: null,
    tokensPerMinute: null,
    timeoutSeconds: 300,
    supportsN: false,
    supportsFineTuning: false,
  },
};

export function presetLabel(id: string): string {
  return (BACKEND_PRESETS as Record<string, BackendPreset | undefined>)[id]?.label ?? id;
}
