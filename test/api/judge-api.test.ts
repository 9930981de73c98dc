// The judging API end to end: the route handlers called with real Requests, on a real SQLite file
// (DATABASE_URL, as the server opens it) against a real SimJudge over HTTP. One judgment now
// (pairwise in both orders, best-of-4 by knockout), bad input refused naming the field with
// nothing stored and the API still answering, a batch that becomes a judge job a runner completes
// (status and JSON Lines results), and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { batchRequestSchema } from "@/lib/judge-jobs/batch-input";
import { judgeRequestSchema, type JudgeAnswer } from "@/lib/judge-jobs/judge-now";
import { cancelRun } from "@/lib/runner/control";
import { driveJudgeJob } from "@/lib/runner/jobs/drive-job";
import { launchRun } from "@/lib/runner/launch";
import * as judgeRoute from "@/app/api/v1/judge/route";
import * as batchRoute from "@/app/api/v1/judge/batch/route";
import * as statusRoute from "@/app/api/v1/judge/jobs/[id]/route";
import * as resultsRoute from "@/app/api/v1/judge/jobs/[id]/results/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import { smallConfig } from "../helpers/run-fixture";
import { simRunSuite } from "../helpers/sim-run-suite";

const suite = simRunSuite();
const SIM = "model:sim:simjudge-base";
const globalDb = globalThis as unknown as { judgeLabDb?: { file: string; db: Db } };
let previousUrl: string | undefined;

beforeAll(() => {
  // The routes open the database the server would: getDb() reads DATABASE_URL on each call.
  previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = suite.temp.file;
});

