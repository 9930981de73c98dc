// The run page's data (polled while the run is active).
import { getDb } from "@/lib/db/client";
import { runView } from "@/lib/runs/run-view";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const view = /^\d+$/.test(id) ? runView(getDb(), Number(id)) : null;
  return view ? Response.json(view, { headers: { "cache-control": "no-store" } }) : errorResponse("not_found:run", `No run ${id}`);
}
