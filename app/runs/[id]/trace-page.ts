// What every trace view of a run starts from: the request (the run id checked, a 404 otherwise,
// rendered per request) and the run's trace context (iterations, eval sets, categories).
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb, type Db } from "@/lib/db/client";
import { traceContext, type TraceContext } from "@/lib/db/queries/traces";
import { parseListParams } from "@/lib/traces/list-params";

export type SearchParams = Record<string, string | string[] | undefined>;
export type TracePageProps = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/** 50 rows per page in every trace list. */
export const TRACE_PAGE_SIZE = 50;

/** The request of a trace list page: the run, its trace context, the URL's list parameters, and the iterations that judged `what`. */
export async function loadTracePage(props: TracePageProps, what: "judgments" | "evalJudgments" = "judgments") {
  await connection();
  const runId = Number((await props.params).id);
  if (!Number.isSafeInteger(runId)) notFound();
  const db: Db = getDb();
  const context: TraceContext = traceContext(db, runId);
  const search: SearchParams = await props.searchParams;
  return { runId, db, context, search, list: parseListParams(search), judged: context.iterations.filter((it) => it[what] > 0) };
}

export type DetailPageProps = { params: Promise<Record<string, string>>; searchParams: Promise<SearchParams> };

/**
 * A detail page's subject (a pair or an eval item, read by `load`), 404 when the ids are not
 * numbers or it does not exist, with the iteration and comparison the URL asks for.
 */
export async function loadDetailPage<T>(
  props: DetailPageProps,
  idName: string,
  load: (db: Db, runId: number, subjectId: number) => T | undefined,
): Promise<{ runId: number; detail: T; shown: { iteration: number | undefined; compare: number | undefined } }> {
  await connection();
  const values = await props.params;
  const [id, subject] = [values.id ?? "", values[idName] ?? ""];
  if (!/^\d+$/.test(id) || !/^\d+$/.test(subject)) notFound();
  const detail = load(getDb(), Number(id), Number(subject));
  if (!detail) notFound();
  const search = await props.searchParams;
  const shown = { iteration: parseListParams(search).iteration, compare: parseListParams({ iteration: search.compare }).iteration };
  return { runId: Number(id), detail, shown };
}

/** The iteration a list shows: the one the URL names if it judged, else the latest (and the URL's is dropped). */
export function shownIteration<I extends { index: number }>(judged: I[], list: { iteration?: number }): I {
  const iteration = judged.find((it) => it.index === list.iteration) ?? judged[judged.length - 1]!;
  if (list.iteration !== undefined && list.iteration !== iteration.index) list.iteration = undefined;
  return iteration;
}
