/**
 * Downloads a URL to a file, streaming (constant memory), with progress, a size limit, a timeout
 * between bytes, and cancellation. Errors are sentences for people ("404 Not Found at …").
 */
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { formatBytes } from "./source-file";
import { AppError } from "@/lib/errors";

export const MAX_DOWNLOAD_BYTES = 50 * 1024 ** 3;

/** A download that failed: the server's status (when it answered) and what happened, in words. */
export class DownloadError extends AppError {
  constructor(
    message: string,
    /** The HTTP status the server answered, when it answered. */
    readonly remoteStatus?: number,
  ) {
    super("unavailable:dataset", message);
    this.name = "DownloadError";
  }
}

export type DownloadProgress = { bytes: number; totalBytes: number | null };

export async function downloadToFile(
  url: string,
  target: string,
  options: {
    headers?: Record<string, string>;
    signal?: AbortSignal;
    onProgress?: (progress: DownloadProgress) => void;
    maxBytes?: number;
  } = {},
): Promise<{ bytes: number; contentType: string | null; finalUrl: string }> {
  const maxBytes = options.maxBytes ?? MAX_DOWNLOAD_BYTES;
  let response: Response;
  try {
    response = await fetch(url, { headers: options.headers, signal: options.signal, redirect: "follow" });
  } catch (error) {
    if (options.signal?.aborted) throw new DownloadError("The download was canceled");
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new DownloadError(`Could not reach ${new URL(url).host}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new DownloadError(`${response.status} ${response.statusText || "error"} at ${url}`, response.status);
  }
  const declared = Number(response.headers.get("content-length") ?? "NaN");
  const totalBytes = Number.isFinite(declared) ? declared : null;
  if (totalBytes !== null && totalBytes > maxBytes) {
    await response.body?.cancel();
    throw new DownloadError(`${url} is ${formatBytes(totalBytes)}, more than the ${formatBytes(maxBytes)} limit`);
  }
  if (!response.body) throw new DownloadError(`${url} sent no content`);
  let bytes = 0;
  let lastReport = 0;
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
  body.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > maxBytes) body.destroy(new DownloadError(`${url} is larger than the ${formatBytes(maxBytes)} limit`));
    const now = Date.now();
    if (now - lastReport > 200) {
      lastReport = now;
      options.onProgress?.({ bytes, totalBytes });
    }
  });
  try {
    await pipeline(body, fs.createWriteStream(target), { signal: options.signal });
  } catch (error) {
    fs.rmSync(target, { force: true });
    if (error instanceof DownloadError) throw error;
    if (options.signal?.aborted) throw new DownloadError("The download was canceled");
    throw new DownloadError(`The download from ${new URL(url).host} broke off after ${formatBytes(bytes)}: ${(error as Error).message}`);
  }
  options.onProgress?.({ bytes, totalBytes: totalBytes ?? bytes });
  return { bytes, contentType: response.headers.get("content-type"), finalUrl: response.url || url };
}
