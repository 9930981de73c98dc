// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the judging API (lib/judge-jobs/openapi.ts).
import { gatedRoute } from "@/lib/access/gate";
import { openApiDocument } from "@/lib/judge-jobs/openapi";

export const dynamic = "force-dynamic";

// The document depends only on the code: built once per process.
let document: string | null = null;

export const GET = gatedRoute(async (_request: Request): Promise<Response> => {
  document ??= JSON.stringify(openApiDocument());
  return new Response(document, { headers: { "content-type": "application/json", "cache-control": "no-store" } });
});
