/**
 * `judge-lab judge <file> [--versus <file2>] --judge <ref> [--judge <ref> ...] [options]`: judge a
 * file of responses (pairwise or best-of-n, labelled or not), or two systems' outputs for the same
 * prompts joined into pairs, with one judge job per judge, driven here until it ends (progress on
 * stderr), then the results per judge and, with several judges, how often they agree.
 * `judge-lab judge-jobs [--json]` lists judge jobs.
 * The data is imported as a responses dataset (identical content already imported is reused).
 * Exit codes: 0 every job completed, 3 a job paused (the reason is printed), 1 a job failed or was
 * canceled (or the data was refused), 2 bad usage (a bad judge reference or setting).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureBuiltinSimJudgeBackend } from "@/lib/backends/builtin";
import { formatProblem, ImportFailure, type ImportRequest } from "@/lib/datasets/import-dataset";
import { importOrReuse } from "@/lib/datasets/import-or-reuse";
import { parseMapArgument, type MappingField } from "@/lib/datasets/mapping";
import { describeSourceFile, SourceError } from "@/lib/datasets/source-file";
import { nameFromFile } from "@/lib/datasets/staging";
import { joinTwoSystems, type JoinedSystems, type SystemColumns } from "@/lib/datasets/two-systems";
import type { Db } from "@/lib/db/client";
import { getDatasetById } from "@/lib/db/queries/datasets";
import { getJudgeJob, listJudgeJobs } from "@/lib/db/queries/judge-jobs";
import { AppError } from "@/lib/errors";
import { formatCount, formatDuration } from "@/lib/format/numbers";
import { compareJudgeJobs, type JobComparison } from "@/lib/judge-jobs/compare-view";
import { judgeJobView, type JudgeJobView } from "@/lib/judge-jobs/job-view";
import { parseJudgeJobConfig, launchJudgeJob } from "@/lib/runner/jobs/launch-job";
import { driveJobWithLease } from "@/lib/runner/jobs/drive-job";
import { judgeBackendByName, resolveJudge } from "@/lib/runner/jobs/resolve-judge";
import type { ProgressSnapshot } from "@/lib/runner/progress";
import { RANKINGS, type JudgeJobConfig, type JudgeJobConfigInput } from "@/lib/pipeline/jobs/job-config";
import { JUDGE_REF_HELP, parseJudgeRef, type JudgeRefInput } from "@/lib/pipeline/jobs/judge-ref";
import { VERDICT_RULES } from "@/lib/pipeline/parse-verdict";
import { CliError, progressReporter, table, UsageError, type Io } from "../output";
import { simJudgeForBackends } from "../sim-for-cli";

export const JUDGE_USAGE = `judge-lab judge <file> [--versus <file2>] --judge <ref> [--judge <ref> ...] [options]
  <file>                         responses to judge: a prompt and two responses (pairwise) or a list of
                                 responses (best-of-n), with an optional label; JSONL, JSON, CSV or parquet
  --versus FILE                  <file> and FILE hold two systems' outputs for the same prompts (rows like
                                 {instruction, output, generator} or {id, prompt, response}); <file> is A
  --judge REF                    run:<run id>:<iteration> or model:<backend>:<model>; repeat to compare judges
                                 ("sim" is the built-in SimJudge backend: model:sim:simjudge-base)
  --samples N                    samples per comparison and order, majority vote (N > 1 needs --temperature)
  --temperature T                sampling temperature (default 0)
  --one-order                    judge each comparison in one seeded order (default: both orders)
  --ranking knockout|round-robin how best-of-n responses are ranked (default: knockout)
  --criteria TEXT                extra criteria appended to the judge prompt
  --rule ram|rewardbench|lenient how verdicts are read (default: the run's rule; ram for a model)
  --map field=column,...         columns: prompt, responseA, responseB, responses, label, id, category; with
                                 --versus: prompt, id, category, responseA/responseB (A's/B's output column)
  --name NAME                    dataset name (default: the file name, or "<system A> vs <system B>")
  --name-a NAME --name-b NAME    with --versus: the systems' names (default: their generator, or file names)
  --max-items N                  judge a seeded sample of N items
  --json                         print one JSON object instead of the summary
Exit codes: 0 every job completed, 3 a job paused, 1 a job failed or the data was refused, 2 bad usage.`;

type JudgeSettings = Pick<
  JudgeJobConfigInput,
  "bothOrders" | "samples" | "temperature" | "ranking" | "criteria" | "verdictRule" | "maxItems"
>;

type JudgeOptions = {
  file: string;
  versus: string | null;
  refs: { text: string; ref: JudgeRefInput }[];
  settings: JudgeSettings;
  mapping?: Partial<Record<MappingField, string>>;
  name?: string;
  nameA?: string;
  nameB?: string;
  json: boolean;
};

function numberOption(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || (integer && !Number.isInteger(n)))
    throw new UsageError(`${flag} must be ${integer ? "a whole number" : "a number"} (got "${value}")`);
  return n;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value !== undefined && !allowed.includes(value as T))
    throw new UsageError(`${flag} must be ${allowed.join(" or ")} (got "${value}")`);
  return value as T | undefined;
}

const VERSUS_MAP_FIELDS = ["prompt", "id", "category", "responseA", "responseB"];

export function parseJudgeArgs(args: string[]): JudgeOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      versus: { type: "string" },
      judge: { type: "string", multiple: true },
      samples: { type: "string" },
      temperature: { type: "string" },
      "one-order": { type: "boolean", default: false },
      ranking: { type: "string" },
      criteria: { type: "string" },
      rule: { type: "string" },
      map: { type: "string" },
      name: { type: "string" },
      "name-a": { type: "string" },
      "name-b": { type: "string" },
      "max-items": { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length !== 1)
    throw new UsageError(`judge takes one file of responses (and --versus for a second system's)\n\n${JUDGE_USAGE}`);
  if (!values.judge?.length) throw new UsageError(`Give at least one --judge: ${JUDGE_REF_HELP}`);
  const refs = values.judge.map((text) => {
    const ref = parseJudgeRef(text);
    if (!ref) throw new UsageError(`--judge "${text}" is not a judge: ${JUDGE_REF_HELP}, e.g. run:3:2 or model:sim:simjudge-base`);
    return { text, ref };
  });
  let mapping: Partial<Record<MappingField, string>> | undefined;
  try {
    mapping = values.map ? parseMapArgument(values.map) : undefined;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const versus = values.versus ?? null;
  if (versus && mapping) {
    const other = Object.keys(mapping).filter((field) => !VERSUS_MAP_FIELDS.includes(field));
    if (other.length > 0) throw new UsageError(`--map with --versus takes ${VERSUS_MAP_FIELDS.join(", ")} (not ${other.join(", ")})`);
  }
  if (!versus && (values["name-a"] || values["name-b"])) throw new UsageError("--name-a and --name-b name the two systems of --versus");
  return {
    file: positionals[0]!,
    versus,
    refs,
    settings: {
      bothOrders: !values["one-order"],
      samples: numberOption("--samples", values.samples, true),
      temperature: numberOption("--temperature", values.temperature, false),
      ranking: oneOf("--ranking", values.ranking, RANKINGS),
      criteria: values.criteria,
      verdictRule: oneOf("--rule", values.rule, VERDICT_RULES) ?? null,
      maxItems: numberOption("--max-items", values["max-items"], true) ?? null,
    },
    mapping,
    name: values.name,
    nameA: values["name-a"],
    nameB: values["name-b"],
    json: values.json,
  };
}

/** An AppError's field errors as lines, leaving out those its message already says. */
function appErrorLines(error: AppError, message = error.message): string[] {
  return Object.entries(error.fieldErrors ?? {})
    .map(([field, text]) => `${field}: ${text}`)
    .filter((line) => !message.includes(line));
}

