/**
 * Parquet reader (hyparquet, with hyparquet-compressors for zstd, gzip, brotli and lz4 pages):
 * reads one row group at a time, so memory holds a row group, not the file. A gzipped parquet file
 * is first decompressed to a temporary file, since parquet needs random access. Rows are numbered
 * from 0.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { MAX_DECOMPRESSED_BYTES, SourceError, type SourceFile } from "../source-file";
import type { RawRecord, ReadProgress } from "./raw-record";

async function plainCopy(file: SourceFile): Promise<{ filePath: string; cleanup: () => void }> {
  if (!file.gzip) return { filePath: file.path, cleanup: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "judge-lab-parquet-"));
  const target = path.join(dir, "data.parquet");
  let total = 0;
  const gunzip = createGunzip();
  gunzip.on("data", (chunk: Buffer) => {
    total += chunk.length;
    if (total > MAX_DECOMPRESSED_BYTES) gunzip.destroy(new SourceError(`${file.label}: decompresses to more than the limit; refusing it`));
  });
  try {
    await pipeline(fs.createReadStream(file.path), gunzip, fs.createWriteStream(target));
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    if (error instanceof SourceError) throw error;
    throw new SourceError(`${file.label}: the gzip data is truncated or corrupt`, { cause: error });
  }
  return { filePath: target, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Column names of a parquet file (top-level fields). */
export async function parquetColumns(filePath: string): Promise<string[]> {
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(filePath));
  return parquetSchema(metadata).children.map((child) => child.element.name);
}

function plainValue(value: unknown): unknown {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainValue);
  if (value && typeof value === "object" && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(v)]));
  }
  return value;
}

export async function* readParquet(file: SourceFile, onProgress?: ReadProgress): AsyncGenerator<RawRecord> {
  const { filePath, cleanup } = await plainCopy(file);
  try {
    let buffer;
    let metadata;
    try {
      buffer = await asyncBufferFromFile(filePath);
      metadata = await parquetMetadataAsync(buffer);
    } catch (error) {
      throw new SourceError(`${file.label}: not a readable parquet file (${error instanceof Error ? error.message : String(error)})`, {
        cause: error,
      });
    }
    const totalBytes = buffer.byteLength;
    let rowStart = 0;
    let index = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      let rows: Record<string, unknown>[];
      try {
        rows = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd, compressors });
      } catch (error) {
        throw new SourceError(
          `${file.label}, rows ${rowStart}-${rowEnd - 1}: could not be decoded (${error instanceof Error ? error.message : String(error)})`,
          { cause: error },
        );
      }
      for (const row of rows) {
        yield { index: index, location: `row ${index}`, value: plainValue(row) };
        index++;
      }
      rowStart = rowEnd;
      onProgress?.(Math.round((rowStart / Math.max(1, Number(metadata.num_rows))) * totalBytes));
    }
  } finally {
    cleanup();
  }
}
