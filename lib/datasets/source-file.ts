/**
 * A file to import and how to read it: the format (JSONL, JSON array, CSV, parquet), whether it is
 * gzipped, and the byte stream (gunzipped on the fly, with a cap on the decompressed size so a
 * gzip bomb is refused instead of filling the disk or memory). Format comes from the content's
 * first bytes, with the file name as a tie-breaker.
 */
import fs from "node:fs";
import { createGunzip } from "node:zlib";
import { formatBytes } from "@/lib/format/numbers";
import { AppError } from "@/lib/errors";

export { formatBytes };

export const FORMATS = ["jsonl", "json", "csv", "parquet"] as const;
export type DataFormat = (typeof FORMATS)[number];

export type SourceFile = {
  path: string;
  /** The name people know it by (upload name, URL, hub file), used in error messages. */
  label: string;
  format: DataFormat;
  gzip: boolean;
};

/** Decompressed bytes allowed per file (gzip bombs stop here). */
export const MAX_DECOMPRESSED_BYTES = 20 * 1024 ** 3;

/** A source file that cannot be read as a dataset (its message names the file and what is wrong). */
export class SourceError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("bad_request:dataset", message, options);
    this.name = "SourceError";
  }
}

function readHead(filePath: string, bytes: number): Buffer {
  const fd = fs.openSync(filePath, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function formatFromName(name: string): DataFormat | null {
  const base = name.toLowerCase().replace(/\.gz$/, "").split("?")[0]!;
  if (/\.(jsonl|ndjson)$/.test(base)) return "jsonl";
  if (base.endsWith(".json")) return "json";
  if (/\.(csv|tsv)$/.test(base)) return "csv";
  if (base.endsWith(".parquet")) return "parquet";
  return null;
}

function formatFromText(head: string, name: string): DataFormat {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  const byName = formatFromName(name);
  if (text.startsWith("[")) return byName === "jsonl" ? "jsonl" : "json";
  // One object per line, unless the name says it is one JSON document.
  if (text.startsWith("{")) return byName === "json" ? "json" : "jsonl";
  // Anything else: trust a JSON name (the reader will say what is wrong), else it is a table.
  return byName === "json" || byName === "jsonl" ? byName : "csv";
}

/** Work out how to read `filePath`; `label` (an original file name or URL) helps when content is ambiguous. */
export async function describeSourceFile(filePath: string, label: string): Promise<SourceFile> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    throw new SourceError(`${label}: no such file`);
  }
  if (!stat.isFile()) throw new SourceError(`${label}: not a file`);
  if (stat.size === 0) throw new SourceError(`${label}: the file is empty`);
  const head = readHead(filePath, 4096);
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  if (!gzip) {
    if (head.subarray(0, 4).toString("latin1") === "PAR1") return { path: filePath, label, format: "parquet", gzip: false };
    return { path: filePath, label, format: formatFromText(head.toString("utf8"), label), gzip: false };
  }
  // Peek at the start of the decompressed content.
  const inner = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = fs.createReadStream(filePath).pipe(createGunzip());
    stream.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= 4096) {
        stream.destroy();
        resolve(Buffer.concat(chunks));
      }
    });
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", (error) => (size > 0 ? resolve(Buffer.concat(chunks)) : reject(error)));
  }).catch((error) => {
    throw new SourceError(`${label}: the gzip data is corrupt (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  });
  if (inner.length === 0) throw new SourceError(`${label}: the file is empty once decompressed`);
  if (inner.subarray(0, 4).toString("latin1") === "PAR1") return { path: filePath, label, format: "parquet", gzip: true };
  return { path: filePath, label, format: formatFromText(inner.toString("utf8"), label.replace(/\.gz$/i, "")), gzip: true };
}

/**
 * The file's bytes, decompressed when gzipped, refusing more than `maxBytes` of output.
 * `onDiskBytes` hears how many bytes of the file itself have been read (progress against its size).
 */
export async function* readBytes(
  file: SourceFile,
  onDiskBytes?: (bytes: number) => void,
  maxBytes = MAX_DECOMPRESSED_BYTES,
): AsyncGenerator<Buffer> {
  const raw = fs.createReadStream(file.path, { highWaterMark: 1024 * 1024 });
  let diskBytes = 0;
  if (!file.gzip) {
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      yield chunk;
      diskBytes += chunk.length;
      onDiskBytes?.(diskBytes);
    }
    return;
  }
  raw.on("data", (chunk) => {
    diskBytes += chunk.length;
  });
  const gunzip = createGunzip();
  const stream = raw.pipe(gunzip);
  raw.on("error", (error) => gunzip.destroy(error));
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onDiskBytes?.(diskBytes);
      total += chunk.length;
      if (total > maxBytes) {
        throw new SourceError(`${file.label}: decompresses to more than ${formatBytes(maxBytes)}; refusing it (a gzip bomb?)`);
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new SourceError(`${file.label}: the gzip data is truncated or corrupt (${message})`, { cause: error });
  } finally {
    stream.destroy();
    raw.destroy();
  }
}