/** The backend under its real name ("model:sim:<model>" names the built-in SimJudge), so the job stores it. */
function withSimAlias(db: Db, ref: JudgeRefInput): JudgeRefInput {
  if (ref.kind !== "model") return ref;
  const backend = judgeBackendByName(db, ref.backend);
  return backend ? { ...ref, backend: backend.name } : ref;
}

/** Every judge resolved and every setting checked before anything is imported or launched. */
function checkJudges(db: Db, options: JudgeOptions): { text: string; ref: JudgeRefInput }[] {
  return options.refs.map(({ text, ref }) => {
    const resolvedRef = withSimAlias(db, ref);
    let config: JudgeJobConfig;
    try {
      config = parseJudgeJobConfig({ name: "check", judge: resolvedRef, dataset: "check", ...options.settings });
    } catch (error) {
      if (error instanceof AppError) throw new CliError(error.message, 2, appErrorLines(error));
      throw error;
    }
    try {
      resolveJudge(db, config.judge, config.verdictRule);
    } catch (error) {
      if (error instanceof AppError)
        throw new CliError(`--judge ${text}: ${error.message}`, error.kind === "bad_request" ? 2 : 1, appErrorLines(error));
      throw error;
    }
    return { text, ref: resolvedRef };
  });
}

type JudgedData = {
  id: number;
  name: string;
  rows: number;
  reused: boolean;
  responseNames: string[] | null;
  joined: Omit<JoinedSystems, "path" | "dir"> | null;
};

