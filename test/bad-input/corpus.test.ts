// The bad-input corpus: malformed and hostile inputs at every entry point (dataset files of each
// format, run configs, server action payloads sent directly, backend responses). Each must be
// refused with an error naming the file and line or the action and field; the database must be
// unchanged, and the process must keep serving. See corpus-harness.ts for the walker.
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importDataset } from "@/lib/datasets/import-dataset";
import { describeSourceFile } from "@/lib/datasets/source-file";
import { BackendClient } from "@/lib/inference/chat-client";
import { launchRun } from "@/lib/runner/launch";
import { getDb } from "@/lib/db/client";
import { listDatasets } from "@/lib/db/queries/datasets";
import { parseConfigFile } from "@/lib/pipeline/config-file";
import { fileMaker, type FileMaker } from "../helpers/files";
import { startHttpServer, type TestServer } from "../helpers/http-server";
import { prepareRunDb, smallConfig } from "../helpers/run-fixture";
import { createTempDb, type TempDb } from "../helpers/temp-db";
import { refusalText, walk, type CorpusEntry } from "./corpus-harness";

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

describe("bad input corpus", () => {
  const all = [...datasetEntries, ...runConfigEntries, ...actionEntries, ...responseEntries];

  it("has at least 60 entries across every entry point", () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect([...new Set(all.map((e) => e.entry))].sort()).toEqual(["backend response", "dataset file", "run config", "server action"]);
  });

  it.each(all.map((e) => [`${e.entry}: ${e.name}`, e] as const))("%s", async (_name, entry) => {
    await walk(entry, entry.entry === "backend response" ? null : temp.db.$client, stillServing);
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
