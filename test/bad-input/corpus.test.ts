// The bad-input corpus: malformed and hostile inputs at every entry point (dataset files of each
// format, responses to judge and two systems' outputs joined, run configs, server action payloads
// sent directly (judge jobs' too), the judging API's HTTP routes, backend responses). Each must be
// refused with an error naming the file and line or the action and field (a route's with its HTTP
// status); the database must be unchanged (judge jobs and judgments counted too), and the process
// must keep serving (after a judge-job entry, a valid judgment and a valid job estimate succeed).
// See corpus-harness.ts for the walker.
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { backendInputSchema } from "@/lib/backends/backend-input";
import { importDataset } from "@/lib/datasets/import-dataset";
import { describeSourceFile } from "@/lib/datasets/source-file";
import { joinTwoSystems } from "@/lib/datasets/two-systems";
import { createBackend } from "@/lib/db/queries/backends";
import { DEMO_PAIRWISE } from "@/lib/demo/seed-demo-datasets";
import { BackendClient } from "@/lib/inference/chat-client";
import { cancelRun } from "@/lib/runner/control";
import { controlJudgeJob } from "@/lib/runner/jobs/control-job";
import { driveJudgeJob } from "@/lib/runner/jobs/drive-job";
import { launchJudgeJob } from "@/lib/runner/jobs/launch-job";
import { launchRun } from "@/lib/runner/launch";
import { getDb } from "@/lib/db/client";
import { listDatasets } from "@/lib/db/queries/datasets";
import { parseConfigFile } from "@/lib/pipeline/config-file";
import { fileMaker, type FileMaker } from "../helpers/files";
import { startHttpServer, type TestServer } from "../helpers/http-server";
import { prepareRunDb, smallConfig } from "../helpers/run-fixture";
import { startSimJudge, type TestSimJudge } from "../helpers/simjudge";
import { createTempDb, type TempDb } from "../helpers/temp-db";
import { namesField, refusalText, replyOf, walk, type CorpusEntry } from "./corpus-harness";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let temp: TempDb;
let files: FileMaker;
let badServer: TestServer;
let actions: {
  backends: typeof import("@/app/backends/actions");
  datasets: typeof import("@/app/datasets/actions");
  runs: typeof import("@/app/runs/actions");
};

beforeAll(async () => {
  temp = createTempDb();
  process.env.DATABASE_URL = temp.file;
  await prepareRunDb(temp.db, "http://127.0.0.1:9/v1");
  files = fileMaker();
  badServer = await startHttpServer((req, res) => {
    const kind = (req.url ?? "").split("/")[1];
    const body = BAD_BODIES[kind ?? ""] ?? "";
    res.writeHead(200, { "content-type": kind === "html" ? "text/html" : "application/json" }).end(body);
  });
  actions = {
    backends: await import("@/app/backends/actions"),
    datasets: await import("@/app/datasets/actions"),
    runs: await import("@/app/runs/actions"),
  };
}, 60_000);
afterAll(async () => {
  files.cleanup();
  await badServer.close();
  temp.close();
});

const BAD_BODIES: Record<string, string> = {
  "not-json": "this is not JSON {",
  "no-choices": JSON.stringify({ id: "x", object: "chat.completion" }),
  "empty-choices": JSON.stringify({ choices: [] }),
  "choice-without-message": JSON.stringify({ choices: [{ index: 0, finish_reason: "stop" }] }),
  "content-number": JSON.stringify({ choices: [{ index: 0, message: { content: 42 }, finish_reason: "stop" }] }),
  huge: JSON.stringify({ choices: [{ index: 0, message: { content: "x".repeat(11 * 1024 * 1024) }, finish_reason: "stop" }] }),
  html: "<html><body><h1>502 Bad Gateway</h1></body></html>",
  empty: "",
  "array-body": JSON.stringify([{ choices: [] }]),
};

const importFile =
  (name: string, content: string | Buffer, datasetName = `bad ${name}`) =>
  async () => {
    const file = files.write(name, content);
    return importDataset(getDb(), { files: [await describeSourceFile(file, name)], name: datasetName, source: file });
  };
const row = (fields: Record<string, unknown>) =>
  JSON.stringify({ prompt: "Which is better?", chosen: "A good answer.", rejected: "A bad one.", ...fields });
const goodRows = (n: number) => Array.from({ length: n }, (_, i) => row({ id: `r${i}` })).join("\n");

const datasetEntries: CorpusEntry[] = [
  {
    name: "JSONL with bytes that are not UTF-8",
    feed: importFile(
      "latin1.jsonl",
      Buffer.concat([
        Buffer.from(`${goodRows(1)}\n{"prompt": "caf`),
        Buffer.from([0xe9, 0xff]),
        Buffer.from(`", "chosen": "a", "rejected": "b"}\n`),
      ]),
    ),
    expect: /latin1\.jsonl.*line 2/,
  },
  {
    name: "JSONL line that is not JSON",
    feed: importFile("broken.jsonl", `${goodRows(2)}\n{"prompt": "x", "chosen": \n`),
    expect: /broken\.jsonl.*line 3/,
  },
  {
    name: "JSONL chosen is a number",
    feed: importFile("number.jsonl", `${goodRows(1)}\n${row({ chosen: 42 })}\n`),
    expect: /number\.jsonl.*line 2.*chosen/,
  },
  {
    name: "JSONL rejected missing",
    feed: importFile("missing.jsonl", `${goodRows(1)}\n${JSON.stringify({ prompt: "p", chosen: "c" })}\n`),
    expect: /missing\.jsonl.*line 2.*rejected/,
  },
  {
    name: "JSONL empty prompt",
    feed: importFile("empty-prompt.jsonl", `${goodRows(1)}\n${row({ prompt: "" })}\n`),
    expect: /empty-prompt\.jsonl.*line 2.*prompt/,
  },
  {
    name: "JSONL prompt is an object",
    feed: importFile("object-prompt.jsonl", `${goodRows(1)}\n${row({ prompt: { text: "p" } })}\n`),
    expect: /object-prompt\.jsonl.*line 2.*prompt/,
  },
  {
    name: "JSONL row is an array",
    feed: importFile("array-row.jsonl", `${goodRows(1)}\n["p", "c", "r"]\n`),
    expect: /array-row\.jsonl.*line 2/,
  },
  { name: "JSONL row is null", feed: importFile("null-row.jsonl", `${goodRows(1)}\nnull\n`), expect: /null-row\.jsonl.*line 2/ },
  {
    name: "JSONL with a 70 MB line",
    feed: importFile("gigantic.jsonl", `${goodRows(1)}\n{"prompt": "${"x".repeat(70 * 1024 * 1024)}"}\n`),
    expect: /gigantic\.jsonl.*line 2.*longer than 64 MB/,
  },
  {
    name: "gzip bomb: 300 MB of zeros in 300 KB",
    feed: importFile("bomb.jsonl.gz", gzipSync(Buffer.alloc(300 * 1024 * 1024))),
    expect: /bomb\.jsonl\.gz.*line 1.*longer than 64 MB|bomb\.jsonl\.gz/,
  },
  {
    name: "gzip cut short",
    feed: importFile("cut.jsonl.gz", gzipSync(Buffer.from(goodRows(200))).subarray(0, 300)),
    expect: /cut\.jsonl\.gz/,
  },
  {
    name: "a .gz file that is not gzip",
    feed: importFile("fake.jsonl.gz", Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9])),
    expect: /fake\.jsonl\.gz/,
  },
  { name: "JSON array cut short", feed: importFile("cut.json", `[${row({ id: 1 })}, {"prompt": "p", "chosen"`), expect: /cut\.json/ },
  {
    name: "JSON array with a number as a row",
    feed: importFile("numbers.json", `[${row({ id: 1 })}, 7]`),
    expect: /numbers\.json, row 1, field "\(row\)": expected an object/,
  },
  {
    name: "JSON array with a null row",
    feed: importFile("nulls.json", `[${row({ id: 1 })}, null]`),
    expect: /nulls\.json, row 1, field "\(row\)": expected an object/,
  },
  {
    name: "JSON object instead of rows",
    feed: importFile("object.json", JSON.stringify({ prompt: 1, chosen: 2, rejected: 3 })),
    expect: /object\.json/,
  },
  {
    name: "CSV with an unclosed quote",
    feed: importFile("quote.csv", `prompt,chosen,rejected\n"p1,c1,r1\np2,c2,r2\n`),
    expect: /quote\.csv/,
  },
  {
    name: "CSV row with too many fields",
    feed: importFile("fields.csv", `prompt,chosen,rejected\np,c,r\np,c,r,extra,more\n`),
    expect: /fields\.csv.*(line|row) 3/,
  },
  {
    name: "CSV with no prompt column",
    feed: importFile("columns.csv", `x,y,z\n1,2,3\n4,5,6\n`),
    expect: /columns\.csv: Could not tell what the columns mean \(columns: x, y, z\)/,
  },
  {
    name: "CSV chosen empty",
    feed: importFile("empty-chosen.csv", `prompt,chosen,rejected\np,c,r\np2,,r2\n`),
    expect: /empty-chosen\.csv.*(line|row) 3.*chosen/,
  },
  {
    name: "parquet with a schema of other columns",
    feed: async () =>
      importDataset(getDb(), {
        files: [await describeSourceFile(files.parquet("schema.parquet", { a: [1, 2], b: ["x", "y"] }), "schema.parquet")],
        name: "bad parquet schema",
        source: "schema.parquet",
      }),
    expect: /schema\.parquet|column/,
  },
  {
    name: "parquet with its footer cut off",
    feed: async () =>
      importFile("cut.parquet", Buffer.from(files.parquetBuffer({ prompt: ["p"], chosen: ["c"], rejected: ["r"] })).subarray(0, 40))(),
    expect: /cut\.parquet/,
  },
  {
    name: "parquet header on random bytes",
    feed: importFile("random.parquet", Buffer.concat([Buffer.from("PAR1"), Buffer.alloc(500, 7), Buffer.from("PAR1")])),
    expect: /random\.parquet/,
  },
  { name: "an empty file", feed: importFile("empty.jsonl", ""), expect: /empty\.jsonl.*empty/ },
  { name: "only blank lines", feed: importFile("blank.jsonl", "\n\n   \n\n"), expect: /blank\.jsonl has no rows/ },
  {
    name: "LLMBar label 3",
    feed: importFile(
      "label.jsonl",
      `${JSON.stringify({ input: "i", output_1: "a", output_2: "b", label: 1 })}\n${JSON.stringify({ input: "i", output_1: "a", output_2: "b", label: 3 })}\n`,
    ),
    expect: /label\.jsonl.*line 2.*label/,
  },
  {
    name: "HH dialogue without an Assistant turn",
    feed: importFile(
      "hh.jsonl",
      `${JSON.stringify({ chosen: "\n\nHuman: hi\n\nAssistant: hello", rejected: "\n\nHuman: hi\n\nAssistant: go away" })}\n${JSON.stringify({ chosen: "\n\nHuman: hi", rejected: "\n\nHuman: hi" })}\n`,
    ),
    expect: /hh\.jsonl.*line 2/,
  },
  {
    name: "binary noise named .jsonl",
    feed: importFile("noise.jsonl", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))),
    expect: /noise\.jsonl/,
  },
  { name: "a dataset name that is blank", feed: importFile("ok1.jsonl", goodRows(3), "   "), expect: /name/i },
  {
    name: "a dataset name that is taken",
    feed: importFile("ok2.jsonl", goodRows(3), "Demo eval pairs"),
    expect: /Demo eval pairs.*(taken|exists|already)/i,
  },
].map((e) => ({ ...e, entry: "dataset file" as const }));

