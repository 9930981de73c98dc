// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the judging API (lib/judge-jobs/openapi.ts).
import { openApiDocument } from "@/lib/judge-jobs/openapi";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return Response.json(openApiDocument(), { headers: { "cache-control": "no-store" } });
}
