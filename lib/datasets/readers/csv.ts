/**
 * CSV reader (csv-parse): a header row names the columns; quoted fields may hold commas, quotes
 * and newlines; a tab-separated file is recognized by its header. Rows are located by the line
 * where they start (the header is line 1). An unterminated quote or a row with the wrong number
 * of fields is reported with its line.
 */
import { parse } from "csv-parse";
import { readBytes, SourceError, type SourceFile } from "../source-file";
import type { RawRecord, ReadProgress } from "./raw-record";

async function* textChunks(file: SourceFile, onProgress?: ReadProgress): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let bytesRead = 0;
  for await (const chunk of readBytes(file, onProgress)) {
    bytesRead += chunk.length;
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new SourceError(`${file.label}: not valid UTF-8 text (within the first ${bytesRead} bytes)`);
    }
  }
}

export async function* readCsv(file: SourceFile, onProgress?: ReadProgress): AsyncGenerator<RawRecord> {
  const chunks = textChunks(file, onProgress);
  const first = await chunks.next();
  if (first.done) throw new SourceError(`${file.label}: the file is empty`);
  const headerLine = first.value.replace(/^\uFEFF/, "").split("\n")[0] ?? "";
  const delimiter =
    file.label.toLowerCase().replace(/\.gz$/, "").endsWith(".tsv") || (headerLine.includes("\t") && !headerLine.includes(",")) ? "\t" : ",";
  const parser = parse({
    bom: true,
    columns: (header: string[]) => header.map((name) => name.trim()),
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: 64 * 1024 * 1024,
  });
  (async () => {
    try {
      parser.write(first.value);
      for await (const text of chunks) {
        if (!parser.write(text)) await new Promise((resolve) => parser.once("drain", resolve));
      }
      parser.end();
    } catch (error) {
      parser.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  let index = 0;
  let columnCount: number | null = null;
  try {
    for await (const row of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number; columns: unknown[] | false; invalid_field_length: number };
    }>) {
      const { record, info } = row;
      const fields = Object.keys(record).length;
      columnCount ??= Array.isArray(info.columns) ? info.columns.length : fields;
      const location = `line ${info.lines}`;
      if (info.invalid_field_length > 0) {
        yield { index: index++, location, error: `has ${info.invalid_field_length} fields where the header has ${columnCount}` };
      } else {
        yield { index: index++, location, value: record };
      }
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/i.exec(message)?.[1];
    const reason =
      /quote/i.test(message) && /not closed|unclosed|Quote Not Closed/i.test(message) ? "a quoted field is never closed" : message;
    throw new SourceError(`${file.label}${line ? `, line ${line}` : ""}: ${reason}`, { cause: error });
  }
}
