// The bad-input corpus's shape and its walker: each entry feeds one malformed or hostile input to
// one entry point and says what the refusal must name. The walker checks the refusal, that the
// database holds exactly what it held before, and that the process still answers afterwards.
import type Database from "better-sqlite3";
import { expect } from "vitest";
import { formatProblem, ImportFailure } from "@/lib/datasets/import-dataset";

export type EntryPoint = "dataset file" | "run config" | "server action" | "backend response";

export type CorpusEntry = {
  entry: EntryPoint;
  name: string;
  /** Feeds the input; resolves with what was refused (an error, or an action's error result). */
  feed: () => Promise<unknown>;
  /** What the refusal must say: the file and line, or the action and field. */
  expect: RegExp;
};

const TABLES = ["backends", "datasets", "dataset_items", "runs", "iterations", "pairs", "judgments", "eval_judgments", "run_events"];

export function tableCounts(sqlite: Database.Database): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, sqlite.prepare(`select count(*) from ${t}`).pluck().get() as number]));
}

/** The words of a refusal: an error's message with an import's first problems, or an action's error result. */
export function refusalText(outcome: unknown): string {
  if (outcome instanceof ImportFailure) return [outcome.message, ...outcome.problems.map(formatProblem)].join("\n");
  if (outcome instanceof Error) return outcome.message;
  if (outcome && typeof outcome === "object" && "ok" in outcome) {
    const result = outcome as { ok: boolean; message?: string; fieldErrors?: Record<string, string> };
    if (result.ok) return "ACCEPTED";
    return [result.message, ...Object.entries(result.fieldErrors ?? {}).map(([field, message]) => `${field}: ${message}`)].join("\n");
  }
  return `ACCEPTED: ${JSON.stringify(outcome)?.slice(0, 200)}`;
}

/** Runs `feed`, turning a throw into the refused value. */
export async function refusalOf(feed: () => Promise<unknown>): Promise<unknown> {
  try {
    return await feed();
  } catch (error) {
    return error;
  }
}

export async function walk(entry: CorpusEntry, sqlite: Database.Database | null, stillServing: () => Promise<void>) {
  const before = sqlite ? tableCounts(sqlite) : null;
  const text = refusalText(await refusalOf(entry.feed));
  expect(text, `${entry.entry}: ${entry.name}`).not.toMatch(/^ACCEPTED/);
  expect(text, `${entry.entry}: ${entry.name}`).toMatch(entry.expect);
  if (sqlite) expect(tableCounts(sqlite), `${entry.entry}: ${entry.name} changed the database`).toEqual(before);
  await stillServing();
}
