// POST /api/v1/judge: one judgment on demand. The JSON body names a judge, a prompt and two or more
// responses (lib/judge-jobs/judge-now.ts validates it); the answer is the verdict with its votes,
// traces and token usage. Nothing is stored. Refusals use the error reply of lib/errors.ts: 400
// naming the field, 413 for a body over 8 MB, 503 when the judge's backend fails.
import { gatedRoute } from "@/lib/access/gate";
import { getDb } from "@/lib/db/client";
import { toResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/judge-jobs/json-body";
import { judgeNow, parseJudgeRequest } from "@/lib/judge-jobs/judge-now";
import { serverClients } from "@/lib/judge-jobs/server-clients";

export const dynamic = "force-dynamic";

export const POST = gatedRoute(async (request: Request): Promise<Response> => {
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
