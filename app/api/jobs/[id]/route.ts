// Progress of a download or import job, polled by the Datasets import page.
import { getJob } from "@/lib/datasets/import-jobs";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const job = getJob(id);
  return job ? Response.json(job) : errorResponse("not_found:job", `No job ${id} (jobs are kept for an hour)`);
}
