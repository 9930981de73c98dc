// Writes test input files (JSONL, JSON, CSV, parquet, gzip) into a temporary folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parquetWriteBuffer } from "hyparquet-writer";

export type FileMaker = {
  dir: string;
  write: (name: string, content: string | Buffer) => string;
  jsonl: (name: string, rows: unknown[]) => string;
  gzip: (name: string, content: string | Buffer) => string;
  parquet: (name: string, columns: Record<string, (string | number | null)[]>, options?: { rowGroupSize?: number }) => string;
  parquetBuffer: (columns: Record<string, (string | number | null)[]>, options?: { rowGroupSize?: number }) => ArrayBuffer;
  gzipBuffer: (content: string | Buffer) => Buffer;
  cleanup: () => void;
};

function parquetBuffer(columns: Record<string, (string | number | null)[]>, options: { rowGroupSize?: number } = {}): ArrayBuffer {
  return parquetWriteBuffer({
    columnData: Object.entries(columns).map(([columnName, data]) => ({
      name: columnName,
      data,
      type: typeof data.find((v) => v !== null) === "number" ? "INT32" : "STRING",
      nullable: true,
    })),
    rowGroupSize: options.rowGroupSize,
  });
}

export function fileMaker(): FileMaker {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "judge-lab-files-"));
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  return {
    dir,
    write,
    jsonl: (name, rows) => write(name, rows.map((row) => JSON.stringify(row)).join("\n") + "\n"),
    gzip: (name, content) => write(name, gzipSync(content)),
    parquet: (name, columns, options = {}) => write(name, Buffer.from(parquetBuffer(columns, options))),
    parquetBuffer,
    gzipBuffer: (content) => gzipSync(content),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Row counts of every table: equal before and after means the database is unchanged. */
export function tableCounts(db: {
  $client: { prepare: (sql: string) => { pluck: () => { all: () => unknown[]; get: () => unknown } } };
}): Record<string, number> {
  const tables = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((table) => [table, db.$client.prepare(`select count(*) from "${table}"`).pluck().get() as number]));
}
