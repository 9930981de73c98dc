/**
 * SimJudge: the built-in stand-in model, speaking the OpenAI protocol (see docs/architecture.md,
 * "SimJudge"). This module makes the server's core, independent of any HTTP framework: `handle()`
 * takes a request (method, path below /v1, headers, body) and returns what to answer. Adapters
 * mount it in the app (app/api/sim/v1) and as a standalone server (node-server.ts). The handlers
 * live in http/: routes, chat completions, files, fine-tuning, the protocol helpers and the state.
 *
 * Routes: GET /models[/{id}], POST /chat/completions, POST /files, GET /files/{id},
 * POST/GET /fine_tuning/jobs[/{id}], POST /fine_tuning/jobs/{id}/cancel, and for tests
 * GET /simjudge/stats, POST /simjudge/stats/reset, PUT /simjudge/models/{id}/faults.
 */
import { listUnfinishedSimJobs } from "@/lib/db/queries/simjudge";
import { runJob } from "./http/fine-tuning";
import { openAiError } from "./http/protocol";
import { route } from "./http/routes";
import { createState, loadModels, schedule } from "./http/state";
import type { SimJudgeOptions, SimRequest, SimResponse } from "./http/types";

export { estimateTokens } from "./http/protocol";
export { BASE_MODEL_ID, type SimJudgeOptions, type SimRequest, type SimResponse, type SimStats } from "./http/types";

export type SimJudge = ReturnType<typeof createSimJudge>;

export function createSimJudge(options: SimJudgeOptions) {
  const state = createState(options);
  loadModels(state);
  // Pick up the jobs a previous process left unfinished.
  for (const job of listUnfinishedSimJobs(state.db)) schedule(state, 10, () => runJob(state, job.id));

  return {
    async handle(request: SimRequest): Promise<SimResponse> {
      state.stats.requests++;
      try {
        return await route(state, request);
      } catch (error) {
        state.log?.(`SimJudge error on ${request.method} ${request.path}: ${error instanceof Error ? error.stack : String(error)}`);
        return openAiError(500, "SimJudge failed while handling the request (see its log)", "server_error");
      }
    },
    stats: () => ({ ...state.stats, queued: state.slots?.queued ?? 0 }),
    /** Re-read models from the database (another process may have trained one). */
    reloadModels: () => loadModels(state),
    close() {
      state.closed = true;
      for (const timer of state.timers) clearTimeout(timer);
      state.timers.clear();
    },
  };
}
