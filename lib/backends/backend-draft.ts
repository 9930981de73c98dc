/**
 * The Backends form's working copy ("draft": every field as typed, numbers still strings) and
 * the pure conversions around it: from a preset, from a stored row, switching presets without
 * losing what the user typed, and into the object the zod schema validates.
 */
import type { BackendRow } from "@/lib/db/schema";
import type { BackendInput } from "./backend-input";
import { BACKEND_PRESETS, type PresetId } from "./presets";

export type BackendDraft = {
  name: string;
  preset: PresetId;
  baseUrls: string[];
  apiKeyEnv: string;
  maxInFlight: string;
  requestsPerMinute: string;
  tokensPerMinute: string;
  timeoutSeconds: string;
  supportsN: boolean;
  supportsFineTuning: boolean;
};

const numberText = (value: number | null) => (value === null ? "" : String(value));

export function draftFromPreset(presetId: PresetId): BackendDraft {
  const preset = BACKEND_PRESETS[presetId];
  return {
    name: presetId === "custom" ? "" : preset.label,
    preset: presetId,
    baseUrls: [preset.baseUrl],
    apiKeyEnv: preset.apiKeyEnv,
    maxInFlight: String(preset.maxInFlight),
    requestsPerMinute: numberText(preset.requestsPerMinute),
    tokensPerMinute: numberText(preset.tokensPerMinute),
    timeoutSeconds: String(preset.timeoutSeconds),
    supportsN: preset.supportsN,
    supportsFineTuning: preset.supportsFineTuning,
  };
}

export function draftFromRow(row: BackendRow): BackendDraft {
  return {
    name: row.name,
    preset: (row.preset in BACKEND_PRESETS ? row.preset : "custom") as PresetId,
    baseUrls: row.baseUrls.length > 0 ? [...row.baseUrls] : [""],
    apiKeyEnv: row.apiKeyEnv ?? "",
    maxInFlight: String(row.maxInFlight),
    requestsPerMinute: numberText(row.requestsPerMinute),
    tokensPerMinute: numberText(row.tokensPerMinute),
    timeoutSeconds: String(row.timeoutMs / 1000),
    supportsN: row.supportsN,
    supportsFineTuning: row.supportsFineTuning,
  };
}

/**
 * Switch to another preset: a field still holding the old preset's default takes the new
 * preset's default; anything the user changed is kept.
 */
export function switchPreset(draft: BackendDraft, next: PresetId): BackendDraft {
  const before = draftFromPreset(draft.preset);
  const after = draftFromPreset(next);
  const untouchedUrls =
    draft.baseUrls.every((url) => url.trim() === "") || (draft.baseUrls.length === 1 && draft.baseUrls[0] === before.baseUrls[0]);
  const pick = <K extends keyof BackendDraft>(key: K): BackendDraft[K] =>
    draft[key] === before[key] || draft[key] === "" ? after[key] : draft[key];
  return {
    name: pick("name"),
    preset: next,
    baseUrls: untouchedUrls ? after.baseUrls : draft.baseUrls,
    apiKeyEnv: pick("apiKeyEnv"),
    maxInFlight: pick("maxInFlight"),
    requestsPerMinute: pick("requestsPerMinute"),
    tokensPerMinute: pick("tokensPerMinute"),
    timeoutSeconds: pick("timeoutSeconds"),
    supportsN: draft.supportsN === before.supportsN ? after.supportsN : draft.supportsN,
    supportsFineTuning: draft.supportsFineTuning === before.supportsFineTuning ? after.supportsFineTuning : draft.supportsFineTuning,
  };
}

/**
 * Empty text becomes null (meaning "no limit" where that is allowed; the schema reports it
 * where a value is required); text that is not a number is sent as is for the schema to refuse.
 */
function toNumber(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed.replaceAll(",", "").replaceAll("_", ""));
  return Number.isFinite(value) ? value : trimmed;
}

/** The object sent to the server, where `backendInputSchema` decides what is valid. */
export function draftToInput(draft: BackendDraft): Record<keyof BackendInput, unknown> {
  return {
    name: draft.name,
    preset: draft.preset,
    baseUrls: draft.baseUrls,
    apiKeyEnv: draft.apiKeyEnv.trim() === "" ? null : draft.apiKeyEnv,
    maxInFlight: toNumber(draft.maxInFlight),
    requestsPerMinute: toNumber(draft.requestsPerMinute),
    tokensPerMinute: toNumber(draft.tokensPerMinute),
    timeoutSeconds: toNumber(draft.timeoutSeconds),
    supportsN: draft.supportsN,
    supportsFineTuning: draft.supportsFineTuning,
  };
}