const config = (overrides: Record<string, unknown>) => ({ ...smallConfig(), ...overrides });
const launch = (input: unknown) => async () => launchRun(getDb(), input);
const small = smallConfig();

const runConfigEntries: CorpusEntry[] = [
  { name: "an unknown top-level field", feed: launch(config({ learningRate: 0.1 })), expect: /learningRate/ },
  {
    name: "an unknown nested field",
    feed: launch(config({ judging: { ...small.judging, beamWidth: 4 } })),
    expect: /judging.*beamWidth|beamWidth/,
  },
  {
    name: "a negative instruction count",
    feed: launch(config({ instructions: { ...small.instructions, count: -5 } })),
    expect: /instructions\.count/,
  },
  {
    name: "an absurd N (100,000 samples)",
    feed: launch(config({ judging: { ...small.judging, samples: 100_000 } })),
    expect: /judging\.samples/,
  },
  {
    name: "N that is not a whole number",
    feed: launch(config({ judging: { ...small.judging, samples: 2.5 } })),
    expect: /judging\.samples/,
  },
  { name: "N as a string", feed: launch(config({ judging: { ...small.judging, samples: "8" } })), expect: /judging\.samples/ },
  { name: "negative iterations", feed: launch(config({ iterations: -1 })), expect: /iterations/ },
  { name: "a temperature of 7", feed: launch(config({ judging: { ...small.judging, temperature: 7 } })), expect: /judging\.temperature/ },
  { name: "top_p of 0", feed: launch(config({ judging: { ...small.judging, topP: 0 } })), expect: /judging\.topP/ },
  {
    name: "an unknown backend",
    feed: launch(config({ judge: { backend: "gpt-9000 cluster", model: "m" } })),
    expect: /judge\.backend.*gpt-9000 cluster/,
  },
  {
    name: "an unknown instruction pool",
    feed: launch(config({ instructions: { ...small.instructions, dataset: "nope" } })),
    expect: /instructions\.dataset.*nope/,
  },
  {
    name: "an instruction pool used as an eval set",
    feed: launch(config({ evaluation: { ...small.evaluation, datasets: ["Demo instructions"] } })),
    expect: /evaluation\.datasets\.0.*not a labelled pair set/,
  },
  {
    name: "an unknown training method",
    feed: launch(config({ training: { ...small.training, method: "rlhf" } })),
    expect: /training\.method/,
  },
  {
    name: "a majority threshold of 2",
    feed: launch(config({ filter: { ...small.filter, majorityThreshold: 2 } })),
    expect: /filter\.majorityThreshold/,
  },
  { name: "a negative token budget", feed: launch(config({ budget: { maxTokens: -1 } })), expect: /budget\.maxTokens/ },
  {
    name: "a judge prompt without its placeholders",
    feed: launch(config({ prompts: { judge: "Just say A." } })),
    expect: /prompts\.judge/,
  },
  { name: "a config that is a string", feed: launch("run everything"), expect: /config is not valid/ },
  { name: "a config that is null", feed: launch(null), expect: /config is not valid/ },
  {
    name: "a config file with a trailing comma",
    feed: async () => parseConfigFile("run.json", '{\n  "name": "x",\n  "iterations": 2,\n}'),
    expect: /run\.json: not valid JSON \(line 4/,
  },
  {
    name: "a config file with a field of the wrong type",
    feed: async () => parseConfigFile("run.json", JSON.stringify({ ...small, iterations: "two" })),
    expect: /run\.json: not a valid run config: iterations/,
  },
].map((e) => ({ ...e, entry: "run config" as const }));

const actionEntries: CorpusEntry[] = [
  {
    name: "saveBackend: a base URL that is not a URL",
    feed: () => actions.backends.saveBackendAction({ ...backendInput, baseUrls: ["not a url"] }),
    expect: /baseUrls/,
  },
  {
    name: "saveBackend: a file: URL",
    feed: () => actions.backends.saveBackendAction({ ...backendInput, baseUrls: ["file:///etc/passwd"] }),
    expect: /baseUrls/,
  },
  {
    name: "saveBackend: an API key value in an extra field",
    feed: () => actions.backends.saveBackendAction({ ...backendInput, apiKey: "sk-live-123" }),
    expect: /apiKey/,
  },
  {
    name: "saveBackend: a key variable name with shell characters",
    feed: () => actions.backends.saveBackendAction({ ...backendInput, apiKeyEnv: "KEY; rm -rf /" }),
    expect: /apiKeyEnv/,
  },
  {
    name: "saveBackend: max in-flight as text",
    feed: () => actions.backends.saveBackendAction({ ...backendInput, maxInFlight: "ten" }),
    expect: /maxInFlight/,
  },
  {
    name: "saveBackend: a negative timeout",
    feed: () => actions.backends.saveBackendAction({ ...backendInput, timeoutSeconds: -1 }),
    expect: /timeoutSeconds/,
  },
  {
    name: "saveBackend: an id that is SQL",
    feed: () => actions.backends.saveBackendAction(backendInput, "1; drop table runs"),
    expect: /backend id/,
  },
  { name: "saveBackend: a payload that is an array", feed: () => actions.backends.saveBackendAction([1, 2, 3]), expect: /not saved/ },
  { name: "deleteBackend: a negative id", feed: () => actions.backends.deleteBackendAction(-1), expect: /backend id/ },
  { name: "deleteBackend: an object as id", feed: () => actions.backends.deleteBackendAction({ id: 1 }), expect: /backend id/ },
  { name: "deleteBackend: a backend a run uses", feed: () => actions.backends.deleteBackendAction(simBackendId), expect: /run/i },
  {
    name: "testConnection: no base URL",
    feed: () => actions.backends.testConnectionAction({ baseUrls: [], apiKeyEnv: null, timeoutSeconds: 5 }),
    expect: /baseUrls/,
  },
  {
    name: "launchRun: extra fields beside the config",
    feed: () => actions.runs.launchRunAction({ config: smallConfig(), runAs: "root" }),
    expect: /runAs/,
  },
  {
    name: "launchRun: clone of a run that does not exist",
    feed: () => actions.runs.launchRunAction({ config: smallConfig(), clonedFromRunId: 999_999 }),
    expect: /999999 does not exist/,
  },
  {
    name: "launchRun: config with N as a string",
    feed: () => actions.runs.launchRunAction({ config: config({ judging: { ...small.judging, samples: "8" } }) }),
    expect: /judging\.samples/,
  },
  { name: "pauseRun: a run id that is text", feed: () => actions.runs.pauseRunAction({ runId: "1 or 1=1" }), expect: /runId/ },
  {
    name: "resumeRun: another run that is not paused",
    feed: () => actions.runs.resumeRunAction({ runId: otherRunId }),
    expect: new RegExp(`Run #\\d+ is queued`),
  },
  { name: "cancelRun: a run that does not exist", feed: () => actions.runs.cancelRunAction({ runId: 424242 }), expect: /424242/ },
  {
    name: "submitManualModel: a run that is not waiting for a model",
    feed: () => actions.runs.submitManualModelAction({ runId: otherRunId, iterationIndex: 0, model: "m", backendId: simBackendId }),
    expect: /is not waiting for a model for iteration 1/,
  },
  {
    name: "submitManualModel: an empty model",
    feed: () => actions.runs.submitManualModelAction({ runId: otherRunId, iterationIndex: 0, model: "", backendId: simBackendId }),
    expect: /model/,
  },
  { name: "deleteDataset: an id that is text", feed: () => actions.datasets.deleteDatasetAction("abc"), expect: /dataset/i },
  { name: "deleteDataset: a dataset a run uses", feed: () => actions.datasets.deleteDatasetAction(demoPoolId), expect: /run/i },
  {
    name: "stageServerPath: a path that does not exist",
    feed: () => actions.datasets.stageServerPathAction({ filePath: "/no/such/file.jsonl" }),
    expect: /filePath|No file/,
  },
  { name: "stageServerPath: a folder", feed: () => actions.datasets.stageServerPathAction({ filePath: "/tmp" }), expect: /folder/ },
  {
    name: "startImport: a staged id that is a path",
    feed: () => actions.datasets.startImportAction({ stageId: "../../etc/passwd", name: "x" }),
    expect: /stage|upload|file/i,
  },
  { name: "previewImport: nothing", feed: () => actions.datasets.previewImportAction({}), expect: /stage|upload|file/i },
  {
    name: "startDownload: a URL that is not http",
    feed: () => actions.datasets.startDownloadAction({ type: "url", url: "file:///etc/passwd" }),
    expect: /url/i,
  },
  { name: "cancelJob: a job id that is a number", feed: () => actions.datasets.cancelJobAction({ jobId: 42 }), expect: /jobId/ },
].map((e) => ({ ...e, entry: "server action" as const }));

const chatAt =
  (kind: string, n = 1) =>
  async () => {
    const c = new BackendClient(
      {
        name: "bad",
        baseUrls: [`${badServer.url}/${kind}`],
        apiKeyEnv: null,
        maxInFlight: 4,
        requestsPerMinute: null,
        tokensPerMinute: null,
        timeoutMs: 5000,
        supportsN: true,
      },
      { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    );
    return c.chat({ model: "m", messages: [{ role: "user", content: "Which is better?" }], n });
  };

const responseEntries: CorpusEntry[] = [
  { name: "a body that is not JSON", feed: chatAt("not-json"), expect: /not valid JSON/ },
  { name: "JSON without choices", feed: chatAt("no-choices"), expect: /not with a chat completion: choices/ },
  { name: "an empty choices list", feed: chatAt("empty-choices"), expect: /not with a chat completion: choices/ },
  { name: "a choice without a message", feed: chatAt("choice-without-message"), expect: /not with a chat completion: choices\.0\.message/ },
  { name: "content that is a number", feed: chatAt("content-number"), expect: /choices\.0\.message\.content/ },
  { name: "an 11 MB answer", feed: chatAt("huge"), expect: /more than the 10485760-byte limit/ },
  { name: "an HTML error page with status 200", feed: chatAt("html"), expect: /not valid JSON/ },
  { name: "an empty body", feed: chatAt("empty"), expect: /not valid JSON|not with a chat completion/ },
  { name: "a JSON array as the body", feed: chatAt("array-body"), expect: /not with a chat completion/ },
].map((e) => ({ ...e, entry: "backend response" as const }));

// ---------------------------------------------------------------------------------- judge jobs
// A judge put to work on a dataset of responses: the job actions, the judging API's routes, files
// of responses to judge and two systems' outputs joined. Every refusal names the field (or the file
// and line), stores nothing, and a valid judgment and a valid estimate still succeed afterwards.

const LIVE = "live sim";
const liveJudge = { kind: "model", backend: LIVE, model: "simjudge-base" } as const;
const PROMPT = "Explain why the sky looks blue during the day.";
const GOOD = "Sunlight scatters off air molecules; shorter blue wavelengths scatter far more, so blue reaches us from all over the sky.";
const POOR = "Because it reflects the ocean.";

let liveSim: TestSimJudge;
let canceledRunId = 0;
let completedJobId = 0;
let canceledJobId = 0;
let liveBackendId = 0;
let demoPairwiseId = 0;
let judgeActions: typeof import("@/app/judge/actions");
let routes: {
  judge: typeof import("@/app/api/v1/judge/route");
  batch: typeof import("@/app/api/v1/judge/batch/route");
  status: typeof import("@/app/api/v1/judge/jobs/[id]/route");
  results: typeof import("@/app/api/v1/judge/jobs/[id]/results/route");
  exports: typeof import("@/app/api/judge-jobs/[id]/export/[kind]/route");
};

const jobConfig = (overrides: Record<string, unknown> = {}) => ({
  name: "corpus job",
  judge: liveJudge,
  dataset: DEMO_PAIRWISE,
  maxItems: 3,
  ...overrides,
});
const estimate = (config: unknown) => () => judgeActions.estimateJudgeJobAction({ config });
const launchJob =
  (config: unknown, extra: Record<string, unknown> = {}) =>
  () =>
    judgeActions.launchJudgeJobAction({ config, ...extra });

/** A judge prompt with every placeholder it needs and one no judge can fill. */
const UNFILLABLE_PROMPT = "Compare the answers to {instruction}.\n[A] {response_a}\n[B] {response_b}\nAnswer in {format}: [[A]] or [[B]].";

const judgeActionEntries: CorpusEntry[] = [
  {
    name: "estimateJudgeJob: the judge is a run that does not exist",
    feed: () => estimate(jobConfig({ judge: { kind: "iteration", runId: 999_999, iteration: 0 } }))(),
    expect: /judge\.runId: There is no run #999999/,
  },
  {
    name: "estimateJudgeJob: the judge is an iteration the run does not have",
    feed: () => estimate(jobConfig({ judge: { kind: "iteration", runId: otherRunId, iteration: 7 } }))(),
    expect: /^judge\.iteration: There is no iteration 7 judge/m,
  },
  {
    name: "launchJudgeJob: the judge is a backend that does not exist",
    feed: launchJob(jobConfig({ judge: { kind: "model", backend: "gpt-9000 cluster", model: "m" } })),
    expect: /^judge\.backend: There is no backend named "gpt-9000 cluster"/m,
  },
  {
    name: "launchJudgeJob: iteration 1 of a run canceled before it trained",
    feed: () => launchJob(jobConfig({ judge: { kind: "iteration", runId: canceledRunId, iteration: 1 } }))(),
    expect: /^judge\.iteration: There is no iteration 1 judge: run #\d+ was canceled before it trained judge 1/m,
  },
  {
    name: 'launchJudgeJob: the judge as a "run:x:y" string, not the object',
    feed: launchJob(jobConfig({ judge: "run:1:0" })),
    expect: namesField("judge"),
  },
  {
    name: 'launchJudgeJob: a judge of kind "human"',
    feed: launchJob(jobConfig({ judge: { kind: "human", name: "me" } })),
    expect: namesField("judge.kind"),
  },
  {
    name: "launchJudgeJob: a runId that is text",
    feed: launchJob(jobConfig({ judge: { kind: "iteration", runId: "1; drop table runs", iteration: 0 } })),
    expect: namesField("judge.runId"),
  },
  {
    name: "estimateJudgeJob: a judge prompt without its placeholders",
    feed: estimate(jobConfig({ judge: { ...liveJudge, prompt: "Just say A." } })),
    expect: namesField("judge.prompt"),
  },
  {
    name: "launchJudgeJob: a judge prompt with a placeholder no judge can fill",
    feed: launchJob(jobConfig({ judge: { ...liveJudge, prompt: UNFILLABLE_PROMPT } })),
    expect: namesField("judge.prompt"),
  },
  {
    name: "launchJudgeJob: 3 samples at temperature 0",
    feed: launchJob(jobConfig({ samples: 3, temperature: 0 })),
    expect: /^temperature: Majority vote needs a temperature above 0/m,
  },
  { name: "launchJudgeJob: samples as a string", feed: launchJob(jobConfig({ samples: "3" })), expect: namesField("samples") },
  { name: "launchJudgeJob: 33 samples", feed: launchJob(jobConfig({ samples: 33, temperature: 1 })), expect: namesField("samples") },
  { name: 'launchJudgeJob: bothOrders as "yes"', feed: launchJob(jobConfig({ bothOrders: "yes" })), expect: namesField("bothOrders") },
  { name: "launchJudgeJob: maxItems of 0", feed: launchJob(jobConfig({ maxItems: 0 })), expect: namesField("maxItems") },
  { name: "launchJudgeJob: a 500-character name", feed: launchJob(jobConfig({ name: "n".repeat(500) })), expect: namesField("name") },
  {
    name: "launchJudgeJob: an unknown field in the config",
    feed: launchJob(jobConfig({ learningRate: 0.1 })),
    expect: /The judge job is not valid: .*learningRate/,
  },
  {
    name: "launchJudgeJob: an unknown field beside the config",
    feed: launchJob(jobConfig(), { priority: "high" }),
    expect: /Cannot launch: .*priority/,
  },
  { name: "estimateJudgeJob: a config that is null", feed: estimate(null), expect: /The judge job is not valid: \(input\)/ },
  {
    name: "estimateJudgeJob: an instruction pool as the job's dataset",
    feed: estimate(jobConfig({ dataset: "Demo instructions" })),
    expect: /^dataset: "Demo instructions" is an instruction pool/m,
  },
  {
    name: "launchJudgeJob: a dataset that does not exist",
    feed: launchJob(jobConfig({ dataset: "no such responses" })),
    expect: /^dataset: No dataset named "no such responses"/m,
  },
  {
    name: "launchJudgeJob: a parent job that does not exist",
    feed: launchJob(jobConfig(), { parentJobId: 999_999 }),
    expect: /parentJobId|Judge job #999999 does not exist/,
  },
  {
    name: "launchJudgeJob: a parent job id that is text",
    feed: launchJob(jobConfig(), { parentJobId: "1 or 1=1" }),
    expect: namesField("parentJobId"),
  },
  {
    name: "pauseJudgeJob: a job that has completed",
    feed: () => judgeActions.pauseJudgeJobAction({ jobId: completedJobId }),
    expect: /Judge job #\d+ is completed; a queued or running job can be paused/,
  },
  {
    name: "resumeJudgeJob: a job that was canceled",
    feed: () => judgeActions.resumeJudgeJobAction({ jobId: canceledJobId }),
    expect: /Judge job #\d+ is canceled; a paused or failed job can be resumed/,
  },
  {
    name: "cancelJudgeJob: a job that has completed",
    feed: () => judgeActions.cancelJudgeJobAction({ jobId: completedJobId }),
    expect: /Judge job #\d+ is completed; a finished job cannot be canceled/,
  },
  {
    name: "cancelJudgeJob: a job that does not exist",
    feed: () => judgeActions.cancelJudgeJobAction({ jobId: 424_242 }),
    expect: /Judge job #424242 does not exist/,
  },
  {
    name: "deleteDataset: responses a judge job uses",
    feed: () => actions.datasets.deleteDatasetAction(demoPairwiseId),
    expect: /"Demo responses \(pairwise\)" is used by judge jobs? .*"corpus completed job"/,
  },
  {
    name: "deleteBackend: the backend a judge job uses",
    feed: () => actions.backends.deleteBackendAction(liveBackendId),
    expect: /"live sim" is used by judge jobs? .*"corpus completed job"/,
  },
  {
    name: "pauseJudgeJob: a job id that is text",
    feed: () => judgeActions.pauseJudgeJobAction({ jobId: "1 or 1=1" }),
    expect: namesField("jobId"),
  },
  { name: "resumeJudgeJob: a negative job id", feed: () => judgeActions.resumeJudgeJobAction({ jobId: -3 }), expect: namesField("jobId") },
].map((e) => ({ ...e, entry: "server action" as const }));

const request = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : body instanceof Buffer ? new Uint8Array(body) : JSON.stringify(body),
  });
