// Upload a file to import: the body is the file itself (streamed to disk, never held in memory);
// ?filename= names it. Answers {stageId} for the preview step, or the error reply (lib/errors.ts).
// The proxy does not run before this route (it would buffer the body and cut it at 10 MB), so the
// route makes the proxy's Host and access-token checks itself, and sets the security headers.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { SourceError, formatBytes } from "@/lib/datasets/source-file";
import { discardStaged, nameFromFile, newStagingDir, registerStaged, safeFileName } from "@/lib/datasets/staging";
import { errorResponse, toResponse } from "@/lib/errors";
import { gatedRoute } from "@/lib/access/gate";

export const dynamic = "force-dynamic";

const MAX_UPLOAD_BYTES = 20 * 1024 ** 3;

export const POST = gatedRoute(async (request: Request): Promise<Response> => {
  const filename = safeFileName(new URL(request.url).searchParams.get("filename") ?? "upload");
  if (!request.body) return errorResponse("bad_request:dataset", "The upload is empty");
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) {
    return errorResponse(
      "too_large:dataset",
      `The file is ${formatBytes(declared)}; uploads are limited to ${formatBytes(MAX_UPLOAD_BYTES)}. Use a server path instead.`,
    );
  }
  const { id, dir } = newStagingDir();
  const target = path.join(dir, filename);
  try {
    await pipeline(Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>), fs.createWriteStream(target));
    const staged = await registerStaged({
      id,
      files: [{ path: target, label: filename }],
      source: `upload:${filename}`,
      suggestedName: nameFromFile(filename),
      dir,
    });
    return Response.json({ stageId: staged.id });
  } catch (error) {
    discardStaged(id);
    fs.rmSync(dir, { recursive: true, force: true });
    if (error instanceof SourceError) return errorResponse("bad_request:dataset", error.message);
    return toResponse(error);
  }
});
