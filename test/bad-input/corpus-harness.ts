// The bad-input corpus's shape and its walker: each entry feeds one malformed or hostile input to
// one entry point and says what the refusal must name. The walker checks the refusal, that the
// database holds exactly what it held before (judge jobs and their judgments included), and that
// the process still answers afterwards. An HTTP route's reply is read by `replyOf` into the shape
// of an action's result, its status first ("HTTP 400 bad_request:job: ...").
import type Database from "better-sqlite3";
import { expect } from "vitest";
import { formatProblem, ImportFailure } from "@/lib/datasets/import-dataset";

export type EntryPoint = "dataset file" | "run config" | "server action" | "HTTP route" | "backend response";

export type CorpusEntry = {
  entry: EntryPoint;
  name: string;
  /** Feeds the input; resolves with what was refused (an error, or an action's error result). */
  feed: () => Promise<unknown>;
  /** What the refusal must say: the file and line, or the action and field. */
  expect: RegExp;
};

const TABLES = [
  "backends",
  "datasets",
  "dataset_items",
  "runs",
  "iterations",
  "pairs",
  "judgments",
  "eval_judgments",
  "run_events",
  "judge_jobs",
  "judge_comparisons",
  "judge_judgments",
  "judge_item_results",
  "annotation_sets",
  "annotation_items",
  "annotations",
  "annotation_reveals",
];

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

/**
 * An HTTP route's reply as an action's result: a 2xx is accepted; anything else is refused with
 * its status and code leading the message ("HTTP 404 not_found:job: No judge job abc"), and the
 * reply's field errors kept, so an entry's pattern can ask for the status and the field.
 */
export async function replyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (response.ok) return { ok: true };
  let body: { code?: string; message?: string; fieldErrors?: Record<string, string> } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { message: `(not JSON) ${text.slice(0, 200)}` };
  }
  return { ok: false, message: `HTTP ${response.status} ${body.code ?? "?"}: ${body.message ?? ""}`, fieldErrors: body.fieldErrors };
}

/**
 * A pattern for a refusal that names `field` among its field errors (a line "field: message"),
 * after an HTTP status when one is given.
 */
export function namesField(field: string, status?: number): RegExp {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`${status === undefined ? "" : `^HTTP ${status} `}[\\s\\S]*^${escaped}: `, "m");
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