const postJudge = (body: unknown, headers?: Record<string, string>) => async () =>
  replyOf(await routes.judge.POST(request("/api/v1/judge", body, headers)));
const postBatch = (body: unknown, headers?: Record<string, string>) => async () =>
  replyOf(await routes.batch.POST(request("/api/v1/judge/batch", body, headers)));
const getJob = (route: "status" | "results", id: string) => async () =>
  replyOf(await routes[route].GET(new Request("http://localhost/"), { params: Promise.resolve({ id }) }));
const getExport = (id: string, kind: string) => async () =>
  replyOf(await routes.exports.GET(new Request("http://localhost/"), { params: Promise.resolve({ id, kind }) }));

const validJudge = { judge: `model:${LIVE}:simjudge-base`, prompt: PROMPT, responses: [GOOD, POOR] };
const judgeBody = (overrides: Record<string, unknown>) => ({ ...validJudge, ...overrides });
const ITEMS = [
  { id: "sky", prompt: PROMPT, responses: [GOOD, POOR], label: "A", category: "science" },
  { id: "sum", prompt: "What is 12 + 30?", responses: ["42", "It is 32."], label: "A" },
  { prompt: "Say hello in French.", responses: ["Bonjour !", "Salut !"], label: "tie" },
];
const batchBody = (change: (items: Record<string, unknown>[]) => void = () => {}, overrides: Record<string, unknown> = {}) => {
  const items = ITEMS.map((item) => ({ ...item })) as Record<string, unknown>[];
  change(items);
  return { judge: validJudge.judge, name: "corpus batch", items, ...overrides };
};
const tenMegabytes = JSON.stringify(judgeBody({ prompt: "x".repeat(10 * 1024 * 1024) }));

