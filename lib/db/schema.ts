/**
 * The whole Judge Lab data model ("the run is data, and the data is the queue": see
 * docs/architecture.md). Every unit of work has a natural unique key and its output is one row, so a stage's remaining
 * work is "the keys it needs minus the rows that exist". Each table sits next to its row types.
 * Only `npm run db:generate` (drizzle-kit) turns this file into migrations under drizzle/.
 * Timestamps are integer milliseconds since the epoch; they aggregate and serialize as plain numbers.
 */
import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { JudgeJobConfig } from "@/lib/pipeline/jobs/job-config";
import type { RunConfig } from "@/lib/pipeline/run-config";
import { CHOICES, OUTCOMES, POSITIONS } from "@/lib/pipeline/vocabulary";

const now = () => Date.now();
const createdAt = () => integer("created_at").notNull().$defaultFn(now);

/** What every sampled judgment stores besides its key and outcome (training, eval and judge-job judgments alike). */
const sampledTextAndUsage = () => ({
  trace: text("trace").notNull(),
  finishReason: text("finish_reason"),
  truncated: integer("truncated", { mode: "boolean" }).notNull().default(false),
  promptTokens: integer("prompt_tokens").notNull().default(0),
  completionTokens: integer("completion_tokens").notNull().default(0),
  latencyMs: integer("latency_ms").notNull().default(0),
});

// ---------------------------------------------------------------------------------------------
// Backends: OpenAI-compatible model servers. The API key itself is never stored, only the NAME
// of the environment variable that holds it.
export const backends = sqliteTable(
  "backends",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    preset: text("preset").notNull(),
    /** One or more replicas of the same model server, e.g. ["http://gpu1:8000/v1"]. */
    baseUrls: text("base_urls", { mode: "json" }).$type<string[]>().notNull(),
    apiKeyEnv: text("api_key_env"),
    maxInFlight: integer("max_in_flight").notNull(),
    requestsPerMinute: integer("requests_per_minute"),
    tokensPerMinute: integer("tokens_per_minute"),
    timeoutMs: integer("timeout_ms").notNull(),
    supportsN: integer("supports_n", { mode: "boolean" }).notNull().default(false),
    supportsFineTuning: integer("supports_fine_tuning", { mode: "boolean" }).notNull().default(false),
    /** Created by the app itself (the embedded SimJudge); users may edit it but it is re-created if deleted. */
    builtin: integer("builtin", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull().$defaultFn(now),
  },
  (t) => [
    uniqueIndex("backends_name_unique").on(t.name),
    check("backends_max_in_flight_positive", sql`${t.maxInFlight} > 0`),
    check("backends_timeout_positive", sql`${t.timeoutMs} > 0`),
  ],
);
export type BackendRow = typeof backends.$inferSelect;
export type NewBackendRow = typeof backends.$inferInsert;

// ---------------------------------------------------------------------------------------------
// Datasets: instruction pools (the loop's input), labelled pair sets (evaluation) and responses
// to judge (a judge job's input: two or more responses per prompt, optionally labelled).
export const DATASET_KINDS = ["instructions", "pairs", "responses"] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export const datasets = sqliteTable(
  "datasets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    kind: text("kind", { enum: DATASET_KINDS }).notNull(),
    /** Where it came from: a file name, a server path, a URL or "hf:owner/name@config/split". */
    source: text("source").notNull(),
    format: text("format").notNull(),
    /** Hash over every item's content hash: importing the same content twice is detected. */
    contentHash: text("content_hash").notNull(),
    rowCount: integer("row_count").notNull(),
    /** "importing" while rows are being stored (hidden from lists), "ready" once complete. */
    status: text("status", { enum: ["importing", "ready"] })
      .notNull()
      .default("ready"),
    description: text("description"),
    /** Responses to judge: what each response column is (the systems compared, e.g. the two files' names). */
    responseNames: text("response_names", { mode: "json" }).$type<string[]>(),
    builtin: integer("builtin", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    /**
     * Touched by an import while it stores rows; an "importing" row left stale by a crash is removed.
     * Writers set it explicitly (a SQL default of 0 was needed to add the column to existing files,
     * and drizzle prefers that default over a $defaultFn).
     */
    updatedAt: integer("updated_at").notNull().default(0),
  },
  (t) => [
    uniqueIndex("datasets_name_unique").on(t.name),
    uniqueIndex("datasets_kind_content_hash_unique").on(t.kind, t.contentHash),
    index("datasets_status_idx").on(t.status),
  ],
);
export type DatasetRow = typeof datasets.$inferSelect;

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

