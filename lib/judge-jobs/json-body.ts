/**
 * Reads the JSON body of an API request with a size cap: a declared Content-Length over the cap is
 * refused before anything is read, and the bytes actually read are counted too (a chunked body has
 * no length, a declared length can lie). Refusals are AppErrors: too large (413), not UTF-8, empty
 * or not JSON (400), each message saying what is wrong.
 */
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/format/numbers";

/**
 * The largest body the judging API reads: 8 MB. It stays under the 10 MB that Next.js buffers of a
 * request body when a proxy runs (proxy.ts), so a body is never cut short before it gets here.
 */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

function tooLarge(bytes: number | null, maxBytes: number): AppError {
  const size = bytes === null ? `over ${formatBytes(maxBytes)}` : formatBytes(bytes);
  return new AppError(
    "too_large:job",
    `The request body is ${size}; the API takes at most ${formatBytes(maxBytes)} per request. Send fewer or shorter texts (a large set is better imported on the Datasets page).`,
  );
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(null, maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The parsed JSON body of `request`, or an AppError naming why it cannot be read. */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(declared, maxBytes);
  const bytes = request.body ? await readCapped(request.body, maxBytes) : new Uint8Array();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request:job", "The request body is not valid UTF-8 text: send JSON encoded as UTF-8");
  }
  if (text.trim() === "") throw new AppError("bad_request:job", "The request body is empty: send a JSON object");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("bad_request:job", `The request body is not valid JSON: ${reason}`);
  }
}