afterAll(() => {
  globalDb.judgeLabDb?.db.$client.close();
  delete globalDb.judgeLabDb;
  if (previousUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = previousUrl;
});

const post = (
  route: { POST: (request: Request) => Promise<Response> },
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  route.POST(
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const judge = (body: unknown, headers?: Record<string, string>) => post(judgeRoute, "/api/v1/judge", body, headers);
const batch = (body: unknown) => post(batchRoute, "/api/v1/judge/batch", body);
const get = (route: { GET: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response> }, id: string | number) =>
  route.GET(new Request("http://localhost/"), { params: Promise.resolve({ id: String(id) }) });

type Refusal = { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };

const stored = (db: Db) =>
  db.get<{ datasets: number; jobs: number; judgments: number }>(sql`
    select (select count(*) from datasets) as datasets, (select count(*) from judge_jobs) as jobs,
      (select count(*) from judge_judgments) as judgments`)!;

const PROMPT = "Explain why the sky looks blue during the day.";
const GOOD =
  "Sunlight scatters off air molecules; shorter blue wavelengths scatter far more (Rayleigh scattering), so blue light reaches us from every direction of the sky.";
const POOR = "Because it reflects the ocean.";

describe("POST /api/v1/judge", () => {
  it("judges a pair in both orders: a verdict, its vote share and consistency, every trace, the usage", async () => {
    const response = await judge({ judge: SIM, prompt: PROMPT, responses: [GOOD, POOR], samples: 1, both_orders: true });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as JudgeAnswer;
    expect(["A", "B", "tie", "unparsed"]).toContain(answer.verdict);
    expect(answer.judge).toContain("simjudge-base");
    expect(answer.comparisons).toHaveLength(1);
    const judgments = answer.comparisons[0]!.judgments;
    expect(judgments.map((j) => j.order).sort()).toEqual(["as-given", "swapped"]);
    for (const j of judgments) expect(j.trace.length).toBeGreaterThan(0);
    const readable = judgments.filter((j) => j.choice !== "unparsed");
    if (readable.length === 2) expect(typeof answer.consistent).toBe("boolean");
    // A decided verdict's vote share is its votes over all votes (an unreadable one included).
    const count = (choice: string) => judgments.filter((j) => j.choice === choice).length;
    if (answer.verdict === "A") expect(answer.vote_share).toBe(count("first") / 2);
    else if (answer.verdict === "B") expect(answer.vote_share).toBe(count("second") / 2);
    else if (answer.vote_share !== null) expect(answer.vote_share).toBeLessThanOrEqual(1);
    expect(answer.usage.requests).toBe(2);
    expect(answer.usage.prompt_tokens).toBeGreaterThan(0);
    expect(answer.usage.completion_tokens).toBeGreaterThan(0);
    expect(answer.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it("takes a majority of samples in each order", async () => {
    const response = await judge({ judge: SIM, prompt: PROMPT, responses: [GOOD, POOR], samples: 3, temperature: 0.8 });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as JudgeAnswer;
    expect(answer.comparisons[0]!.judgments).toHaveLength(6);
  });

  it("ranks four responses by knockout: three comparisons and a full ranking", async () => {
    const responses = [
      POOR,
      GOOD,
      "The sky is blue.",
      "Blue light is scattered more strongly than red light by the atmosphere's molecules.",
    ];
    const response = await judge({ judge: SIM, prompt: PROMPT, responses, ranking: "knockout" });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as JudgeAnswer;
    expect(answer.comparisons).toHaveLength(3);
    expect([...answer.ranking!].sort()).toEqual([0, 1, 2, 3]);
    expect(answer.ranking![0]).toBe(answer.best);
    expect(answer.verdict).toBe("ABCD"[answer.best!]);
  });

  it("refuses bad requests naming the field, stores nothing, and keeps answering", async () => {
    const { db } = suite.temp;
    const before = stored(db);
    const canceled = launchRun(db, smallConfig({ name: "never trained" }), { status: "paused" });
    cancelRun(db, canceled.id);
    const refusal = async (body: unknown, status = 400, headers?: Record<string, string>) => {
      const response = await judge(body, headers);
      expect(response.status).toBe(status);
      const reply = (await response.json()) as Refusal;
      expect(reply.ok).toBe(false);
      return reply;
    };
    const valid = { judge: SIM, prompt: PROMPT, responses: [GOOD, POOR] };
    expect((await refusal({ ...valid, judge: "model:nope:some-model" })).fieldErrors).toHaveProperty(["judge.backend"]);
    expect((await refusal({ ...valid, judge: "the best judge" })).fieldErrors).toHaveProperty(["judge"]);
    expect((await refusal({ ...valid, judge: "run:99999:0" })).fieldErrors).toHaveProperty(["judge.runId"]);
    const neverTrained = await refusal({ ...valid, judge: `run:${canceled.id}:1` });
    expect(neverTrained.fieldErrors!["judge.iteration"]).toMatch(/canceled before it trained judge 1/);
    expect((await refusal({ ...valid, responses: [GOOD, ""] })).fieldErrors).toHaveProperty(["responses.1"]);
    expect((await refusal({ ...valid, responses: [GOOD, "   "] })).fieldErrors).toHaveProperty(["responses.1"]);
    expect((await refusal({ ...valid, responses: [GOOD] })).fieldErrors).toHaveProperty(["responses"]);
    expect((await refusal({ ...valid, responses: "x" })).fieldErrors).toHaveProperty(["responses"]);
    expect((await refusal({ ...valid, samples: "2" })).fieldErrors).toHaveProperty(["samples"]);
    expect((await refusal({ ...valid, samples: 3, temperature: 0 })).fieldErrors).toHaveProperty(["temperature"]);
    expect((await refusal({ ...valid, prompt: "" })).fieldErrors).toHaveProperty(["prompt"]);
    const unknown = await refusal({ ...valid, temprature: 0.5 });
    expect(unknown.message).toContain("temprature");
    expect(Object.keys(unknown.fieldErrors!)).toEqual(["(input)"]);
    // A prompt over the text limit but under the body limit is a field error; a 10 MB body is too large.
    expect((await refusal({ ...valid, prompt: "x".repeat(1_500_000) })).fieldErrors).toHaveProperty(["prompt"]);
    const huge = JSON.stringify({ ...valid, prompt: "x".repeat(10 * 1024 * 1024) });
    expect((await refusal(huge, 413, { "content-length": String(Buffer.byteLength(huge)) })).message).toMatch(/at most 8\.0 MB/);
    expect((await refusal(huge, 413)).code).toBe("too_large:job");
    expect((await refusal("{ not json", 400)).message).toMatch(/not valid JSON/);
    expect((await refusal("", 400)).message).toMatch(/empty/);
    expect((await refusal("[1, 2]", 400)).fieldErrors).toHaveProperty(["(input)"]);
    expect(stored(db)).toEqual(before);
    expect((await judge(valid)).status).toBe(200);
  });

  it("answers 503 when the judge's backend fails, and keeps serving", async () => {
    const response = await judge({ judge: "model:sim:no-such-model", prompt: PROMPT, responses: [GOOD, POOR] });
    expect(response.status).toBe(503);
    const reply = (await response.json()) as Refusal;
    expect(reply.code).toBe("unavailable:job");
    expect(reply.message).toMatch(/backend sim failed/);
    expect((await judge({ judge: SIM, prompt: PROMPT, responses: [GOOD, POOR] })).status).toBe(200);
  });
});

const ITEMS = [
  { id: "sky", prompt: PROMPT, responses: [GOOD, POOR], label: "A", category: "science" },
  { id: "sum", prompt: "What is 12 + 30?", responses: ["42", "It is 32, since 12 + 30 = 32."], label: "A", category: "math" },
  { id: "cap", prompt: "What is the capital of Australia?", responses: ["Sydney.", "Canberra is the capital of Australia."], label: "B" },
  { id: "hi", prompt: "Say hello in French.", responses: ["Bonjour !", "Salut !"], label: "tie", category: "language" },
  { prompt: "Name a prime number above 10.", responses: ["15", "13 is prime: its only divisors are 1 and 13."], label: "b" },
  { prompt: "Give a synonym of 'quick'.", responses: ["fast", "slow"] },
];

describe("POST /api/v1/judge/batch and the job endpoints", () => {
  it("creates a judge job a runner completes; its status and results endpoints report it", async () => {
    const { db } = suite.temp;
    const response = await batch({ judge: SIM, name: "api batch", items: ITEMS, both_orders: true });
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as Record<string, unknown> & {
      job_id: number;
      dataset: { id: number; name: string; reused: boolean };
    };
    expect(accepted).toMatchObject({
      status: "queued",
      name: "api batch",
      items: 6,
      planned_comparisons: 6,
      planned_judgments: 12,
      status_url: `/api/v1/judge/jobs/${accepted.job_id}`,
      results_url: `/api/v1/judge/jobs/${accepted.job_id}/results`,
      page_url: `/judge/${accepted.job_id}`,
    });
    expect(accepted.dataset).toMatchObject({ name: "api batch", reused: false });

    const queued = (await (await get(statusRoute, accepted.job_id)).json()) as {
      status: string;
      progress: { items: number; items_done: number };
    };
    expect(queued.status).toBe("queued");
    expect(queued.progress).toMatchObject({ items: 6, items_done: 0 });

    expect(await driveJudgeJob(db, accepted.job_id, { signal: new AbortController().signal })).toBe("completed");
    const statusResponse = await get(statusRoute, accepted.job_id);
    expect(statusResponse.status).toBe(200);
    const status = (await statusResponse.json()) as {
      status: string;
      finished_at: string | null;
      progress: { items_done: number; judgments_done: number; tokens: { prompt: number } };
      results: {
        pairwise: boolean;
        win_rate: { counts: Record<string, number> };
        agreement: { labelled: number };
        consistency: { of: number };
      };
    };
    expect(status.status).toBe("completed");
    expect(status.finished_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(status.progress).toMatchObject({ items_done: 6, judgments_done: 12 });
    expect(status.progress.tokens.prompt).toBeGreaterThan(0);
    expect(status.results.pairwise).toBe(true);
    const counts = status.results.win_rate.counts;
    expect(counts.a! + counts.b! + counts.tie! + counts.unparsed!).toBe(6);
    expect(status.results.agreement.labelled).toBe(5);

    const results = await get(resultsRoute, accepted.job_id);
    expect(results.status).toBe(200);
    expect(results.headers.get("content-type")).toContain("application/jsonl");
    const lines = (await results.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(["sky", "sum", "cap", "hi", "4", "5"]);
    expect(lines.map((l) => l.label)).toEqual(["A", "A", "B", "tie", "B", null]);
    for (const line of lines) {
      expect(["A", "B", "tie", "unparsed"]).toContain(line.verdict);
      expect(line.responses).toHaveLength(2);
      expect(line.votes).toEqual(expect.objectContaining({ first: expect.any(Number), second: expect.any(Number) }));
    }
    expect(lines[0]).toMatchObject({ category: "science", prompt: PROMPT, responses: [GOOD, POOR] });
  });

  it("reuses the dataset of items sent before, and makes a taken name unique", async () => {
    const first = (await (await batch({ judge: SIM, name: "again", items: ITEMS.slice(0, 3) })).json()) as {
      dataset: { id: number; name: string; reused: boolean };
    };
    expect(first.dataset).toMatchObject({ name: "again", reused: false });
    const repeat = await batch({ judge: SIM, name: "again, later", items: ITEMS.slice(0, 3) });
    expect(repeat.status).toBe(202);
    expect(((await repeat.json()) as { dataset: unknown }).dataset).toEqual({ ...first.dataset, reused: true });
    const other = (await (await batch({ judge: SIM, name: "again", items: ITEMS.slice(3) })).json()) as {
      name: string;
      dataset: { name: string };
    };
    expect(other).toMatchObject({ name: "again", dataset: { name: "again (2)" } });
  });

  it("refuses a bad batch naming the item and field, and stores nothing", async () => {
    const { db } = suite.temp;
    const before = stored(db);
    const refusal = async (body: unknown) => {
      const response = await batch(body);
      expect(response.status).toBe(400);
      return ((await response.json()) as Refusal).fieldErrors ?? {};
    };
    const items = (change: (list: Record<string, unknown>[]) => void) => {
      const list = ITEMS.map((item) => ({ ...item })) as Record<string, unknown>[];
      change(list);
      return { judge: SIM, items: list };
    };
    expect(await refusal(items((l) => (l[3]!.responses = ["ok", ""])))).toHaveProperty(["items.3.responses.1"]);
    expect(await refusal(items((l) => (l[2]!.responses = ["only one"])))).toHaveProperty(["items.2.responses"]);
    expect(await refusal(items((l) => (l[0]!.label = "Z")))).toHaveProperty(["items.0.label"]);
    expect(await refusal(items((l) => (l[0]!.responses = ["a", "b", "c"]) && (l[0]!.label = "tie")))).toHaveProperty(["items.0.label"]);
    expect(await refusal(items((l) => (l[1]!.id = "sky")))).toHaveProperty(["items.1.id"]);
    expect(await refusal(items((l) => (l[1]!.extra = true)))).toHaveProperty(["items.1"]);
    expect(await refusal({ judge: SIM, items: [] })).toHaveProperty(["items"]);
    expect(await refusal({ judge: SIM, items: "x" })).toHaveProperty(["items"]);
    expect(await refusal({ ...items(() => {}), judge: "model:nope:m" })).toHaveProperty(["judge.backend"]);
    expect(await refusal({ ...items(() => {}), samples: 2 })).toHaveProperty(["temperature"]);
    expect(await refusal({ ...items(() => {}), max_items: 0 })).toHaveProperty(["max_items"]);
    expect(stored(db)).toEqual(before);
  });

  it("answers 404 for a job that does not exist", async () => {
    for (const id of ["99999", "abc"]) {
      expect((await get(statusRoute, id)).status).toBe(404);
      expect((await get(resultsRoute, id)).status).toBe(404);
    }
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document of the four endpoints, with bearer auth and examples that validate", async () => {
    const response = await openApiRoute.GET(new Request("http://127.0.0.1:3000/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    const doc = JSON.parse(await response.text()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { example?: unknown }> } }>>;
      components: {
        securitySchemes: Record<string, { type: string; scheme: string }>;
        schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
      };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/v1/judge",
      "/api/v1/judge/batch",
      "/api/v1/judge/jobs/{id}",
      "/api/v1/judge/jobs/{id}/results",
    ]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const request = doc.components.schemas.JudgeRequest!;
    expect(request.required).toEqual(["judge", "prompt", "responses"]);
    expect(Object.keys(request.properties!)).toEqual(Object.keys(judgeRequestSchema.shape));
    expect(Object.keys(doc.components.schemas.BatchRequest!.properties!)).toEqual(Object.keys(batchRequestSchema.shape));
    const example = (path: string) => doc.paths[path]!.post!.requestBody!.content["application/json"]!.example;
    expect(judgeRequestSchema.safeParse(example("/api/v1/judge")).success).toBe(true);
    expect(batchRequestSchema.safeParse(example("/api/v1/judge/batch")).success).toBe(true);
    // Every $ref points at a schema the document has.
    for (const ref of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g))
      expect(doc.components.schemas).toHaveProperty([ref[1]!]);
  });
});