export const datasetItems = sqliteTable(
  "dataset_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    /** Row order in the source file (0-based). */
    position: integer("position").notNull(),
    /** The item's id in its source (the row number when the source has none). */
    sourceId: text("source_id").notNull(),
    subset: text("subset"),
    category: text("category"),
    /** The instruction (pools) or the prompt (pairs), as text; the last user turn for chats. */
    prompt: text("prompt").notNull(),
    /** The full conversation when the source gave chat messages. */
    messages: text("messages", { mode: "json" }).$type<ChatMessage[]>(),
    chosen: text("chosen"),
    rejected: text("rejected"),
    /** Responses to judge: two or more responses to the prompt. */
    responses: text("responses", { mode: "json" }).$type<string[]>(),
    /** Responses to judge: the reference label, the index of the best response ("0", "1", …) or "tie"; null when unlabelled. */
    label: text("label"),
    /** Source columns beyond the mapped ones. */
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>(),
    contentHash: text("content_hash").notNull(),
  },
  (t) => [
    uniqueIndex("dataset_items_dataset_source_id_unique").on(t.datasetId, t.sourceId),
    index("dataset_items_dataset_subset_idx").on(t.datasetId, t.subset),
    index("dataset_items_dataset_position_idx").on(t.datasetId, t.position),
  ],
);
export type DatasetItemRow = typeof datasetItems.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Runs: a validated config snapshot (JSON, with the prompt texts it used) plus the rows below.
export const RUN_STATUSES = ["queued", "running", "paused", "completed", "failed", "canceled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const runs = sqliteTable(
  "runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    status: text("status", { enum: RUN_STATUSES }).notNull().default("queued"),
    /** Immutable snapshot of the run config (validated by zod before it is written). */
    /** Read it through getRunConfig (lib/db/queries/runs.ts), which validates it and fills defaults added later. */
    config: text("config", { mode: "json" }).$type<RunConfig>().notNull(),
    seed: integer("seed").notNull(),
    currentIteration: integer("current_iteration"),
    currentStage: text("current_stage"),
    /** Why the run is paused, failed or canceled, in words for people. */
    statusReason: text("status_reason"),
    clonedFromRunId: integer("cloned_from_run_id"),
    /** The runner's live progress (stage, done/total, rate, ETA, tokens, errors), rewritten about once a second. */
    progress: text("progress", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
    updatedAt: integer("updated_at").notNull().$defaultFn(now),
  },
  (t) => [
    index("runs_status_idx").on(t.status),
    index("runs_created_at_idx").on(t.createdAt),
    foreignKey({ columns: [t.clonedFromRunId], foreignColumns: [t.id] }).onDelete("set null"),
  ],
);
export type RunRow = typeof runs.$inferSelect;

/** One lease per run, so two processes never drive the same run; a dead owner's lease expires. */
export const runLeases = sqliteTable("run_leases", {
  runId: integer("run_id")
    .primaryKey()
    .references(() => runs.id, { onDelete: "cascade" }),
  owner: text("owner").notNull(),
  acquiredAt: integer("acquired_at").notNull(),
  heartbeatAt: integer("heartbeat_at").notNull(),
  expiresAt: integer("expires_at").notNull(),
});
export type RunLeaseRow = typeof runLeases.$inferSelect;

/** Datasets a run reads; RESTRICT makes "a dataset in use by a run cannot be deleted" hold. */
export const runDatasets = sqliteTable(
  "run_datasets",
  {
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "restrict" }),
    role: text("role", { enum: ["instructions", "eval"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.datasetId, t.role] }), index("run_datasets_dataset_idx").on(t.datasetId)],
);

/** Backends a run calls, by role; RESTRICT keeps a backend in use from being deleted. */
export const runBackends = sqliteTable(
  "run_backends",
  {
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    backendId: integer("backend_id")
      .notNull()
      .references(() => backends.id, { onDelete: "restrict" }),
    role: text("role", { enum: ["generator", "judge", "trainer"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.backendId, t.role] }), index("run_backends_backend_idx").on(t.backendId)],
);