const routeEntries: CorpusEntry[] = [
  {
    name: "POST /judge: a judge string that is not run:x:y",
    feed: postJudge(judgeBody({ judge: "run:abc:1" })),
    expect: namesField("judge", 400),
  },
  { name: "POST /judge: run:0:0", feed: postJudge(judgeBody({ judge: "run:0:0" })), expect: namesField("judge", 400) },
  {
    name: "POST /judge: a run that does not exist",
    feed: postJudge(judgeBody({ judge: "run:999999:0" })),
    expect: namesField("judge.runId", 400),
  },
  {
    name: "POST /judge: an iteration the run does not have",
    feed: () => postJudge(judgeBody({ judge: `run:${otherRunId}:9` }))(),
    expect: namesField("judge.iteration", 400),
  },
  {
    name: "POST /judge: iteration 1 of a run canceled before it trained",
    feed: () => postJudge(judgeBody({ judge: `run:${canceledRunId}:1` }))(),
    expect: /^HTTP 400 [\s\S]*^judge\.iteration: .*canceled before it trained judge 1/m,
  },
  {
    name: "POST /judge: a backend that does not exist",
    feed: postJudge(judgeBody({ judge: "model:nope:some-model" })),
    expect: namesField("judge.backend", 400),
  },
  {
    name: "POST /judge: a judge prompt with a placeholder no judge can fill",
    feed: postJudge(judgeBody({ judge: { ...liveJudge, prompt: UNFILLABLE_PROMPT } })),
    expect: namesField("judge.prompt", 400),
  },
  {
    name: "POST /judge: a judge object with an unknown field",
    feed: postJudge(judgeBody({ judge: { ...liveJudge, temperature: 2 } })),
    expect: /^HTTP 400 [\s\S]*^judge: Unrecognized key: "temperature"/m,
  },
  { name: "POST /judge: the judge as a number", feed: postJudge(judgeBody({ judge: 42 })), expect: namesField("judge", 400) },
  { name: "POST /judge: an empty response", feed: postJudge(judgeBody({ responses: [GOOD, ""] })), expect: namesField("responses.1", 400) },
  {
    name: "POST /judge: a blank response",
    feed: postJudge(judgeBody({ responses: ["  \n\t ", POOR] })),
    expect: namesField("responses.0", 400),
  },
  { name: "POST /judge: a single response", feed: postJudge(judgeBody({ responses: [GOOD] })), expect: namesField("responses", 400) },
  { name: "POST /judge: no responses", feed: postJudge(judgeBody({ responses: [] })), expect: namesField("responses", 400) },
  {
    name: "POST /judge: 17 responses (over the limit of 16)",
    feed: postJudge(judgeBody({ responses: Array.from({ length: 17 }, (_, i) => `Answer ${i + 1}.`) })),
    expect: /^HTTP 400 [\s\S]*^responses: At most 16 responses/m,
  },
  {
    name: "POST /judge: responses as a string",
    feed: postJudge(judgeBody({ responses: `${GOOD} ${POOR}` })),
    expect: namesField("responses", 400),
  },
  {
    name: "POST /judge: a response that is a number",
    feed: postJudge(judgeBody({ responses: [GOOD, 42] })),
    expect: namesField("responses.1", 400),
  },
  { name: "POST /judge: samples as a string", feed: postJudge(judgeBody({ samples: "3" })), expect: namesField("samples", 400) },
  { name: 'POST /judge: both_orders as "yes"', feed: postJudge(judgeBody({ both_orders: "yes" })), expect: namesField("both_orders", 400) },
  {
    name: "POST /judge: 3 samples at temperature 0",
    feed: postJudge(judgeBody({ samples: 3, temperature: 0 })),
    expect: namesField("temperature", 400),
  },
  {
    name: "POST /judge: an unknown field",
    feed: postJudge(judgeBody({ temprature: 0.5 })),
    expect: /^HTTP 400 bad_request:job: The judge request is not valid: .*temprature/,
  },
  {
    name: "POST /judge: a 1.5 MB prompt (over the text limit, under the body limit)",
    feed: postJudge(judgeBody({ prompt: "x".repeat(1_500_000) })),
    expect: /^HTTP 400 [\s\S]*^prompt: The prompt is longer than 1,000,000 characters/m,
  },
  {
    name: "POST /judge: a 10 MB prompt with its Content-Length",
    feed: postJudge(tenMegabytes, { "content-length": String(Buffer.byteLength(tenMegabytes)) }),
    expect: /^HTTP 413 too_large:job: The request body is 10\.0 MB; the API takes at most 8\.0 MB/,
  },
  {
    name: "POST /judge: a 10 MB prompt with no Content-Length",
    feed: postJudge(tenMegabytes),
    expect: /^HTTP 413 too_large:job: The request body is over 8\.0 MB/,
  },
  {
    name: "POST /judge: a Content-Length that lies (says 10 bytes, sends 10 MB)",
    feed: postJudge(tenMegabytes, { "content-length": "10" }),
    expect: /^HTTP 413 too_large:job/,
  },
  {
    name: "POST /judge: a body that is not JSON",
    feed: postJudge('{"judge": "model:sim:m", "prompt": '),
    expect: /^HTTP 400 .*not valid JSON/,
  },
  { name: "POST /judge: an empty body", feed: postJudge(""), expect: /^HTTP 400 .*empty/ },
  { name: "POST /judge: a JSON array as the body", feed: postJudge("[1, 2]"), expect: namesField("(input)", 400) },
  { name: "POST /judge: JSON null as the body", feed: postJudge("null"), expect: namesField("(input)", 400) },
  {
    name: "POST /judge: a body that is not UTF-8",
    feed: postJudge(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
    expect: /^HTTP 400 .*not valid UTF-8/,
  },
  {
    name: "POST /judge/batch: items not a list",
    feed: postBatch(batchBody(undefined, { items: { prompt: PROMPT } })),
    expect: namesField("items", 400),
  },
  { name: "POST /judge/batch: no items", feed: postBatch(batchBody(undefined, { items: [] })), expect: namesField("items", 400) },
  {
    name: 'POST /judge/batch: an item\'s label "Z"',
    feed: postBatch(batchBody((l) => (l[1]!.label = "Z"))),
    expect: namesField("items.1.label", 400),
  },
  {
    name: "POST /judge/batch: a tie label with 3 responses",
    feed: postBatch(batchBody((l) => Object.assign(l[0]!, { responses: ["a", "b", "c"], label: "tie" }))),
    expect: /^HTTP 400 [\s\S]*^items\.0\.label: A "tie" label needs exactly two responses/m,
  },
  {
    name: "POST /judge/batch: duplicate item ids",
    feed: postBatch(batchBody((l) => (l[1]!.id = "sky"))),
    expect: namesField("items.1.id", 400),
  },
  {
    name: "POST /judge/batch: an id that is another item's position",
    feed: postBatch(batchBody((l) => (l[0]!.id = 2))),
    expect: namesField("items.2.id", 400),
  },
  {
    name: "POST /judge/batch: best-of-n with 1 response in the list",
    feed: postBatch(batchBody((l) => Object.assign(l[2]!, { responses: ["only one"], label: null }))),
    expect: namesField("items.2.responses", 400),
  },
  {
    name: "POST /judge/batch: an empty response",
    feed: postBatch(batchBody((l) => (l[1]!.responses = ["42", ""]))),
    expect: namesField("items.1.responses.1", 400),
  },
  {
    name: "POST /judge/batch: an unknown field in an item",
    feed: postBatch(batchBody((l) => (l[0]!.score = 5))),
    expect: namesField("items.0", 400),
  },
  {
    name: "POST /judge/batch: the judge as a number",
    feed: postBatch(batchBody(undefined, { judge: 7 })),
    expect: namesField("judge", 400),
  },
  {
    name: "POST /judge/batch: a backend that does not exist",
    feed: postBatch(batchBody(undefined, { judge: "model:nope:m" })),
    expect: namesField("judge.backend", 400),
  },
  {
    name: "POST /judge/batch: iteration 1 of a run canceled before it trained",
    feed: () => postBatch(batchBody(undefined, { judge: `run:${canceledRunId}:1` }))(),
    expect: namesField("judge.iteration", 400),
  },
  {
    name: "POST /judge/batch: a judge prompt with a placeholder no judge can fill",
    feed: postBatch(batchBody(undefined, { judge: { ...liveJudge, prompt: UNFILLABLE_PROMPT } })),
    expect: namesField("judge.prompt", 400),
  },
  {
    name: "POST /judge/batch: 2 samples at temperature 0",
    feed: postBatch(batchBody(undefined, { samples: 2, temperature: 0 })),
    expect: namesField("temperature", 400),
  },
  {
    name: "POST /judge/batch: samples as a string",
    feed: postBatch(batchBody(undefined, { samples: "2" })),
    expect: namesField("samples", 400),
  },
  { name: "POST /judge/batch: a blank name", feed: postBatch(batchBody(undefined, { name: "   " })), expect: namesField("name", 400) },
  { name: "POST /judge/batch: a body that is not JSON", feed: postBatch("{ items: [ }"), expect: /^HTTP 400 .*not valid JSON/ },
  {
    name: "POST /judge/batch: a 10 MB prompt",
    feed: postBatch(JSON.stringify(batchBody((l) => (l[0]!.prompt = "x".repeat(10 * 1024 * 1024))))),
    expect: /^HTTP 413 too_large:job/,
  },
  { name: "GET /judge/jobs/[id]: an id that is text", feed: getJob("status", "abc"), expect: /^HTTP 404 not_found:job: No judge job abc/ },
  { name: "GET /judge/jobs/[id]: an id that is SQL", feed: getJob("status", "1 or 1=1"), expect: /^HTTP 404 not_found:job/ },
  { name: "GET /judge/jobs/[id]: a negative id", feed: getJob("status", "-1"), expect: /^HTTP 404 not_found:job/ },
  { name: "GET /judge/jobs/[id]: a fractional id", feed: getJob("status", "1.5"), expect: /^HTTP 404 not_found:job/ },
  { name: "GET /judge/jobs/[id]: an id past 2^53", feed: getJob("status", "99999999999999999999999"), expect: /^HTTP 404 not_found:job/ },
  {
    name: "GET /judge/jobs/[id]: a job that does not exist",
    feed: getJob("status", "999999"),
    expect: /^HTTP 404 not_found:job: No judge job 999999/,
  },
  { name: "GET /judge/jobs/[id]/results: an id that is a path", feed: getJob("results", "../1"), expect: /^HTTP 404 not_found:job/ },
  { name: "GET /judge/jobs/[id]/results: an id in hex", feed: getJob("results", "0x1"), expect: /^HTTP 404 not_found:job/ },
  {
    name: "GET /judge-jobs/[id]/export/[kind]: an unknown export kind",
    feed: () => getExport(String(completedJobId), "items.xml")(),
    expect: /^HTTP 404 not_found:export: Unknown export "items\.xml"/,
  },
  {
    name: "GET /judge-jobs/[id]/export/[kind]: a kind that is a path",
    feed: () => getExport(String(completedJobId), "../../etc/passwd")(),
    expect: /^HTTP 404 not_found:export/,
  },
  {
    name: "GET /judge-jobs/[id]/export/[kind]: an id that is text",
    feed: getExport("abc", "items.csv"),
    expect: /^HTTP 404 not_found:job/,
  },
].map((e) => ({ ...e, entry: "HTTP route" as const }));

const importResponses = (name: string, content: string | Buffer, mapping?: Record<string, string>) => async () => {
  const file = files.write(name, content);
  return importDataset(getDb(), {
    files: [await describeSourceFile(file, name)],
    name: `bad responses ${name}`,
    kind: "responses",
    source: file,
    ...(mapping ? { mapping } : {}),
  });
};
const lines = (...rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
const bestOf = (fields: Record<string, unknown>) => ({
  id: "q",
  prompt: "Name a prime above 10.",
  responses: ["12", "13", "15"],
  ...fields,
});
const pairRow = (fields: Record<string, unknown>) => ({ prompt: "Say hi", response_a: "Hi!", response_b: "Hello.", ...fields });
const autoJ = (label: unknown) => ({ prompt: "Say hi", "response 1": "Hi!", "response 2": "Hello.", label });

const responsesFileEntries: CorpusEntry[] = [
  {
    name: "responses: a response that is a number",
    feed: importResponses("number-response.jsonl", lines(bestOf({ id: "q1" }), bestOf({ id: "q2", responses: ["12", 13, "15"] }))),
    expect: /number-response\.jsonl, line 2, field "responses\[1\]": expected text, got a number/,
  },
  {
    name: "responses: response_b is a number",
    feed: importResponses("number-b.jsonl", lines(pairRow({ id: 1 }), pairRow({ id: 2, response_b: 7 }))),
    expect: /number-b\.jsonl, line 2, field "response_b": expected text, got a number/,
  },
  {
    name: "responses: an empty response in a list",
    feed: importResponses("empty-response.jsonl", lines(bestOf({ id: "q1" }), bestOf({ id: "q2", responses: ["12", "", "15"] }))),
    expect: /empty-response\.jsonl, line 2, field "responses\[1\]": is empty/,
  },
  {
    name: "responses: a blank response_a",
    feed: importResponses("blank-a.jsonl", lines(pairRow({ id: 1 }), pairRow({ id: 2, response_a: "  \n " }))),
    expect: /blank-a\.jsonl, line 2, field "response_a": is empty/,
  },
  {
    name: "responses: best-of-n with 1 response in the list",
    feed: importResponses("one-response.jsonl", lines(bestOf({ id: "q1" }), bestOf({ id: "q2", responses: ["13"], best: null }))),
    expect: /one-response\.jsonl, line 2, field "responses": needs at least 2 responses to compare, got 1/,
  },
  {
    name: "responses: a file with a single response column",
    feed: importResponses("single.jsonl", lines({ prompt: "Say hi", response: "Hi!" }, { prompt: "Add", response: "4" })),
    expect: /single\.jsonl: .*(second response|responseB)/,
  },
  {
    name: "responses: a list that is not a list",
    feed: importResponses("not-a-list.jsonl", lines(bestOf({ id: "q1" }), bestOf({ id: "q2", responses: "12, 13, 15" }))),
    expect: /not-a-list\.jsonl, line 2, field "responses": expected a list of responses, got a string/,
  },
  {
    name: "responses: a list that is an object",
    feed: importResponses("object-list.jsonl", lines(bestOf({ id: "q1" }), bestOf({ id: "q2", responses: { a: "12", b: "13" } }))),
    expect: /object-list\.jsonl, line 2, field "responses": expected a list of responses, got an object/,
  },
  {
    name: "responses: an unreadable label under the auto-j scheme",
    feed: importResponses("auto-j.jsonl", lines(autoJ(0), autoJ(1), autoJ(3))),
    expect: /auto-j\.jsonl, line 3, field "label": cannot read 3 as a label \(label scheme "auto-j"\)/,
  },
  {
    name: "responses: a word label under the auto-j scheme",
    feed: importResponses("auto-j-word.jsonl", lines(autoJ(2), autoJ("maybe"))),
    expect: /auto-j-word\.jsonl, line 2, field "label": cannot read "maybe" as a label/,
  },
  {
    name: "responses: a tie label with 3 responses",
    feed: importResponses("tie-of-3.jsonl", lines(bestOf({ id: "q1", best: "B" }), bestOf({ id: "q2", best: "tie" }))),
    expect: /tie-of-3\.jsonl, line 2, field "best": a tie label needs exactly two responses/,
  },
  {
    name: "responses: a best letter past the last response",
    feed: importResponses("letter-d.jsonl", lines(bestOf({ id: "q1", best: "B" }), bestOf({ id: "q2", best: "D" }))),
    expect: /letter-d\.jsonl, line 2, field "best": cannot read "D" as a label/,
  },
  {
    name: "responses: duplicate ids",
    feed: importResponses("dup-ids.jsonl", lines(bestOf({ id: "q1" }), bestOf({ id: "q2" }), bestOf({ id: "q1", prompt: "Other" }))),
    expect: /dup-ids\.jsonl, line 3, field "id": duplicate id "q1"/,
  },
  {
    name: "responses: a message-list response without an assistant turn",
    feed: importResponses(
      "no-assistant.jsonl",
      lines(
        {
          conversation_a: [
            { role: "user", content: "hi" },
            { role: "assistant", content: "hello" },
          ],
          conversation_b: [
            { role: "user", content: "hi" },
            { role: "assistant", content: "hey" },
          ],
        },
        {
          conversation_a: [{ role: "user", content: "hi" }],
          conversation_b: [
            { role: "user", content: "hi" },
            { role: "assistant", content: "hey" },
          ],
        },
      ),
    ),
    expect: /no-assistant\.jsonl, line 2, field "conversation_a": has no assistant answer to judge/,
  },
  {
    name: "responses: a pair set (prompt, chosen, rejected) imported as responses",
    feed: importResponses("pairs-as-responses.jsonl", `${row({ id: 1 })}\n${row({ id: 2 })}\n`),
    expect: /pairs-as-responses\.jsonl: Map the columns: Pick the first response column/,
  },
  {
    name: "responses: a list and two response columns mapped at once",
    feed: importResponses("both-mapped.jsonl", lines(bestOf({ id: "q1", response_a: "x", response_b: "y" })), {
      responses: "responses",
      responseA: "response_a",
      responseB: "response_b",
    }),
    expect: /both-mapped\.jsonl: Map the columns: Map either a list of responses or two response columns, not both/,
  },
  {
    name: "responses: an unknown label scheme",
    feed: importResponses("scheme.jsonl", lines(autoJ(0), autoJ(1)), { labelScheme: "majority-of-llms" }),
    expect: /scheme\.jsonl: Map the columns: .*"auto-j"/,
  },
  {
    name: "responses: a mapping to a column the file does not have",
    feed: importResponses("mapped.jsonl", lines(pairRow({ id: 1 })), { label: "verdict" }),
    expect: /mapped\.jsonl: The label column "verdict" is not in the file/,
  },
].map((e) => ({ ...e, entry: "dataset file" as const }));

let joinCounter = 0;
const joinFiles = (a: [string, unknown[]], b: [string, unknown[]]) => async () =>
  joinTwoSystems({
    fileA: files.write(a[0], lines(...a[1])),
    fileB: files.write(b[0], lines(...b[1])),
    dir: `${files.dir}/joined-${joinCounter++}`,
  });
const sys = (id: number | string, response: unknown, prompt = `Question ${id}?`) => ({ id, prompt, response });

const twoSystemEntries: CorpusEntry[] = [
  {
    name: "two systems: a row missing its partner",
    feed: joinFiles(["v1-alone.jsonl", [sys(1, "a"), sys(2, "b"), sys(3, "c")]], ["v2-alone.jsonl", [sys(1, "A"), sys(2, "B")]]),
    expect: /v1-alone\.jsonl, line 3, field "id": no row in v2-alone\.jsonl has this id "3"/,
  },
  {
    name: "two systems: duplicate ids",
    feed: joinFiles(["v1-dup.jsonl", [sys(1, "a"), sys(2, "b")]], ["v2-dup.jsonl", [sys(1, "A"), sys(2, "B"), sys(2, "B again")]]),
    expect: /v2-dup\.jsonl, line 3, field "id": duplicate id "2" \(line 2 has it too\)/,
  },
  {
    name: "two systems: an output that is a number",
    feed: joinFiles(["v1-num.jsonl", [sys(1, "a"), sys(2, 2)]], ["v2-num.jsonl", [sys(1, "A"), sys(2, "B")]]),
    expect: /v1-num\.jsonl, line 2, field "response": expected text, got a number/,
  },
  {
    name: "two systems: one id with two prompts",
    feed: joinFiles(
      ["v1-prompt.jsonl", [sys(1, "a"), sys(2, "b")]],
      ["v2-prompt.jsonl", [sys(1, "A"), sys(2, "B", "A different question")]],
    ),
    expect: /v2-prompt\.jsonl, line 2, field "prompt": id "2" has a different prompt in v1-prompt\.jsonl/,
  },
  {
    name: "two systems: a file with no output column",
    feed: joinFiles(["v1-cols.jsonl", [sys(1, "a")]], ["v2-cols.jsonl", [{ id: 1, prompt: "Question 1?", score: 3 }]]),
    expect: /v2-cols\.jsonl, columns, field "output": no output column/,
  },
  {
    name: "two systems: an empty file",
    feed: async () =>
      joinTwoSystems({
        fileA: files.write("v1-full.jsonl", lines(sys(1, "a"))),
        fileB: files.write("v2-empty.jsonl", ""),
        dir: `${files.dir}/joined-empty`,
      }),
    expect: /v2-empty\.jsonl/,
  },
].map((e) => ({ ...e, entry: "dataset file" as const }));

// -------------------------------------------------------------------------------------- labels
// Human labels: making an annotation set, and the labelling loop's actions sent directly (a label
// for an item that does not exist, a choice outside A/B/tie/skip, a bad name or note), and the
// set's export route. Each is refused naming the field, and no set, item or label is stored.

let labelActions: typeof import("@/app/labels/actions");
let labelExports: typeof import("@/app/api/annotation-sets/[id]/export/[kind]/route");
let labelSetId = 0;
let labelItemId = 0;
const LABEL_SET = "corpus annotation set";
const makeSet = (input: Record<string, unknown>) => () => labelActions.createAnnotationSetAction({ name: "corpus set", ...input });
const pairsSet = (overrides: Record<string, unknown> = {}) =>
  makeSet({ kind: "training-pairs", runId: otherRunId, perCategory: 2, ...overrides });
const label = (overrides: Record<string, unknown>) => () =>
  labelActions.submitLabelAction({ setId: labelSetId, itemId: labelItemId, annotator: "corpus", shown: "A", timeMs: 1000, ...overrides });
const getSetExport = (id: string, kind: string) => async () =>
  replyOf(await labelExports.GET(new Request("http://localhost/"), { params: Promise.resolve({ id, kind }) }));

const labelEntries: CorpusEntry[] = [
  { name: "createAnnotationSet: a kind that does not exist", feed: makeSet({ kind: "everything" }), expect: namesField("kind") },
  {
    name: "createAnnotationSet: a run that does not exist",
    feed: () => pairsSet({ runId: 999_999 })(),
    expect: /^runId: There is no run #999999/m,
  },
  {
    name: "createAnnotationSet: a run with no training pairs yet",
    feed: () => pairsSet()(),
    expect: /^runId: Run #\d+ has no training pairs with both responses yet/m,
  },
  { name: "createAnnotationSet: 0 pairs per category", feed: () => pairsSet({ perCategory: 0 })(), expect: namesField("perCategory") },
  {
    name: "createAnnotationSet: pairs per category as text",
    feed: () => pairsSet({ perCategory: "4" })(),
    expect: namesField("perCategory"),
  },
  { name: "createAnnotationSet: 11 labels per item", feed: () => pairsSet({ labelsPerItem: 11 })(), expect: namesField("labelsPerItem") },
  { name: "createAnnotationSet: a blank name", feed: () => pairsSet({ name: "   " })(), expect: namesField("name") },
  {
    name: "createAnnotationSet: a name that is taken",
    feed: () => makeSet({ kind: "judge-job", jobId: completedJobId, name: LABEL_SET })(),
    expect: /^name: A set named "corpus annotation set" exists already/m,
  },
  {
    name: "createAnnotationSet: a judge job that does not exist",
    feed: makeSet({ kind: "judge-job", jobId: 999_999 }),
    expect: /^jobId: There is no judge job #999999/m,
  },
  {
    name: "createAnnotationSet: an instruction pool as the eval set",
    feed: () => makeSet({ kind: "eval-disagreements", runId: otherRunId, datasetId: demoPoolId })(),
    expect: /^datasetId: There is no eval set #\d+/m,
  },
  { name: "createAnnotationSet: a negative seed", feed: () => pairsSet({ seed: -1 })(), expect: namesField("seed") },
  {
    name: "submitLabel: an item that does not exist",
    feed: () => label({ itemId: 999_999 })(),
    expect: /^itemId: No such item in this set/m,
  },
  { name: "submitLabel: a choice outside A, B, tie and skip", feed: () => label({ shown: "C" })(), expect: namesField("shown") },
  {
    name: "submitLabel: the item's own terms instead of what was shown",
    feed: () => label({ shown: "first" })(),
    expect: namesField("shown"),
  },
  { name: "submitLabel: no choice", feed: () => label({ shown: undefined })(), expect: namesField("shown") },
  { name: "submitLabel: a blank annotator", feed: () => label({ annotator: " " })(), expect: namesField("annotator") },
  { name: "submitLabel: a 61-character annotator", feed: () => label({ annotator: "a".repeat(61) })(), expect: namesField("annotator") },
  {
    name: "submitLabel: an annotator with a control character",
    feed: () => label({ annotator: "ann\u0000" })(),
    expect: namesField("annotator"),
  },
  { name: "submitLabel: a 2,001-character note", feed: () => label({ note: "n".repeat(2001) })(), expect: namesField("note") },
  { name: "submitLabel: a negative time taken", feed: () => label({ timeMs: -5 })(), expect: namesField("timeMs") },
  { name: "submitLabel: a set that does not exist", feed: () => label({ setId: 999_999 })(), expect: /There is no annotation set #999999/ },
  { name: "submitLabel: a set id that is text", feed: () => label({ setId: "1 or 1=1" })(), expect: namesField("setId") },
  {
    name: "nextItem: no annotator",
    feed: () => labelActions.nextItemAction({ setId: labelSetId }),
    expect: /Say who is labelling|annotator must be a name/,
  },
  { name: "undoLabel: no set id", feed: () => labelActions.undoLabelAction({ annotator: "corpus" }), expect: namesField("setId") },
  {
    name: "deleteAnnotationSet: a set that does not exist",
    feed: () => labelActions.deleteAnnotationSetAction({ setId: 999_999 }),
    expect: /There is no annotation set #999999/,
  },
].map((e) => ({ ...e, entry: "server action" as const }));

const labelRouteEntries: CorpusEntry[] = [
  {
    name: "GET /annotation-sets/[id]/export/[kind]: an unknown export kind",
    feed: () => getSetExport(String(labelSetId), "labels.xml")(),
    expect: /^HTTP 404 not_found:export: Unknown export "labels\.xml"/,
  },
  {
    name: "GET /annotation-sets/[id]/export/[kind]: an id that is text",
    feed: getSetExport("abc", "labels.csv"),
    expect: /^HTTP 404 not_found:labels/,
  },
  {
    name: "GET /annotation-sets/[id]/export/[kind]: a set that does not exist",
    feed: getSetExport("999999", "labels.csv"),
    expect: /^HTTP 404 not_found:labels/,
  },
].map((e) => ({ ...e, entry: "HTTP route" as const }));


const judgeEntries = [
  ...judgeActionEntries,
  ...routeEntries,
  ...responsesFileEntries,
  ...twoSystemEntries,
  ...labelEntries,
  ...labelRouteEntries,
];

describe("bad input corpus", () => {
  const all = [...datasetEntries, ...runConfigEntries, ...actionEntries, ...responseEntries, ...judgeEntries];
  const judging = new Set<CorpusEntry>(judgeEntries);

  it("has at least 220 entries across every entry point, each named once", () => {
    expect(all.length).toBeGreaterThanOrEqual(220);
    expect([...new Set(all.map((e) => e.entry))].sort()).toEqual([
      "HTTP route",
      "backend response",
      "dataset file",
      "run config",
      "server action",
    ]);
    expect(new Set(all.map((e) => `${e.entry}: ${e.name}`)).size).toBe(all.length);
  });

  const walkEntry = (entry: CorpusEntry) =>
    walk(entry, entry.entry === "backend response" ? null : temp.db.$client, judging.has(entry) ? judgeStillServing : stillServing);

  it.each(all.map((e) => [`${e.entry}: ${e.name}`, e] as const))("%s", async (_name, entry) => {
    await walkEntry(entry);
  });

  it("answers an action on a database that cannot be written with the reason, and the next one works", async () => {
    const sqlite = getDb().$client;
    sqlite.pragma("query_only = 1");
    try {
      const result = await actions.backends.saveBackendAction({ ...backendInput, name: "written to a read-only database" });
      expect(result).toMatchObject({ ok: false, code: "unavailable:database" });
      expect(refusalText(result)).toMatch(/read-only \(SQLITE_READONLY\)\. Make it writable, then try again\./);
    } finally {
      sqlite.pragma("query_only = 0");
    }
    expect(await actions.backends.saveBackendAction({ ...backendInput, name: "written once it is writable" })).toMatchObject({ ok: true });
  });

  it("answers a wrong n by asking one sample at a time, so the caller still gets N samples", async () => {
    const single = await startHttpServer((req, res) => {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ choices: [{ index: 0, message: { content: "[[A]]" }, finish_reason: "stop" }] }));
    });
    try {
      const c = new BackendClient(
        {
          name: "wrong n",
          baseUrls: [single.url],
          apiKeyEnv: null,
          maxInFlight: 4,
          requestsPerMinute: null,
          tokensPerMinute: null,
          timeoutMs: 5000,
          supportsN: true,
        },
        { maxAttempts: 1 },
      );
      const result = await c.chat({ model: "m", messages: [{ role: "user", content: "x" }], n: 4 });
      expect(result.samples).toHaveLength(4);
    } finally {
      await single.close();
    }
  });
});

