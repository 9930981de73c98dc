/**
 * Run control from a shell, on the app's database:
 *   run <config.json> | run --preset demo [--eval NAME ...] [--name N] [--seed S] [--iterations K]
 *   resume <run>, pause <run>, cancel <run>, runs [--json], status <run> [--json], export <run> [--out DIR]
 * `run` and `resume` drive the run in this process until it ends or pauses, with progress on
 * stderr; the run id is the last line of stdout. Exit codes: 0 completed (or paused/canceled as
 * asked), 3 paused by the runner (see the reason), 1 failed.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureBuiltinSimJudgeBackend } from "@/lib/backends/builtin";
import type { Db } from "@/lib/db/client";
import { countRuns, getRunById, getRunConfig, listRuns } from "@/lib/db/queries/runs";
import { iterationSummaries, pairCounts, tokensByStage } from "@/lib/db/queries/run-summary";
import { pooledRewardBench } from "@/lib/metrics/rewardbench-scores";
import { ensureDemoDatasets } from "@/lib/demo/seed-demo-datasets";
import { AppError } from "@/lib/errors";
import { formatCount, formatDuration } from "@/lib/format/numbers";
import { demoPreset } from "@/lib/pipeline/run-presets";
import { cancelRun, pauseRun, resumeRun } from "@/lib/runner/control";
import { driveWithLease, leaseTtlMs } from "@/lib/runner/lease";
import type { ProgressSnapshot } from "@/lib/runner/progress";
import { launchRun } from "@/lib/runner/launch";
import { buildTrainingFile } from "@/lib/trainers/training-file";
import { CliError, progressReporter, table, UsageError, type Io } from "../output";
import { simJudgeOverrides } from "../sim-for-cli";

function runIdArg(value: string | undefined): number {
  if (!value || !/^\d+$/.test(value)) throw new UsageError(`Give a run id (a number), e.g. 3`);
  return Number(value);
}

function appErrorToCli(error: unknown): never {
  if (error instanceof AppError)
    throw new CliError(
      error.message,
      error.kind === "bad_request" ? 2 : 1,
      Object.entries(error.fieldErrors ?? {}).map(([f, m]) => `${f}: ${m}`),
    );
  throw error;
}

/** Drive a run here, waiting for another process's lease to expire if it died. */
async function drive(db: Db, runId: number, io: Io): Promise<number> {
  const sim = await simJudgeOverrides(db, runId);
  const progress = progressReporter(io, io.stderrIsTty ? 250 : 5000);
  const ticker = setInterval(() => {
    const run = getRunById(db, runId);
    const p = run?.progress as ProgressSnapshot | null;
    if (p?.stage) {
      const eta = p.etaSeconds !== null ? `, ETA ${formatDuration(p.etaSeconds * 1000)}` : "";
      const errors = Object.values(p.errors).reduce((sum, e) => sum + e.count, 0);
      progress.update(
        `Run #${runId} ${p.label}: ${formatCount(p.done)}/${formatCount(p.total)} (${p.ratePerSecond}/s${eta})${errors ? `, ${errors} errors` : ""}`,
      );
    }
  }, 500);
  try {
    const deadline = Date.now() + leaseTtlMs() + 2000;
    for (;;) {
      const status = await driveWithLease(db, runId, { baseUrlOverrides: sim.overrides }).status;
      if (status !== "not_acquired") break;
      if (Date.now() > deadline) throw new CliError(`Run #${runId} is being driven by another process (its lease is live)`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    clearInterval(ticker);
    progress.done();
    await sim.close();
  }
  const run = getRunById(db, runId)!;
  const elapsed = run.startedAt ? ` in ${formatDuration((run.finishedAt ?? Date.now()) - run.startedAt)}` : "";
  io.stderr(`Run #${runId} ${run.status}${elapsed}${run.statusReason ? `: ${run.statusReason}` : ""}\n`);
  io.stdout(`${runId}\n`);
  return run.status === "completed" || run.status === "canceled" ? 0 : run.status === "paused" ? 3 : 1;
}

export async function runCommand(db: Db, args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      preset: { type: "string" },
      eval: { type: "string", multiple: true },
      name: { type: "string" },
      seed: { type: "string" },
      iterations: { type: "string" },
    },
  });
  ensureBuiltinSimJudgeBackend(db);
  await ensureDemoDatasets(db);
  let config: Record<string, unknown>;
  if (values.preset) {
    if (values.preset !== "demo") throw new UsageError(`Unknown preset "${values.preset}" (presets: demo)`);
    if (positionals.length > 0) throw new UsageError("Give either a config file or --preset, not both");
    config = demoPreset({ evalDatasets: values.eval }) as Record<string, unknown>;
  } else {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError("run takes one config file (JSON), or --preset demo");
    if (!fs.existsSync(file)) throw new CliError(`${file}: no such file`);
    try {
      config = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    if (values.eval)
      config = {
        ...config,
        evaluation: {
          ...(config.evaluation as object),
          datasets: [...((config.evaluation as { datasets?: string[] })?.datasets ?? []), ...values.eval],
        },
      };
  }
  if (values.name) config.name = values.name;
  if (values.seed !== undefined) config.seed = Number(values.seed);
  if (values.iterations !== undefined) config.iterations = Number(values.iterations);
  let runId: number;
  try {
    runId = launchRun(db, config).id;
  } catch (error) {
    appErrorToCli(error);
  }
  io.stderr(`Run #${runId} "${String(config.name)}" started\n`);
  return drive(db, runId, io);
}