// ---------------------------------------------------------------------------------------------
// Stage 1, select instructions: one classification per (run, candidate instruction), then the
// seeded, balanced selection written once.
export const instructionClassifications = sqliteTable(
  "instruction_classifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    datasetItemId: integer("dataset_item_id")
      .notNull()
      .references(() => datasetItems.id, { onDelete: "cascade" }),
    /** Parsed category; null when the output named none of the allowed categories. */
    category: text("category"),
    rawOutput: text("raw_output").notNull(),
    promptTokens: integer("prompt_tokens").notNull().default(0),
    completionTokens: integer("completion_tokens").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("instruction_classifications_run_item_unique").on(t.runId, t.datasetItemId),
    // Covers the tokens-per-stage sum without reading the raw outputs.
    index("instruction_classifications_run_tokens_idx").on(t.runId, t.promptTokens, t.completionTokens),
  ],
);

export const runInstructions = sqliteTable(
  "run_instructions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    datasetItemId: integer("dataset_item_id")
      .notNull()
      .references(() => datasetItems.id, { onDelete: "cascade" }),
    category: text("category"),
    /** Order in the seeded sample. */
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("run_instructions_run_item_unique").on(t.runId, t.datasetItemId),
    index("run_instructions_run_position_idx").on(t.runId, t.position),
  ],
);

// ---------------------------------------------------------------------------------------------
// Stage 2, build pairs: y_w answers x; y_l answers a modified instruction x'. Dropped pairs keep
// their row (status "dropped" + reason) so they are counted and never retried.
export const PAIR_STATUSES = ["ok", "dropped"] as const;

export const pairs = sqliteTable(
  "pairs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    /** The instruction x (a dataset item of the run's pool). */
    datasetItemId: integer("dataset_item_id")
      .notNull()
      .references(() => datasetItems.id, { onDelete: "cascade" }),
    status: text("status", { enum: PAIR_STATUSES }).notNull(),
    dropReason: text("drop_reason"),
    goodResponse: text("good_response").notNull(),
    /** Where y_w came from: the generator, or the pool's own baseline response. */
    goodSource: text("good_source", { enum: ["generated", "pool"] })
      .notNull()
      .default("generated"),
    modifiedInstruction: text("modified_instruction"),
    worseResponse: text("worse_response"),
    /** The worse-response generation as returned, kept when it could not be parsed. */
    rawWorseOutput: text("raw_worse_output"),
    promptTokens: integer("prompt_tokens").notNull().default(0),
    completionTokens: integer("completion_tokens").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("pairs_run_item_unique").on(t.runId, t.datasetItemId),
    index("pairs_run_status_idx").on(t.runId, t.status, t.dropReason, t.promptTokens, t.completionTokens),
  ],
);
export type PairRow = typeof pairs.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Iterations: iteration i's judge (the seed judge for i = 0) judges the pairs, its correct
// traces train the judge of iteration i + 1, and it is scored on the eval sets.
export const ITERATION_STATUSES = ["pending", "running", "completed", "failed"] as const;

export const iterations = sqliteTable(
  "iterations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    index: integer("index").notNull(),
    judgeBackendId: integer("judge_backend_id").references(() => backends.id, { onDelete: "restrict" }),
    judgeModel: text("judge_model").notNull(),
    /** In-context trainer: ids of the kept judgments shown to this judge as demonstrations. */
    demonstrationJudgmentIds: text("demonstration_judgment_ids", { mode: "json" }).$type<number[]>(),
    status: text("status", { enum: ITERATION_STATUSES }).notNull().default("pending"),
    stage: text("stage"),
    /** Counts a stage computes once (e.g. the filter's drops by reason). */
    stats: text("stats", { mode: "json" }).$type<Record<string, number>>(),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
  },
  (t) => [uniqueIndex("iterations_run_index_unique").on(t.runId, t.index), check("iterations_index_nonnegative", sql`${t.index} >= 0`)],
);
export type IterationRow = typeof iterations.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Stage 3 and 4, judge and filter: one row per (iteration, pair, order, sample).
export const FILTER_STATUSES = ["kept", "wrong", "surplus", "below_majority", "balanced_out", "no_rejected"] as const;

