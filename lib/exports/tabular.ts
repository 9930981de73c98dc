/**
 * Streams rows read a page at a time as JSON Lines or CSV (csv-stringify, RFC 4180 quoting), so an
 * export of a large run never holds it in memory.
 */
import { stringify } from "csv-stringify/sync";

export type TabularFormat = "jsonl" | "csv";

/** `cursorOf` gives the key the next page starts after (the row id unless said otherwise). */
export function streamRows<T extends object>(
  readPage: (afterId: number) => T[],
  format: TabularFormat,
  cursorOf: (row: T) => number = (row) => (row as { id: number }).id,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let afterId = 0;
  let first = true;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const page = readPage(afterId);
      if (page.length === 0) {
        controller.close();
        return;
      }
      afterId = cursorOf(page.at(-1)!);
      const text =
        format === "jsonl"
          ? page.map((row) => JSON.stringify(row)).join("\n") + "\n"
          : stringify(page as Record<string, unknown>[], { header: first, columns: Object.keys(page[0]!) });
      first = false;
      controller.enqueue(encoder.encode(text));
    },
  });
}
