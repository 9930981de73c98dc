/**
 * JSON array reader: a file holding one JSON array of rows (or an object whose array field holds
 * them, like {"data": [...]}), streamed element by element with @streamparser/json so a large
 * file is never parsed whole. Rows are numbered from 0 ("row 0"), as the array indexes them.
 */
import { JSONParser } from "@streamparser/json";
import { readBytes, SourceError, type SourceFile } from "../source-file";
import type { RawRecord, ReadProgress } from "./raw-record";

export async function* readJsonArray(file: SourceFile, onProgress?: ReadProgress): AsyncGenerator<RawRecord> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const queue: RawRecord[] = [];
  let parser: JSONParser | null = null;
  let failure: string | null = null;
  let index = 0;
  let bytesRead = 0;
  let wrapped = false;

  const start = (firstChar: string) => {
    if (firstChar !== "[" && firstChar !== "{") {
      throw new SourceError(`${file.label}: expected a JSON array of rows, like [{"prompt": ...}, ...]`);
    }
    wrapped = firstChar === "{";
    // The rows: elements of the top-level array, or of the arrays inside a top-level object.
    const created = new JSONParser({ paths: [wrapped ? "$.*.*" : "$.*"], keepStack: false });
    created.onValue = ({ value, key }) => {
      if (typeof key === "number") queue.push({ index: index++, location: `row ${key}`, value });
    };
    created.onError = (error) => {
      failure = error.message;
    };
    return created;
  };

  try {
    for await (const chunk of readBytes(file, onProgress)) {
      bytesRead += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new SourceError(`${file.label}: not valid UTF-8 text (within the first ${bytesRead} bytes)`);
      }
      if (!parser) {
        text = text.replace(/^\uFEFF/, "");
        const firstChar = text.trimStart()[0];
        if (firstChar === undefined) continue;
        parser = start(firstChar);
      }
      parser.write(text);
      yield* queue.splice(0);
      if (failure) break;
    }
    if (!parser) throw new SourceError(`${file.label}: the file is empty`);
    if (!failure && !parser.isEnded) parser.end();
  } catch (error) {
    if (error instanceof SourceError) throw error;
    failure ??= error instanceof Error ? error.message : String(error);
  }
  yield* queue.splice(0);
  if (failure) throw new SourceError(`${file.label}: not valid JSON after row ${Math.max(0, index - 1)} (${failure})`);
  if (wrapped && index === 0) throw new SourceError(`${file.label}: expected an array of rows, like [{"prompt": ...}] or {"data": [...]}`);
}