export const judgments = sqliteTable(
  "judgments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    iterationId: integer("iteration_id")
      .notNull()
      .references(() => iterations.id, { onDelete: "cascade" }),
    pairId: integer("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    /** Where y_w was shown: "A" (order AB) or "B" (order BA). */
    goodPosition: text("good_position", { enum: POSITIONS }).notNull(),
    sample: integer("sample").notNull(),
    /** The parsed verdict; null when none or both were found. */
    verdict: text("verdict", { enum: POSITIONS }),
    outcome: text("outcome", { enum: OUTCOMES }).notNull(),
    ...sampledTextAndUsage(),
    /** Set by the filter stage: kept for training, or why not. */
    filterStatus: text("filter_status", { enum: FILTER_STATUSES }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("judgments_iteration_pair_position_sample_unique").on(t.iterationId, t.pairId, t.goodPosition, t.sample),
    index("judgments_pair_idx").on(t.pairId),
    check("judgments_sample_nonnegative", sql`${t.sample} >= 0`),
  ],
);
export type JudgmentRow = typeof judgments.$inferSelect;

/**
 * Running totals of an iteration's judgments by outcome (and truncated), with their tokens, kept
 * by triggers on `judgments` in the same transaction as every insert or delete (see migration
 * 0005). The run page reads these few rows instead of counting a million judgments.
 */
export const judgmentTallies = sqliteTable(
  "judgment_tallies",
  {
    iterationId: integer("iteration_id")
      .notNull()
      .references(() => iterations.id, { onDelete: "cascade" }),
    outcome: text("outcome", { enum: OUTCOMES }).notNull(),
    truncated: integer("truncated", { mode: "boolean" }).notNull(),
    judgments: integer("judgments").notNull(),
    promptTokens: integer("prompt_tokens").notNull(),
    completionTokens: integer("completion_tokens").notNull(),
  },
  (t) => [primaryKey({ columns: [t.iterationId, t.outcome, t.truncated] })],
);

/**
 * One row per (iteration, pair, order) with how its samples voted and what the filter did with
 * them, kept by triggers on `judgments` (migration 0006). The training-pairs list filters, sorts,
 * counts and pages these rows (a quarter of the judgments at N = 4) instead of grouping judgments.
 */
export const judgmentGroups = sqliteTable(
  "judgment_groups",
  {
    iterationId: integer("iteration_id")
      .notNull()
      .references(() => iterations.id, { onDelete: "cascade" }),
    pairId: integer("pair_id").notNull(),
    goodPosition: text("good_position", { enum: POSITIONS }).notNull(),
    samples: integer("samples").notNull(),
    correct: integer("correct").notNull(),
    wrong: integer("wrong").notNull(),
    tie: integer("tie").notNull(),
    unparsed: integer("unparsed").notNull(),
    /** Samples by filter status. */
    kept: integer("kept").notNull(),
    filteredWrong: integer("filtered_wrong").notNull(),
    surplus: integer("surplus").notNull(),
    belowMajority: integer("below_majority").notNull(),
    balancedOut: integer("balanced_out").notNull(),
    /** DPO: usable samples of a group with no negative to pair them with. */
    noRejected: integer("no_rejected").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.iterationId, t.pairId, t.goodPosition] }),
    index("judgment_groups_share_idx").on(t.iterationId, sql`${t.correct} * 1.0 / ${t.samples}`, t.pairId, t.goodPosition),
  ],
);

/**
 * An eval set's metrics for one iteration (EvalSummary, and kappa with the previous iteration's
 * judge), written when the iteration's eval stage finishes: its judgments never change after, so
 * the run page reads this row instead of recomputing them on every view.
 */
export const evalSummaries = sqliteTable(
  "eval_summaries",
  {
    iterationId: integer("iteration_id")
      .notNull()
      .references(() => iterations.id, { onDelete: "cascade" }),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    summary: text("summary", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    kappaWithPrevious: real("kappa_with_previous"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.iterationId, t.datasetId] })],
);

/** The filter's output: one training example per kept (iteration, pair, order). */
export const trainingExamples = sqliteTable(
  "training_examples",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    iterationId: integer("iteration_id")
      .notNull()
      .references(() => iterations.id, { onDelete: "cascade" }),
    pairId: integer("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    goodPosition: text("good_position", { enum: POSITIONS }).notNull(),
    chosenJudgmentId: integer("chosen_judgment_id")
      .notNull()
      .references(() => judgments.id, { onDelete: "cascade" }),
    /** A trace of the same prompt that is not correct (wrong, tie or unparsed): DPO's rejected side; null when there is none. */
    rejectedJudgmentId: integer("rejected_judgment_id").references(() => judgments.id, { onDelete: "cascade" }),
    /** DPO: which of the (chosen, rejected) combinations of this pair and order (0 .. dpoPairsPerPrompt - 1); SFT: 0. */
    comboIndex: integer("combo_index").notNull().default(0),
  },
  (t) => [uniqueIndex("training_examples_iteration_pair_position_combo_unique").on(t.iterationId, t.pairId, t.goodPosition, t.comboIndex)],
);

