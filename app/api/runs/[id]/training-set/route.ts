// Download an iteration's training set: ?iteration=N&method=sft|dpo&format=trl|openai (JSONL).
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { getRunById, getRunConfig } from "@/lib/db/queries/runs";
import { getIteration } from "@/lib/db/queries/run-work";
import { buildTrainingFile } from "@/lib/trainers/training-file";
import { errorResponse } from "@/lib/errors";
import { describeIssues, fieldErrorsOf } from "@/lib/validation";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  iteration: z.coerce.number({ error: "iteration must be a number" }).int().min(0),
  method: z.enum(["sft", "dpo"]).default("sft"),
  format: z.enum(["trl", "openai"]).default("trl"),
});

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return errorResponse("bad_request:export", describeIssues(query.error), { fieldErrors: fieldErrorsOf(query.error) });
  const db = getDb();
  const run = /^\d+$/.test(id) ? getRunById(db, Number(id)) : undefined;
  const iteration = run ? getIteration(db, run.id, query.data.iteration) : undefined;
  if (!run || !iteration) return errorResponse("not_found:run", `No iteration ${query.data.iteration} in run ${id}`);
  const config = getRunConfig(db, run.id);
  const file = buildTrainingFile(db, iteration.id, {
    judgeTemplate: config.prompts.judge,
    method: query.data.method,
    format: query.data.format,
  });
  const name = `run-${run.id}-iteration-${iteration.index}-${query.data.method}-${query.data.format}.jsonl`;
  return new Response(file.content, {
    headers: {
      "content-type": "application/jsonl; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "x-examples": String(file.lines),
    },
  });
}
