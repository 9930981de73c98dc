// Upload a file to import: the body is the file itself (streamed to disk, never held in memory);
// ?filename= names it. Answers {stageId} for the preview step, or an error in words.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { SourceError, formatBytes } from "@/lib/datasets/source-file";
import { discardStaged, nameFromFile, newStagingDir, registerStaged, safeFileName } from "@/lib/datasets/staging";

export const dynamic = "force-dynamic";

const MAX_UPLOAD_BYTES = 20 * 1024 ** 3;

export async function POST(request: Request): Promise<Response> {
  const filename = safeFileName(new URL(request.url).searchParams.get("filename") ?? "upload");
  if (!request.body) return Response.json({ error: "The upload is empty" }, { status: 400 });
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) {
    return Response.json(
      {
        error: `The file is ${formatBytes(declared)}; uploads are limited to ${formatBytes(MAX_UPLOAD_BYTES)}. Use a server path instead.`,
      },
      { status: 413 },
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
    const message =
      error instanceof SourceError ? error.message : `The upload failed: ${error instanceof Error ? error.message : String(error)}`;
    return Response.json({ error: message }, { status: error instanceof SourceError ? 400 : 500 });
  }
}
