/**
 * Staged sources: files waiting to be previewed and imported (an upload, a download from a URL or
 * the hub, or a file already on the server). Uploads and downloads live in a folder next to the
 * database and are removed after the import or after a day; server paths are read where they are.
 * The registry is per server process: a restart forgets staged sources (upload again).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseFile } from "@/lib/env";
import { describeSourceFile, type SourceFile } from "./source-file";

export type StagedSource = {
  id: string;
  files: SourceFile[];
  /** Shown to people and stored as the dataset's source. */
  source: string;
  suggestedName: string;
  /** Folder we own and delete afterwards (null for server paths). */
  dir: string | null;
  createdAt: number;
};

const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const globalForStaging = globalThis as unknown as { judgeLabStaged?: Map<string, StagedSource> };
const staged = (globalForStaging.judgeLabStaged ??= new Map());

export function stagingRoot(): string {
  return path.join(path.dirname(databaseFile()), "staging");
}

/** A new folder for an upload or download. */
export function newStagingDir(): { id: string; dir: string } {
  const id = randomUUID();
  const dir = path.join(stagingRoot(), id);
  fs.mkdirSync(dir, { recursive: true });
  return { id, dir };
}

export async function registerStaged(input: {
  id?: string;
  files: { path: string; label: string }[];
  source: string;
  suggestedName: string;
  dir: string | null;
}): Promise<StagedSource> {
  removeExpired();
  const files = await Promise.all(input.files.map((file) => describeSourceFile(file.path, file.label)));
  const entry: StagedSource = {
    id: input.id ?? randomUUID(),
    files,
    source: input.source,
    suggestedName: input.suggestedName,
    dir: input.dir,
    createdAt: Date.now(),
  };
  staged.set(entry.id, entry);
  return entry;
}

export function getStaged(id: string): StagedSource | undefined {
  return staged.get(id);
}

export function discardStaged(id: string): void {
  const entry = staged.get(id);
  staged.delete(id);
  if (entry?.dir) fs.rmSync(entry.dir, { recursive: true, force: true });
}

function removeExpired(): void {
  const now = Date.now();
  for (const [id, entry] of staged) if (now - entry.createdAt > MAX_AGE_MS) discardStaged(id);
}

/** A dataset name from a file name: "rewardbench-llmbar.jsonl.gz" -> "rewardbench-llmbar". */
export function nameFromFile(label: string): string {
  const base = label.split(/[\\/]/).at(-1)?.split("?")[0] ?? label;
  return base.replace(/\.gz$/i, "").replace(/\.(jsonl|ndjson|json|csv|tsv|parquet)$/i, "") || "dataset";
}

/** Make an uploaded file name safe to use in a path. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? "upload";
  return (
    base
      .replace(/[^\w.-]+/g, "_")
      .replace(/^\.+/, "")
      .slice(0, 120) || "upload"
  );
}
