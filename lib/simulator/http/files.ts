/** POST /files (multipart: file, purpose) and the file object of the OpenAI protocol; files live in SimJudge's tables. */
import { insertSimFile } from "@/lib/db/queries/simjudge";
import { json, newId, openAiError } from "./protocol";
import type { SimState } from "./state";
import type { SimRequest, SimResponse } from "./types";

export async function uploadFile(state: SimState, request: SimRequest): Promise<SimResponse> {
  const contentType = request.headers["content-type"] ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    return openAiError(400, "Upload the file as multipart/form-data with fields 'file' and 'purpose'", "invalid_request_error");
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(request.body), { headers: { "content-type": contentType } }).formData();
  } catch {
    return openAiError(400, "The multipart body could not be read", "invalid_request_error");
  }
  const file = form.get("file");
  const purpose = form.get("purpose");
  if (!(file instanceof Blob)) return openAiError(400, "Missing the 'file' field", "invalid_request_error", null, "file");
  if (typeof purpose !== "string" || !purpose)
    return openAiError(400, "Missing the 'purpose' field", "invalid_request_error", null, "purpose");
  const content = await file.text();
  const row = insertSimFile(state.db, {
    id: newId("file"),
    filename: file instanceof File ? file.name : "upload.jsonl",
    purpose,
    bytes: Buffer.byteLength(content),
    content,
  });
  return json(200, fileObject(row));
}

export function fileObject(row: { id: string; filename: string; purpose: string; bytes: number; createdAt: number }) {
  return {
    id: row.id,
    object: "file",
    bytes: row.bytes,
    created_at: Math.floor(row.createdAt / 1000),
    filename: row.filename,
    purpose: row.purpose,
    status: "processed",
  };
}
