/**
 * Which handler answers a request: the OpenAI routes (models, chat completions, files, fine-tuning
 * jobs) and, for tests, SimJudge's own (statistics, per-model faults).
 */
import { getSimFile, getSimJob, listSimJobs, setSimModelFaults, updateSimJob } from "@/lib/db/queries/simjudge";
import { describeIssues } from "@/lib/validation";
import { faultConfigSchema } from "../faults";
import { chatCompletions } from "./chat";
import { fileObject, uploadFile } from "./files";
import { createJob, jobObject } from "./fine-tuning";
import { json, jsonBody, openAiError } from "./protocol";
import { freshStats, modelObject, type SimState } from "./state";
import type { SimRequest, SimResponse } from "./types";

function modelRoute(state: SimState, id: string): SimResponse {
  const model = state.models.get(id);
  return model
    ? json(200, modelObject(model))
    : openAiError(404, `The model '${id}' does not exist`, "invalid_request_error", "model_not_found");
}

function jobRoute(state: SimState, method: string, parts: string[]): SimResponse | null {
  const job = getSimJob(state.db, parts[2]!);
  if (!job) return openAiError(404, `No such fine-tuning job: ${parts[2]}`, "invalid_request_error");
  if (method === "GET" && parts.length === 3) return json(200, jobObject(state, job));
  if (method === "POST" && parts[3] === "cancel") {
    if (job.status === "queued" || job.status === "running")
      updateSimJob(state.db, job.id, { status: "cancelled", finishedAt: Date.now() });
    return json(200, jobObject(state, getSimJob(state.db, job.id)!));
  }
  return null;
}

function setModelFaults(state: SimState, id: string, request: SimRequest): SimResponse {
  const model = state.models.get(id);
  if (!model) return openAiError(404, `The model '${id}' does not exist`, "invalid_request_error", "model_not_found");
  const body = jsonBody(request.body, "null");
  if (!body.ok) return body.response;
  const parsed = faultConfigSchema.partial().nullable().safeParse(body.value);
  if (!parsed.success) return openAiError(400, `Invalid faults: ${describeIssues(parsed.error)}`, "invalid_request_error");
  setSimModelFaults(state.db, id, parsed.data);
  model.faults = parsed.data;
  return json(200, { id, faults: parsed.data });
}

export async function route(state: SimState, request: SimRequest): Promise<SimResponse> {
  const { method } = request;
  const path = request.path.replace(/\/+$/, "") || "/";
  const parts = path
    .split("/")
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));

  if (method === "POST" && path === "/chat/completions") return chatCompletions(state, request);
  if (method === "GET" && path === "/models") return json(200, { object: "list", data: [...state.models.values()].map(modelObject) });
  if (method === "GET" && parts[0] === "models" && parts.length >= 2) return modelRoute(state, parts.slice(1).join("/"));
  if (method === "POST" && path === "/files") return uploadFile(state, request);
  if (method === "GET" && parts[0] === "files" && parts.length === 2) {
    const file = getSimFile(state.db, parts[1]!);
    return file ? json(200, fileObject(file)) : openAiError(404, `No such file: ${parts[1]}`, "invalid_request_error");
  }
  if (method === "POST" && path === "/fine_tuning/jobs") return createJob(state, request);
  if (method === "GET" && path === "/fine_tuning/jobs")
    return json(200, { object: "list", data: listSimJobs(state.db, 100).map((job) => jobObject(state, job)), has_more: false });
  if (parts[0] === "fine_tuning" && parts[1] === "jobs" && parts.length >= 3) {
    const answer = jobRoute(state, method, parts);
    if (answer) return answer;
  }
  if (method === "GET" && path === "/simjudge/stats") return json(200, { ...state.stats, queued: state.slots?.queued ?? 0 });
  if (method === "POST" && path === "/simjudge/stats/reset") {
    state.stats = freshStats();
    return json(200, state.stats);
  }
  if (method === "PUT" && parts[0] === "simjudge" && parts[1] === "models" && parts.at(-1) === "faults" && parts.length >= 4)
    return setModelFaults(state, parts.slice(2, -1).join("/"), request);
  return openAiError(404, `SimJudge has no route ${method} ${path}`, "invalid_request_error", "unknown_url");
}