/** Import the data as responses to judge (or reuse the same content imported before), as the data a job judges. */
async function importResponses(db: Db, request: Omit<ImportRequest, "name">, baseName: string): Promise<Omit<JudgedData, "joined">> {
  const { dataset, reused } = await importOrReuse(db, { ...request, kind: "responses" }, baseName || "responses");
  return { id: dataset.id, name: dataset.name, rows: dataset.rowCount, reused, responseNames: dataset.responseNames ?? null };
}

function importFailureToCli(error: ImportFailure): CliError {
  const more =
    error.totalProblems > error.problems.length ? [`… and ${formatCount(error.totalProblems - error.problems.length)} more`] : [];
  return new CliError(error.message, 1, [...error.problems.map(formatProblem), ...appErrorLines(error), ...more]);
}

function versusColumns(mapping: JudgeOptions["mapping"]): { columns: SystemColumns; columnsA: SystemColumns; columnsB: SystemColumns } {
  const { prompt, id, category, responseA, responseB } = mapping ?? {};
  return {
    columns: { prompt, id, category },
    columnsA: responseA ? { output: responseA } : {},
    columnsB: responseB ? { output: responseB } : {},
  };
}

/** The data to judge as a responses dataset: the file itself, or the two systems' files joined. */
async function importForJudging(db: Db, options: JudgeOptions, io: Io): Promise<JudgedData> {
  const progress = progressReporter(io);
  let joined: JoinedSystems | null = null;
  try {
    const fileA = path.resolve(options.file);
    let request: Omit<ImportRequest, "name">;
    let defaultName: string;
    if (options.versus) {
      const fileB = path.resolve(options.versus);
      joined = await joinTwoSystems({ fileA, fileB, nameA: options.nameA, nameB: options.nameB, ...versusColumns(options.mapping) });
      io.stderr(
        `Joined ${formatCount(joined.rows)} prompts by ${joined.joinedBy}: A = ${joined.responseNames[0]}, B = ${joined.responseNames[1]}\n`,
      );
      const files = [await describeSourceFile(joined.path, `${joined.source} (joined)`)];
      request = {
        files,
        source: `${fileA} vs ${fileB}`,
        responseNames: joined.responseNames,
        description: `Two systems compared: ${joined.source}`,
      };
      defaultName = joined.suggestedName;
    } else {
      request = { files: [await describeSourceFile(fileA, path.basename(fileA))], source: fileA, mapping: options.mapping };
      defaultName = nameFromFile(fileA);
    }
    request.onProgress = (p) => progress.update(`${p.phase === "checking" ? "Checking" : "Storing"}: ${formatCount(p.rows)} rows`);
    const data = await importResponses(db, request, options.name ?? defaultName);
    progress.done();
    io.stderr(
      data.reused
        ? `Using "${data.name}" (#${data.id}, ${formatCount(data.rows)} rows): the same content was imported before\n`
        : `Imported ${formatCount(data.rows)} rows into "${data.name}" (#${data.id})\n`,
    );
    if (data.reused && joined && JSON.stringify(data.responseNames) !== JSON.stringify(joined.responseNames))
      io.stderr(
        `Note: that dataset names the systems ${data.responseNames?.join(" and ") ?? "response_a and response_b"}, as they were named when it was imported\n`,
      );
    return {
      ...data,
      joined: joined && {
        responseNames: joined.responseNames,
        rows: joined.rows,
        joinedBy: joined.joinedBy,
        source: joined.source,
        suggestedName: joined.suggestedName,
      },
    };
  } catch (error) {
    progress.done();
    if (error instanceof ImportFailure) throw importFailureToCli(error);
    if (error instanceof SourceError) throw new CliError(error.message);
    throw error;
  } finally {
    if (joined) fs.rmSync(joined.dir, { recursive: true, force: true });
  }
}