/** For the judge-job entries: a valid judgment over HTTP and a valid job estimate still succeed. */
async function judgeStillServing() {
  await stillServing();
  const response = await routes.judge.POST(request("/api/v1/judge", validJudge));
  expect(response.status, await response.clone().text()).toBe(200);
  expect(((await response.json()) as { comparisons: unknown[] }).comparisons).toHaveLength(1);
  expect(await judgeActions.estimateJudgeJobAction({ config: jobConfig() })).toMatchObject({ ok: true, data: { items: 3 } });
}

async function stillServing() {
  expect(gunzipSync(gzipSync("ok")).toString()).toBe("ok");
  // The database connection is open and intact: the demo data is still there.
  expect(listDatasets(temp.db).map((d) => d.name)).toEqual(expect.arrayContaining(["Demo instructions", "Demo eval pairs"]));
}

let simBackendId = 0;
let otherRunId = 0;
let demoPoolId = 0;
const backendInput = {
  name: "corpus backend",
  preset: "vllm",
  baseUrls: ["http://127.0.0.1:8000/v1"],
  apiKeyEnv: null,
  maxInFlight: 8,
  requestsPerMinute: null,
  tokensPerMinute: null,
  timeoutSeconds: 30,
  supportsN: true,
  supportsFineTuning: false,
};