// ---------------------------------------------------------------------------------------------
// Stage 5, train: one job per iteration; its result is the next iteration's judge.
export const TRAINING_STATUSES = ["pending", "running", "awaiting_model", "succeeded", "failed"] as const;

export const trainingJobs = sqliteTable(
  "training_jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    iterationId: integer("iteration_id")
      .notNull()
      .references(() => iterations.id, { onDelete: "cascade" }),
    trainer: text("trainer", { enum: ["fine_tuning_api", "command", "manual", "in_context"] }).notNull(),
    method: text("method", { enum: ["sft", "dpo"] }).notNull(),
    status: text("status", { enum: TRAINING_STATUSES }).notNull().default("pending"),
    baseModel: text("base_model").notNull(),
    resultModel: text("result_model"),
    resultBackendId: integer("result_backend_id").references(() => backends.id, { onDelete: "set null" }),
    externalFileId: text("external_file_id"),
    externalJobId: text("external_job_id"),
    exampleCount: integer("example_count").notNull().default(0),
    log: text("log"),
    error: text("error"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull().$defaultFn(now),
    finishedAt: integer("finished_at"),
  },
  (t) => [uniqueIndex("training_jobs_iteration_unique").on(t.iterationId)],
);
export type TrainingJobRow = typeof trainingJobs.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Stage 6, evaluate: one row per (iteration, eval item, order, sample), then per-subset results.
export const evalJudgments = sqliteTable(
  "eval_judgments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    iterationId: integer("iteration_id")
      .notNull()
      .references(() => iterations.id, { onDelete: "cascade" }),
    datasetItemId: integer("dataset_item_id")
      .notNull()
      .references(() => datasetItems.id, { onDelete: "cascade" }),
    /** Where the chosen response was shown. */
    goodPosition: text("good_position", { enum: POSITIONS }).notNull(),
    sample: integer("sample").notNull(),
    verdict: text("verdict", { enum: POSITIONS }),
    outcome: text("outcome", { enum: OUTCOMES }).notNull(),
    ...sampledTextAndUsage(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("eval_judgments_iteration_item_position_sample_unique").on(t.iterationId, t.datasetItemId, t.goodPosition, t.sample),
    // Covers counts by outcome and token sums without reading the traces.
    index("eval_judgments_iteration_outcome_idx").on(t.iterationId, t.outcome, t.truncated, t.promptTokens, t.completionTokens),
    index("eval_judgments_iteration_group_idx").on(t.iterationId, t.datasetItemId, t.goodPosition, t.outcome),
    index("eval_judgments_item_idx").on(t.datasetItemId),
    check("eval_judgments_sample_nonnegative", sql`${t.sample} >= 0`),
  ],
);
export type EvalJudgmentRow = typeof evalJudgments.$inferSelect;

/** Per (iteration, eval set, subset) scores, written once the eval stage has every judgment. */
export const evalResults = sqliteTable(
  "eval_results",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    iterationId: integer("iteration_id")
      .notNull()
      .references(() => iterations.id, { onDelete: "cascade" }),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    subset: text("subset").notNull(),
    itemCount: integer("item_count").notNull(),
    /** Sum of per-item scores (1 chosen, 0 rejected, 0.5 tie or unparseable). */
    scoreSum: real("score_sum").notNull(),
    accuracy: real("accuracy").notNull(),
    ties: integer("ties").notNull().default(0),
    unparsed: integer("unparsed").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("eval_results_iteration_dataset_subset_unique").on(t.iterationId, t.datasetId, t.subset)],
);
export type EvalResultRow = typeof evalResults.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Run events: state changes and errors (with a sample of each kind) shown on the run page.
export const runEvents = sqliteTable(
  "run_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    iterationIndex: integer("iteration_index"),
    stage: text("stage"),
    level: text("level", { enum: ["info", "warn", "error"] }).notNull(),
    kind: text("kind"),
    message: text("message").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("run_events_run_created_idx").on(t.runId, t.createdAt)],
);
export type RunEventRow = typeof runEvents.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Judge jobs: a trained (or any) judge put to work on a dataset of responses to judge. The job is
// its config plus rows, like a run: comparisons(job, item, round, slot), judge_judgments(comparison,
// order, sample) and, once an item's comparisons are decided, judge_item_results(job, item).
export const JUDGE_JOB_STATUSES = RUN_STATUSES;