/** Drive a job here until it ends; when another process holds its lease, wait for that one (or for its lease to expire). */
async function driveJob(db: Db, jobId: number, io: Io, overrides: Map<number, string[]>): Promise<string> {
  const progress = progressReporter(io, io.stderrIsTty ? 250 : 5000);
  const ticker = setInterval(() => {
    const p = getJudgeJob(db, jobId)?.progress as ProgressSnapshot | null;
    if (!p?.stage) return;
    const eta = p.etaSeconds !== null ? `, ETA ${formatDuration(p.etaSeconds * 1000)}` : "";
    const errors = Object.values(p.errors).reduce((sum, e) => sum + e.count, 0);
    progress.update(
      `Judge job #${jobId} ${p.label}: ${formatCount(p.done)}/${formatCount(p.total)} judgments (${p.ratePerSecond}/s${eta})${errors ? `, ${errors} errors` : ""}`,
    );
  }, 500);
  try {
    for (;;) {
      const status = await driveJobWithLease(db, jobId, { baseUrlOverrides: overrides }).status;
      if (status !== "not_acquired") break;
      const now = getJudgeJob(db, jobId)?.status;
      if (now !== "queued" && now !== "running") break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    clearInterval(ticker);
    progress.done();
  }
  const job = getJudgeJob(db, jobId)!;
  const elapsed = job.startedAt ? ` in ${formatDuration((job.finishedAt ?? Date.now()) - job.startedAt)}` : "";
  io.stderr(`Judge job #${jobId} ${job.status}${elapsed}${job.statusReason ? `: ${job.statusReason}` : ""}\n`);
  return job.status;
}

/** What the command reports for one job (also its --json form). */
function jobReport(view: JudgeJobView, ref: string) {
  return {
    id: view.job.id,
    name: view.job.name,
    status: view.job.status,
    reason: view.job.statusReason,
    judge: { ref, label: view.job.judge.label, model: view.job.judge.model, verdictRule: view.job.judge.verdictRule },
    items: view.job.itemCount,
    done: view.done,
    judgments: view.judgments,
    pairwise: view.pairwise,
    bothOrders: view.job.config.bothOrders,
    responses: view.job.maxResponses,
    responseNames: view.dataset.responseNames,
    winRate: view.winRate,
    bestCounts: view.bestCounts,
    agreement: view.agreement,
    bestOfNAccuracy: view.bestOfNAccuracy,
    consistency: view.consistency,
    coinFlips: view.coinFlips,
    categories: view.categories,
    tokens: view.tokens,
  };
}

type JobReport = ReturnType<typeof jobReport>;

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const interval = (r: { rate: number; low: number; high: number }) =>
  `${pct(r.rate)} [${(r.low * 100).toFixed(1)}, ${(r.high * 100).toFixed(1)}]`;

function summaryLines(report: JobReport): string[] {
  const lines = [`Judge job #${report.id} (${report.status}${report.reason ? `: ${report.reason}` : ""}): ${report.judge.label}`];
  const names = report.responseNames;
  lines.push(
    `  ${formatCount(report.done)} of ${formatCount(report.items)} items judged, ${report.pairwise ? "pairwise" : `best of ${report.responses}`}${names?.length === 2 ? ` (A = ${names[0]}, B = ${names[1]})` : ""}`,
  );
  if (report.winRate) {
    const { a, b, tie, unparsed } = report.winRate.counts;
    lines.push(`  A wins ${a}, B wins ${b}, ties ${tie}, unparsed ${unparsed}`);
    const w = report.winRate.winRateA;
    lines.push(
      w
        ? `  A's win rate ${interval(w)} of ${w.decided} decided (ties as half: ${pct(report.winRate.winRateWithTiesAsHalf!)})`
        : "  A's win rate: — (no item was decided)",
    );
  } else if (report.bestCounts.length > 0) {
    lines.push(`  Ranked best: ${report.bestCounts.map((c) => `${c.response} ${c.n}`).join(", ")}`);
  }
  const agreement = report.agreement;
  if (agreement) {
    const parts = [
      agreement.withoutTies
        ? `accuracy without ties ${interval(agreement.withoutTies)} of ${agreement.withoutTies.items}`
        : "accuracy without ties —",
      agreement.threeWay ? `3-way ${interval(agreement.threeWay)}` : "3-way —",
      `kappa ${agreement.kappa === null ? "—" : agreement.kappa.toFixed(2)}`,
    ];
    lines.push(`  Agreement with labels (${agreement.labelled} labelled): ${parts.join(", ")}`);
  }
  const best = report.bestOfNAccuracy;
  if (best) lines.push(`  Best-of-n accuracy ${interval(best)} (${best.count} of ${best.of} labelled)`);
  const c = report.consistency;
  const why = report.bothOrders ? "no item judged in both orders yet" : "judged in one order";
  lines.push(c ? `  Position consistency ${interval(c)} (${c.count} of ${c.of})` : `  Position consistency: — (${why})`);
  return lines;
}

function comparisonLine(c: JobComparison): string {
  const rate = c.agreement ? `${interval(c.agreement)} of ${c.items} items` : "— (no items in common)";
  return `Judges #${c.a.id} and #${c.b.id} agree on ${rate}, kappa ${c.kappa === null ? "—" : c.kappa.toFixed(2)} (${c.a.judge} vs ${c.b.judge})`;
}

export async function judgeCommand(db: Db, args: string[], io: Io): Promise<number> {
  const options = parseJudgeArgs(args);
  for (const file of [options.file, options.versus]) if (file && !fs.existsSync(file)) throw new CliError(`${file}: no such file`);
  ensureBuiltinSimJudgeBackend(db);
  const judges = checkJudges(db, options);
  const data = await importForJudging(db, options, io);
  const jobs: { id: number; ref: string }[] = [];
  for (const { text, ref } of judges) {
    // The reference as typed ("model:sim:…" rather than the built-in backend's full name).
    const refText = text.trim();
    try {
      const job = launchJudgeJob(db, {
        name: `${refText} on ${data.name}`.slice(0, 120),
        judge: ref,
        dataset: data.name,
        ...options.settings,
      });
      jobs.push({ id: job.id, ref: refText });
    } catch (error) {
      if (error instanceof AppError) throw new CliError(error.message, error.kind === "bad_request" ? 2 : 1, appErrorLines(error));
      throw error;
    }
  }
  io.stderr(`Judge job${jobs.length === 1 ? "" : "s"} ${jobs.map((j) => `#${j.id}`).join(", ")} on "${data.name}"\n`);
  const sim = await simJudgeForBackends(
    db,
    jobs.map((j) => getJudgeJob(db, j.id)!.judgeBackendId),
  );
  const statuses: string[] = [];
  try {
    for (const job of jobs) statuses.push(await driveJob(db, job.id, io, sim.overrides));
  } finally {
    await sim.close();
  }
  const reports = jobs.map((job) => jobReport(judgeJobView(db, job.id)!, job.ref));
  const comparisons = jobs.flatMap((a, i) => jobs.slice(i + 1).map((b) => compareJudgeJobs(db, a.id, b.id)));
  if (options.json) {
    const { joined, ...dataset } = data;
    io.stdout(`${JSON.stringify({ dataset: { ...dataset, systems: joined }, jobs: reports, agreement: comparisons })}\n`);
  } else {
    const lines = reports.flatMap((report) => [...summaryLines(report), ""]);
    lines.push(...comparisons.map(comparisonLine));
    io.stdout(`${lines.join("\n").trimEnd()}\n`);
  }
  return statuses.some((s) => s === "failed" || s === "canceled") ? 1 : statuses.some((s) => s === "paused") ? 3 : 0;
}

export function judgeJobsCommand(db: Db, args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { json: { type: "boolean", default: false } } });
  const rows = listJudgeJobs(db, { limit: 1000, offset: 0 });
  if (values.json) {
    io.stdout(
      `${JSON.stringify(
        rows.map(({ progress: _progress, ...row }) => row),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  if (rows.length === 0) {
    io.stdout("No judge jobs yet. Start one with: npm run judge-lab -- judge <file> --judge model:sim:simjudge-base\n");
    return 0;
  }
  io.stdout(
    `${table(
      ["ID", "NAME", "STATUS", "JUDGE", "DATASET", "DONE", "A", "B", "TIE", "AGREE"],
      rows.map((r) => [
        r.id,
        r.name,
        r.status,
        r.judgeLabel,
        r.dataset,
        `${r.done}/${r.itemCount}`,
        r.maxResponses === 2 ? r.a : "—",
        r.maxResponses === 2 ? r.b : "—",
        r.maxResponses === 2 ? r.tie : "—",
        r.labelled > 0 ? pct(r.agree / r.labelled) : "—",
      ]),
      [true, false, false, false, false, true, true, true, true, true],
    )}\n`,
  );
  return 0;
}
