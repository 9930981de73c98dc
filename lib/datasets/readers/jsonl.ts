/**
 * JSON Lines reader: one JSON value per line, streamed in constant memory. Each line must be valid
 * UTF-8 and valid JSON; a line longer than the limit is reported and skipped, never buffered whole.
 * Blank lines are ignored. Line numbers start at 1.
 */
import { readBytes, type SourceFile } from "../source-file";
import type { RawRecord, ReadProgress } from "./raw-record";

export const MAX_LINE_BYTES = 64 * 1024 * 1024;

export async function* readJsonLines(
  file: SourceFile,
  onProgress?: ReadProgress,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<RawRecord> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let lineNo = 0;
  let index = 0;

  function* finishLine(parts: Buffer[]): Generator<RawRecord> {
    lineNo++;
    if (tooLong) {
      tooLong = false;
      yield { index: index++, location: `line ${lineNo}`, error: `the line is longer than ${Math.round(maxLineBytes / 1024 / 1024)} MB` };
      return;
    }
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      yield { index: index++, location: `line ${lineNo}`, error: "not valid UTF-8 text" };
      return;
    }
    if (lineNo === 1) text = text.replace(/^\uFEFF/, "");
    if (text.trim() === "") return;
    try {
      yield { index: index++, location: `line ${lineNo}`, value: JSON.parse(text) };
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^Unexpected/, "unexpected") : "invalid JSON";
      yield { index: index++, location: `line ${lineNo}`, error: `not valid JSON (${reason})` };
    }
  }

  for await (const chunk of readBytes(file, onProgress)) {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline === -1 ? chunk.length : newline;
      const piece = chunk.subarray(start, end);
      if (!tooLong) {
        if (pendingBytes + piece.length > maxLineBytes) {
          tooLong = true;
          pending = [];
          pendingBytes = 0;
        } else if (piece.length > 0) {
          // Copy: the chunk's buffer is reused by the stream.
          pending.push(newline === -1 ? Buffer.from(piece) : piece);
          pendingBytes += piece.length;
        }
      }
      if (newline === -1) break;
      const parts = pending;
      pending = [];
      pendingBytes = 0;
      // Drop a trailing \r (Windows line ends).
      const last = parts.at(-1);
      if (last && last[last.length - 1] === 0x0d) parts[parts.length - 1] = last.subarray(0, last.length - 1);
      yield* finishLine(parts);
      start = newline + 1;
    }
  }
  if (pendingBytes > 0 || tooLong) {
    const last = pending.at(-1);
    if (last && last[last.length - 1] === 0x0d) pending[pending.length - 1] = last.subarray(0, last.length - 1);
    yield* finishLine(pending);
  }
}
