/** Read any supported file as a stream of raw records, whatever its format. */
import type { SourceFile } from "../source-file";
import { readCsv } from "./csv";
import { readJsonArray } from "./json-array";
import { readJsonLines } from "./jsonl";
import { readParquet } from "./parquet";
import type { RawRecord, ReadProgress } from "./raw-record";

export type { RawRecord, ReadProgress } from "./raw-record";

export function readRecords(file: SourceFile, onProgress?: ReadProgress): AsyncGenerator<RawRecord> {
  switch (file.format) {
    case "jsonl":
      return readJsonLines(file, onProgress);
    case "json":
      return readJsonArray(file, onProgress);
    case "csv":
      return readCsv(file, onProgress);
    case "parquet":
      return readParquet(file, onProgress);
  }
}