beforeAll(() => {
  // A queued run (never driven here): its backend and datasets are in use.
  const run = launchRun(temp.db, smallConfig({ name: "corpus run" }));
  otherRunId = run.id;
  simBackendId = temp.db.$client.prepare("select id from backends where name = 'sim'").pluck().get() as number;
  demoPoolId = temp.db.$client.prepare("select id from datasets where name = 'Demo instructions'").pluck().get() as number;
});

beforeAll(async () => {
  // Judge jobs: a live SimJudge as a backend, a run canceled before it trained, a job that has
  // completed and one that was canceled.
  liveSim = await startSimJudge();
  liveBackendId = createBackend(
    temp.db,
    backendInputSchema.parse({ ...backendInput, name: LIVE, preset: "simjudge", baseUrls: [liveSim.url] }),
  ).id;
  demoPairwiseId = temp.db.$client.prepare("select id from datasets where name = ?").pluck().get(DEMO_PAIRWISE) as number;
  const canceled = launchRun(temp.db, smallConfig({ name: "corpus run canceled before training" }), { status: "paused" });
  cancelRun(temp.db, canceled.id);
  canceledRunId = canceled.id;
  judgeActions = await import("@/app/judge/actions");
  routes = {
    judge: await import("@/app/api/v1/judge/route"),
    batch: await import("@/app/api/v1/judge/batch/route"),
    status: await import("@/app/api/v1/judge/jobs/[id]/route"),
    results: await import("@/app/api/v1/judge/jobs/[id]/results/route"),
    exports: await import("@/app/api/judge-jobs/[id]/export/[kind]/route"),
  };
  const done = launchJudgeJob(temp.db, jobConfig({ name: "corpus completed job" }));
  expect(await driveJudgeJob(temp.db, done.id, { signal: new AbortController().signal })).toBe("completed");
  completedJobId = done.id;
  const stopped = launchJudgeJob(temp.db, jobConfig({ name: "corpus canceled job" }));
  controlJudgeJob(temp.db, stopped.id, "cancel");
  canceledJobId = stopped.id;
}, 60_000);
afterAll(async () => {
  await liveSim?.close();
});

// After the judge-job setup above: the set is made from its completed job.
beforeAll(async () => {
  labelActions = await import("@/app/labels/actions");
  labelExports = await import("@/app/api/annotation-sets/[id]/export/[kind]/route");
  const made = await labelActions.createAnnotationSetAction({ kind: "judge-job", jobId: completedJobId, name: LABEL_SET });
  if (!made.ok) throw new Error(made.message);
  labelSetId = made.data.setId;
  const next = await labelActions.nextItemAction({ setId: labelSetId, annotator: "corpus" });
  if (!next.ok || !next.data.item) throw new Error("the corpus annotation set has no item");
  labelItemId = next.data.item.id;
}, 60_000);