/** The judge a job resolved at launch, kept with it so the job never depends on later changes. */
export type ResolvedJudge = {
  /** How people name it: "Run #3 demo, iteration 2 (ft:…)" or "simjudge: simjudge-base". */
  label: string;
  backendId: number;
  model: string;
  /** The judge prompt template (the run's, or the one given with a model judge). */
  template: string;
  /** In-context judges: the demonstrations shown before every prompt. */
  demonstrations: { prompt: string; trace: string }[];
  verdictRule: "ram" | "rewardbench" | "lenient";
  /** Set when the judge is a run's iteration. */
  run: { id: number; name: string; iteration: number } | null;
};

export const judgeJobs = sqliteTable(
  "judge_jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    status: text("status", { enum: JUDGE_JOB_STATUSES }).notNull().default("queued"),
    /** The validated job config as launched (read it through getJudgeJob). */
    config: text("config", { mode: "json" }).$type<JudgeJobConfig>().notNull(),
    judge: text("judge", { mode: "json" }).$type<ResolvedJudge>().notNull(),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "restrict" }),
    judgeBackendId: integer("judge_backend_id")
      .notNull()
      .references(() => backends.id, { onDelete: "restrict" }),
    /** The job this one re-judges with another judge (same data, same seed). */
    parentJobId: integer("parent_job_id"),
    /** Items judged (after maxItems) and comparisons and judgments planned, fixed at launch. */
    itemCount: integer("item_count").notNull(),
    /** The most responses an item has: 2 is a pairwise job, more a best-of-n job. */
    maxResponses: integer("max_responses").notNull(),
    plannedComparisons: integer("planned_comparisons").notNull(),
    plannedJudgments: integer("planned_judgments").notNull(),
    statusReason: text("status_reason"),
    progress: text("progress", { mode: "json" }).$type<Record<string, unknown>>(),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: integer("lease_expires_at"),
    createdAt: createdAt(),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
  },
  (t) => [
    index("judge_jobs_status_idx").on(t.status),
    index("judge_jobs_dataset_idx").on(t.datasetId),
    foreignKey({ columns: [t.parentJobId], foreignColumns: [t.id] }).onDelete("set null"),
  ],
);
export type JudgeJobRow = typeof judgeJobs.$inferSelect;

/** One comparison of two of an item's responses; `winner` is set once its votes are in. */
export const judgeComparisons = sqliteTable(
  "judge_comparisons",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    jobId: integer("job_id")
      .notNull()
      .references(() => judgeJobs.id, { onDelete: "cascade" }),
    itemId: integer("item_id")
      .notNull()
      .references(() => datasetItems.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    slot: integer("slot").notNull(),
    /** Response indices in the item's list: "first" is shown as A in the as-given order. */
    first: integer("first").notNull(),
    second: integer("second").notNull(),
    /** The winning response index; null while undecided, or when the votes tie (pairwise, round-robin). */
    winner: integer("winner"),
    /** "votes", "coin" (a knockout tie decided by a seeded coin) or "tie"; null while undecided. */
    decidedBy: text("decided_by", { enum: ["votes", "coin", "tie"] }),
  },
  (t) => [
    uniqueIndex("judge_comparisons_job_item_round_slot_unique").on(t.jobId, t.itemId, t.round, t.slot),
    index("judge_comparisons_job_round_idx").on(t.jobId, t.decidedBy, t.round),
  ],
);
export type JudgeComparisonRow = typeof judgeComparisons.$inferSelect;

/** One sampled judgment of a comparison in one order. */
export const judgeJudgments = sqliteTable(
  "judge_judgments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    jobId: integer("job_id")
      .notNull()
      .references(() => judgeJobs.id, { onDelete: "cascade" }),
    comparisonId: integer("comparison_id")
      .notNull()
      .references(() => judgeComparisons.id, { onDelete: "cascade" }),
    /** Where the comparison's first response was shown: "A" (as given) or "B" (swapped). */
    firstPosition: text("first_position", { enum: POSITIONS }).notNull(),
    sample: integer("sample").notNull(),
    verdict: text("verdict", { enum: POSITIONS }),
    choice: text("choice", { enum: CHOICES }).notNull(),
    ...sampledTextAndUsage(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("judge_judgments_comparison_position_sample_unique").on(t.comparisonId, t.firstPosition, t.sample),
    index("judge_judgments_job_tokens_idx").on(t.jobId, t.promptTokens, t.completionTokens),
    check("judge_judgments_sample_nonnegative", sql`${t.sample} >= 0`),
  ],
);
export type JudgeJudgmentRow = typeof judgeJudgments.$inferSelect;