export async function resumeCommand(db: Db, args: string[], io: Io): Promise<number> {
  const runId = runIdArg(args[0]);
  const run = getRunById(db, runId);
  if (!run) throw new CliError(`Run #${runId} does not exist`);
  if (run.status === "paused" || run.status === "failed") {
    try {
      resumeRun(db, runId);
    } catch (error) {
      appErrorToCli(error);
    }
  } else if (run.status !== "running" && run.status !== "queued") {
    throw new CliError(`Run #${runId} is ${run.status}; only a paused, failed or interrupted run can be resumed`);
  }
  return drive(db, runId, io);
}

export function controlCommand(db: Db, action: "pause" | "cancel", args: string[], io: Io): number {
  const runId = runIdArg(args[0]);
  try {
    (action === "pause" ? pauseRun : cancelRun)(db, runId);
  } catch (error) {
    appErrorToCli(error);
  }
  io.stdout(`Run #${runId} ${action === "pause" ? "paused" : "canceled"}\n`);
  return 0;
}

export function runsCommand(db: Db, args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { json: { type: "boolean", default: false } } });
  const rows = listRuns(db, { limit: 1000, offset: 0 });
  if (values.json) {
    io.stdout(
      `${JSON.stringify(
        rows.map((r) => ({
          id: r.id,
          name: r.name,
          status: r.status,
          iteration: r.currentIteration,
          stage: r.currentStage,
          reason: r.statusReason,
          createdAt: r.createdAt,
          finishedAt: r.finishedAt,
        })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  if (rows.length === 0) {
    io.stdout("No runs yet. Start one with: npm run judge-lab -- run --preset demo\n");
    return 0;
  }
  io.stdout(
    `${table(
      ["ID", "NAME", "STATUS", "ITERATION", "STAGE"],
      rows.map((r) => [r.id, r.name, r.status, r.currentIteration ?? "—", r.currentStage ?? "—"]),
      [true],
    )}\n`,
  );
  if (countRuns(db) > rows.length) io.stdout(`(showing the newest ${rows.length})\n`);
  return 0;
}

export function statusReport(db: Db, runId: number) {
  const run = getRunById(db, runId);
  if (!run) throw new CliError(`Run #${runId} does not exist`);
  const iterations = iterationSummaries(db, runId);
  return {
    id: run.id,
    name: run.name,
    status: run.status,
    reason: run.statusReason,
    iteration: run.currentIteration,
    stage: run.currentStage,
    progress: run.progress,
    pairs: pairCounts(db, runId),
    tokens: tokensByStage(db, runId),
    iterations: iterations.map((it) => {
      const pooled = pooledRewardBench(it.evals);
      return {
        index: it.iteration.index,
        judge: it.iteration.judgeModel,
        status: it.iteration.status,
        judgments: it.judgments,
        filter: it.iteration.stats ?? null,
        training: it.trainingJob,
        rewardBench: {
          overall: pooled.overall,
          sections: Object.fromEntries(pooled.sections.map((s) => [s.section, s.score])),
          partial: pooled.overallPartial,
        },
        evals: it.evals.map((set) => ({
          dataset: set.datasetName,
          overall: set.rewardBench.overall,
          sections: Object.fromEntries(set.rewardBench.sections.map((s) => [s.section, s.score])),
          subsets: Object.fromEntries(set.subsets.map((s) => [s.subset, { accuracy: s.accuracy, items: s.items }])),
          accuracy: set.metrics.accuracy,
          positionConsistency: set.metrics.positionBias.positionConsistency,
          aPositionRate: set.metrics.aPositionRate,
          lengthBias: set.metrics.lengthBias,
          orderKappa: set.metrics.orderKappa.kappa,
          kappaWithPrevious: set.kappaWithPrevious,
          rates: set.metrics.rates,
        })),
      };
    }),
  };
}

const pct = (value: number | null | undefined) => (value === null || value === undefined ? "—" : `${(value * 100).toFixed(1)}`);

export function statusCommand(db: Db, args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean", default: false } } });
  const report = statusReport(db, runIdArg(positionals[0]));
  if (values.json) {
    io.stdout(`${JSON.stringify(report)}\n`);
    return 0;
  }
  io.stdout(`Run #${report.id} "${report.name}": ${report.status}${report.reason ? ` (${report.reason})` : ""}\n`);
  io.stdout(
    `Pairs: ${report.pairs.ok} kept, ${report.pairs.dropped} dropped${
      Object.keys(report.pairs.byReason).length
        ? ` (${Object.entries(report.pairs.byReason)
            .map(([r, n]) => `${r} ${n}`)
            .join(", ")})`
        : ""
    }\n\n`,
  );
  io.stdout(
    `${table(
      ["ITER", "JUDGE", "JUDGMENTS", "CORRECT", "KEPT", "REWARDBENCH", "CHAT", "CHAT HARD", "SAFETY", "REASONING"],
      report.iterations.map((it) => [
        it.index,
        it.judge,
        it.judgments.judgments,
        it.judgments.correct,
        it.judgments.kept,
        pct(it.rewardBench.overall),
        pct(it.rewardBench.sections.Chat),
        pct(it.rewardBench.sections["Chat Hard"]),
        pct(it.rewardBench.sections.Safety),
        pct(it.rewardBench.sections.Reasoning),
      ]),
      [true, false, true, true, true, true, true, true, true, true],
    )}\n`,
  );
  for (const it of report.iterations) {
    for (const set of it.evals) {
      io.stdout(
        `  iteration ${it.index}, ${set.dataset}: accuracy ${pct(set.accuracy?.accuracy)}% [${pct(set.accuracy?.low)}, ${pct(set.accuracy?.high)}], A-rate ${pct(set.aPositionRate)}%\n`,
      );
    }
  }
  return 0;
}

export function exportCommand(db: Db, args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: "string" } } });
  const runId = runIdArg(positionals[0]);
  const run = getRunById(db, runId);
  if (!run) throw new CliError(`Run #${runId} does not exist`);
  const out = path.resolve(values.out ?? `run-${runId}-export`);
  fs.mkdirSync(out, { recursive: true });
  const config = getRunConfig(db, runId);
  fs.writeFileSync(path.join(out, "config.json"), `${JSON.stringify(run.config, null, 2)}\n`);
  fs.writeFileSync(path.join(out, "status.json"), `${JSON.stringify(statusReport(db, runId), null, 2)}\n`);
  const written = ["config.json", "status.json"];
  for (const it of iterationSummaries(db, runId)) {
    if (it.judgments.kept === 0) continue;
    for (const method of ["sft", "dpo"] as const) {
      const file = buildTrainingFile(db, it.iteration.id, { judgeTemplate: config.prompts.judge, method, format: "trl" });
      if (file.lines === 0) continue;
      const name = `iteration-${it.iteration.index}.${method}.jsonl`;
      fs.writeFileSync(path.join(out, name), file.content);
      written.push(`${name} (${file.lines} examples)`);
    }
  }
  io.stdout(`Exported run #${runId} to ${out}:\n${written.map((w) => `  ${w}`).join("\n")}\n`);
  return 0;
}
