/**
 * What the browser sees of a backend: the stored settings plus whether its key variable is set
 * on the server. Never the key's value.
 */
import type { BackendRow } from "@/lib/db/schema";
import { readApiKey } from "@/lib/inference/list-models";
import { presetLabel } from "./presets";

export type BackendView = Omit<BackendRow, "createdAt" | "updatedAt"> & {
  presetLabel: string;
  /** Whether the named environment variable is set on the server (null: no key configured). */
  apiKeySet: boolean | null;
};

export function toBackendView(row: BackendRow, env: NodeJS.ProcessEnv = process.env): BackendView {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = row;
  return {
    ...rest,
    presetLabel: presetLabel(row.preset),
    apiKeySet: row.apiKeyEnv ? readApiKey(row.apiKeyEnv, env) !== undefined : null,
  };
}