/** An item's result once every comparison it needs is decided: one row per (job, item). */
export const judgeItemResults = sqliteTable(
  "judge_item_results",
  {
    jobId: integer("job_id")
      .notNull()
      .references(() => judgeJobs.id, { onDelete: "cascade" }),
    itemId: integer("item_id")
      .notNull()
      .references(() => datasetItems.id, { onDelete: "cascade" }),
    /** Pairwise: "A" (the first response), "B", "tie" or "unparsed". Best-of-n: the best response's letter. */
    verdict: text("verdict").notNull(),
    /** The response ranked first (best-of-n and decided pairs); null for a pairwise tie or no verdict. */
    best: integer("best"),
    /** Responses, best first (best-of-n). */
    ranking: text("ranking", { mode: "json" }).$type<number[]>(),
    /** Share of samples behind the verdict (best-of-n: mean over the best response's comparisons). */
    voteShare: real("vote_share"),
    /** 1 when both orders agreed (best-of-n: every comparison did), 0 when not, null when judged in one order. */
    consistent: integer("consistent"),
    votesFirst: integer("votes_first").notNull().default(0),
    votesSecond: integer("votes_second").notNull().default(0),
    votesTie: integer("votes_tie").notNull().default(0),
    votesUnparsed: integer("votes_unparsed").notNull().default(0),
    /** The item's label copied for SQL agreement ("0", "1", …, "tie"), and its category. */
    label: text("label"),
    category: text("category"),
    /** 1 when the verdict matches the label, 0 when not, null without a label. */
    agrees: integer("agrees"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.itemId] }), index("judge_item_results_job_verdict_idx").on(t.jobId, t.verdict, t.category)],
);
export type JudgeItemResultRow = typeof judgeItemResults.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Human comparison: annotation sets (a frozen sample of items for people to label), their items
// (the texts copied in, so labels outlive a deleted run or job) and the labels people give.
// "first" is the response the construction or reference ranks better (y_w, chosen, a job item's
// first response); which one was shown on the left is a seeded, stored coin per item.
export const ANNOTATION_SET_KINDS = ["training-pairs", "eval-disagreements", "judge-job"] as const;
export type AnnotationSetKind = (typeof ANNOTATION_SET_KINDS)[number];
export const HUMAN_CHOICES = ["first", "second", "tie", "skip"] as const;
export type HumanChoice = (typeof HUMAN_CHOICES)[number];

export const annotationSets = sqliteTable(
  "annotation_sets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ANNOTATION_SET_KINDS }).notNull(),
    /** Where the items came from; set null when it is deleted (the items keep their texts). */
    runId: integer("run_id").references(() => runs.id, { onDelete: "set null" }),
    datasetId: integer("dataset_id").references(() => datasets.id, { onDelete: "set null" }),
    judgeJobId: integer("judge_job_id").references(() => judgeJobs.id, { onDelete: "set null" }),
    /** Training pairs: the iteration whose filter decided each pair's kept or dropped status. */
    iteration: integer("iteration"),
    /** How many people should label each item (an item leaves the queue once it has this many labels). */
    labelsPerItem: integer("labels_per_item").notNull().default(1),
    seed: integer("seed").notNull(),
    /** What was asked for, in words, e.g. "4 training pairs per category of run #3 (iteration 0)". */
    description: text("description").notNull(),
    itemCount: integer("item_count").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("annotation_sets_name_unique").on(t.name),
    // Deleting a run, data set or job sets these to null: each needs an index not to scan the table.
    index("annotation_sets_run_idx").on(t.runId),
    index("annotation_sets_dataset_idx").on(t.datasetId),
    index("annotation_sets_job_idx").on(t.judgeJobId),
  ],
);
export type AnnotationSetRow = typeof annotationSets.$inferSelect;

