/**
 * Starting a run: validate the config (zod), resolve the backends and datasets it names, check
 * they fit their roles (an instruction pool, labelled pair sets), and write the run with its
 * immutable config snapshot, queued for a runner. Errors name the config field.
 */
import type { Db } from "@/lib/db/client";
import { findBackendByName } from "@/lib/db/queries/backends";
import { findDatasetByName } from "@/lib/db/queries/datasets";
import { createRun, getRunById } from "@/lib/db/queries/runs";
import type { RunRow, RunStatus } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { runConfigSchema, type RunConfig } from "@/lib/pipeline/run-config";
import { fieldErrorsOf, describeIssues } from "@/lib/validation";

export function parseRunConfig(input: unknown): RunConfig {
  const parsed = runConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("bad_request:run", `The run config is not valid: ${describeIssues(parsed.error)}`, {
      fieldErrors: fieldErrorsOf(parsed.error),
    });
  }
  return parsed.data;
}

function datasetOfKind(db: Db, name: string, kind: "instructions" | "pairs", field: string): number {
  const found = findDatasetByName(db, name);
  if (!found || found.status !== "ready")
    throw new AppError("bad_request:run", `${field}: there is no dataset named "${name}"`, {
      fieldErrors: { [field]: `No dataset named "${name}"` },
    });
  if (found.kind !== kind) {
    const expected = kind === "instructions" ? "an instruction pool" : "a labelled pair set";
    throw new AppError("bad_request:run", `${field}: "${name}" is not ${expected}`, {
      fieldErrors: { [field]: `"${name}" is not ${expected}` },
    });
  }
  return found.id;
}

function backendId(db: Db, name: string, field: string): number {
  const backend = findBackendByName(db, name);
  if (!backend)
    throw new AppError("bad_request:run", `${field}: there is no backend named "${name}"`, {
      fieldErrors: { [field]: `No backend named "${name}"` },
    });
  return backend.id;
}

export function launchRun(db: Db, input: unknown, options: { clonedFromRunId?: number | null; status?: RunStatus } = {}): RunRow {
  const config = parseRunConfig(input);
  const generator = backendId(db, config.generator.backend, "generator.backend");
  const judge = backendId(db, config.judge.backend, "judge.backend");
  const trainer = config.training.baseModel ? backendId(db, config.training.baseModel.backend, "training.baseModel.backend") : null;
  const pool = datasetOfKind(db, config.instructions.dataset, "instructions", "instructions.dataset");
  const evalSets = config.evaluation.datasets.map((name, i) => datasetOfKind(db, name, "pairs", `evaluation.datasets.${i}`));
  if (options.clonedFromRunId && !getRunById(db, options.clonedFromRunId))
    throw new AppError("not_found:run", `Run #${options.clonedFromRunId} does not exist`);
  return createRun(db, {
    name: config.name,
    config,
    seed: config.seed,
    clonedFromRunId: options.clonedFromRunId ?? null,
    backends: [
      { backendId: generator, role: "generator" },
      { backendId: judge, role: "judge" },
      ...(trainer === null ? [] : [{ backendId: trainer, role: "trainer" as const }]),
    ],
    datasets: [{ datasetId: pool, role: "instructions" }, ...evalSets.map((datasetId) => ({ datasetId, role: "eval" as const }))],
    judge: { backendId: judge, model: config.judge.model },
    status: options.status,
  });
}
