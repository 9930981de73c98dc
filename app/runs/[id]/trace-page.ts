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

export async function loadTracePage(
  props: TracePageProps,
): Promise<{ runId: number; db: Db; context: TraceContext; search: SearchParams }> {
  await connection();
  const runId = Number((await props.params).id);
  if (!Number.isSafeInteger(runId)) notFound();
  const db = getDb();
  return { runId, db, context: traceContext(db, runId), search: await props.searchParams };
}

/** A detail page's two ids (run and pair or item), checked, and its iteration and comparison from the URL. */
export async function loadDetailRequest(
  params: Promise<Record<string, string>>,
  searchParams: Promise<SearchParams>,
  idName: string,
): Promise<{ runId: number; subjectId: number; iteration: number | undefined; compare: number | undefined }> {
  await connection();
  const values = await params;
  const [id, subject] = [values.id ?? "", values[idName] ?? ""];
  if (!/^\d+$/.test(id) || !/^\d+$/.test(subject)) notFound();
  const search = await searchParams;
  return {
    runId: Number(id),
    subjectId: Number(subject),
    iteration: parseListParams(search).iteration,
    compare: parseListParams({ iteration: search.compare }).iteration,
  };
}