export const annotationItems = sqliteTable(
  "annotation_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    setId: integer("set_id")
      .notNull()
      .references(() => annotationSets.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** What the item is in its source: "pair:<id>", "eval:<dataset item id>", "job-item:<dataset item id>". */
    sourceKey: text("source_key").notNull(),
    pairId: integer("pair_id").references(() => pairs.id, { onDelete: "set null" }),
    datasetItemId: integer("dataset_item_id").references(() => datasetItems.id, { onDelete: "set null" }),
    category: text("category"),
    /** Training pairs: "kept" when the filter kept one of its judgments for training, "dropped" when not, null when not judged. */
    filterStatus: text("filter_status", { enum: ["kept", "dropped"] }),
    prompt: text("prompt").notNull(),
    firstText: text("first_text").notNull(),
    secondText: text("second_text").notNull(),
    /** The synthetic or reference label: "first", "second", "tie", or null when there is none. */
    reference: text("reference", { enum: ["first", "second", "tie"] }),
    /** True when the second response is shown on the left (as A). */
    swapped: integer("swapped", { mode: "boolean" }).notNull(),
  },
  (t) => [
    uniqueIndex("annotation_items_set_source_unique").on(t.setId, t.sourceKey),
    uniqueIndex("annotation_items_set_position_unique").on(t.setId, t.position),
    // A deleted pair or dataset item sets these to null: without an index each delete would scan this table.
    index("annotation_items_pair_idx").on(t.pairId),
    index("annotation_items_dataset_item_idx").on(t.datasetItemId),
  ],
);
export type AnnotationItemRow = typeof annotationItems.$inferSelect;

export const annotations = sqliteTable(
  "annotations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    setId: integer("set_id")
      .notNull()
      .references(() => annotationSets.id, { onDelete: "cascade" }),
    itemId: integer("item_id")
      .notNull()
      .references(() => annotationItems.id, { onDelete: "cascade" }),
    annotator: text("annotator").notNull(),
    choice: text("choice", { enum: HUMAN_CHOICES }).notNull(),
    /** The order shown when the label was given (true: second response on the left). */
    swapped: integer("swapped", { mode: "boolean" }).notNull(),
    note: text("note"),
    /** Milliseconds from showing the item to the answer; null for imported labels. */
    timeMs: integer("time_ms"),
    /** True for labels imported from a data set's label column (a named external annotator). */
    imported: integer("imported", { mode: "boolean" }).notNull().default(false),
    /** False when the person had already seen this item's hidden labels (answered, undid, answered again): left out of the numbers. */
    blind: integer("blind", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull().$defaultFn(now),
  },
  (t) => [
    uniqueIndex("annotations_item_annotator_unique").on(t.itemId, t.annotator),
    index("annotations_set_annotator_idx").on(t.setId, t.annotator, t.choice),
  ],
);
export type AnnotationRow = typeof annotations.$inferSelect;

/** Who has seen an item's hidden labels (its reveal after an answer): a later answer by them is not blind. */
export const annotationReveals = sqliteTable(
  "annotation_reveals",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => annotationItems.id, { onDelete: "cascade" }),
    annotator: text("annotator").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.annotator] })],
);

// ---------------------------------------------------------------------------------------------
// SimJudge, the built-in simulated model server (lib/simulator): its registered models (with the
// weights fine-tuning produced), uploaded training files and fine-tuning jobs. Stored here so they
// survive restarts; the standalone SimJudge uses its own database file with the same schema.
export const simModels = sqliteTable("sim_models", {
  id: text("id").primaryKey(),
  /** The model it was fine-tuned from; null for a base model. */
  parentModel: text("parent_model"),
  weights: text("weights", { mode: "json" }).$type<[number, number, number, number]>().notNull(),
  /** Training examples seen over its history; lowers the format-breaking rate. */
  examplesSeen: integer("examples_seen").notNull().default(0),
  /** Faults injected into every request to this model (tests, chaos). */
  faults: text("faults", { mode: "json" }).$type<Record<string, unknown>>(),
  createdAt: createdAt(),
});
export type SimModelRow = typeof simModels.$inferSelect;

export const simFiles = sqliteTable("sim_files", {
  id: text("id").primaryKey(),
  filename: text("filename").notNull(),
  purpose: text("purpose").notNull(),
  bytes: integer("bytes").notNull(),
  content: text("content").notNull(),
  createdAt: createdAt(),
});
export type SimFileRow = typeof simFiles.$inferSelect;

export const SIM_JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

export const simFineTuningJobs = sqliteTable(
  "sim_fine_tuning_jobs",
  {
    id: text("id").primaryKey(),
    model: text("model").notNull(),
    trainingFile: text("training_file").notNull(),
    method: text("method", { enum: ["supervised", "dpo"] }).notNull(),
    suffix: text("suffix"),
    status: text("status", { enum: SIM_JOB_STATUSES }).notNull(),
    fineTunedModel: text("fine_tuned_model"),
    error: text("error"),
    trainedExamples: integer("trained_examples"),
    skippedExamples: integer("skipped_examples"),
    createdAt: createdAt(),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
  },
  (t) => [index("sim_fine_tuning_jobs_status_idx").on(t.status)],
);
export type SimFineTuningJobRow = typeof simFineTuningJobs.$inferSelect;
