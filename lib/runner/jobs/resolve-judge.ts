/**
 * Turns a judge reference into the judge a job (or an API call) will ask: the backend and model,
 * the judge prompt, the in-context demonstrations and the verdict rule. A run's iteration brings
 * its run's judge prompt and evaluation verdict rule; it must exist (a run canceled before it
 * trained judge k has no judge k). "sim" names the built-in SimJudge backend. Refusals name the
 * field to fix.
 */
import type { Queryable } from "@/lib/db/client";
import { findBackendByName, getBackendById, listBackends } from "@/lib/db/queries/backends";
import { getIteration, listIterations } from "@/lib/db/queries/run-work";
import { findRunConfig, getRunById } from "@/lib/db/queries/runs";
import type { BackendRow, ResolvedJudge } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { JudgeRef } from "@/lib/pipeline/jobs/judge-ref";
import type { VerdictRule } from "@/lib/pipeline/parse-verdict";
import { iterationDemonstrations } from "../judging-engine";

/** A backend by its name; "sim" or "simjudge" (any case) also name the built-in SimJudge, unless a backend is really called that. */
export function judgeBackendByName(db: Queryable, name: string): BackendRow | undefined {
  const named = findBackendByName(db, name);
  if (named || !["sim", "simjudge"].includes(name.toLowerCase())) return named;
  return listBackends(db).find((b) => b.builtin && b.preset === "simjudge");
}

function refuse(field: string, message: string): never {
  throw new AppError("bad_request:job", `${field}: ${message}`, { fieldErrors: { [field]: message } });
}

export function resolveJudge(db: Queryable, ref: JudgeRef, verdictRule: VerdictRule | null, prefix = "judge"): ResolvedJudge {
  if (ref.kind === "model") {
    const backend = judgeBackendByName(db, ref.backend);
    if (!backend) refuse(`${prefix}.backend`, `There is no backend named "${ref.backend}"`);
    return {
      label: `${ref.model} on ${backend.name}`,
      backendId: backend.id,
      model: ref.model,
      template: ref.prompt,
      demonstrations: [],
      verdictRule: verdictRule ?? "ram",
      run: null,
    };
  }
  const run = getRunById(db, ref.runId);
  if (!run) refuse(`${prefix}.runId`, `There is no run #${ref.runId}`);
  const config = findRunConfig(db, ref.runId);
  if (!config) refuse(`${prefix}.runId`, `Run #${ref.runId}'s stored config can no longer be read`);
  const iteration = getIteration(db, ref.runId, ref.iteration);
  if (!iteration || iteration.judgeBackendId === null) {
    const judges = listIterations(db, ref.runId).map((i) => i.index);
    const has = judges.length === 0 ? "it has no judge yet" : `its judges are iterations ${judges.join(", ")}`;
    const why =
      run.status === "canceled" || run.status === "failed"
        ? `run #${run.id} was ${run.status} before it trained judge ${ref.iteration}`
        : `run #${run.id} has not trained judge ${ref.iteration} (yet)`;
    refuse(`${prefix}.iteration`, `There is no iteration ${ref.iteration} judge: ${why}; ${has}`);
  }
  if (!getBackendById(db, iteration.judgeBackendId)) refuse(`${prefix}.runId`, `Run #${run.id}'s judge backend no longer exists`);
  return {
    label: `Run #${run.id} ${run.name}, iteration ${iteration.index} (${iteration.judgeModel})`,
    backendId: iteration.judgeBackendId,
    model: iteration.judgeModel,
    template: config.prompts.judge,
    demonstrations: iterationDemonstrations(db, config.prompts.judge, iteration),
    verdictRule: verdictRule ?? config.evaluation.verdictRule,
    run: { id: run.id, name: run.name, iteration: iteration.index },
  };
}
