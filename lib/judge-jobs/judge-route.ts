/**
 * The one handler behind `POST /api/v1/judge`, served by two servers: the Next.js route, and the
 * optional judging listener (lib/judge-jobs/api-listener.ts) for callers who count milliseconds.
 * The JSON body names a judge, a prompt and two or more responses (judge-now.ts validates it); the
 * answer is the verdict with its votes, traces and token usage. Nothing is stored. Refusals use the
 * error reply of lib/errors.ts: 400 naming the field, 413 for a body over 8 MB, 503 when the
 * judge's backend fails; the access gate answers first (421 foreign host, 401 without the token).
 */
import { gatedRoute } from "@/lib/access/gate";
import { getDb } from "@/lib/db/client";
import { toResponse } from "@/lib/errors";
import { readJsonBody } from "./json-body";
import { judgeNow, parseJudgeRequest } from "./judge-now";
import { serverClients } from "./server-clients";

export const handleJudgeRequest = gatedRoute(async (request: Request): Promise<Response> => {
  try {
    const judgeRequest = parseJudgeRequest(await readJsonBody(request));
    const db = getDb();
    const answer = await judgeNow(db, serverClients(db), judgeRequest, request.signal);
    // One write with its length (not chunked): the answer is small and the caller waits for all of it.
    const body = JSON.stringify(answer);
    return new Response(body, {
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "cache-control": "no-store" },
    });
  } catch (error) {
    return toResponse(error, { "cache-control": "no-store" });
  }
});
