/**
 * Section: judging, the judge-as-a-service paths.
 * 1. API overhead: one pairwise judgment (one order, one sample) asked K times in turn of a
 *    SimJudge at L = 20 ms, by the bare inference client (the exact request the API sends), by the
 *    same client through a do-nothing forwarder (the floor any extra HTTP hop costs here), by
 *    judgeNow in this process (the route's work without an HTTP server), and through
 *    `POST /api/v1/judge` of the app itself (`next start`, production build, fresh database), on
 *    the Next.js route and on the judging listener; the listener's added median over the bare
 *    client is held against 2 ms.
 * 2. Job throughput: a judge job over P pairwise items in both orders, one sample (2P judgments),
 *    driven by the real `driveJudgeJob` in a worker process against SimJudge at L = 200 ms with
 *    C = 256, and in the same run, against the same (warmed-up) server, the bare client sending
 *    the same requests; the ratio is held against 0.90, C/L is the ceiling on a real deployment.
 */
import os from "node:os";
import path from "node:path";
import { Agent, request } from "undici";
import { openDatabase, type Db } from "@/lib/db/client";
import type { BackendRow } from "@/lib/db/schema";
import { BackendClient, type ChatParams } from "@/lib/inference/chat-client";
import { unitOrders } from "@/lib/pipeline/evaluate";
import { judgeConversation, judgePromptFor } from "@/lib/pipeline/judge";
import { firstRound } from "@/lib/pipeline/jobs/item-plan";
import { withCriteria } from "@/lib/pipeline/jobs/job-config";
import { unitSeed } from "@/lib/pipeline/seeds";
import { judgeNow, judgeRefOf, parseJudgeRequest } from "@/lib/judge-jobs/judge-now";
import { serverClients } from "@/lib/judge-jobs/server-clients";
import { findAppBuild, freePort, processCpuMs, startAppServer, type AppServer } from "../support/app-server";
import type { JobBareClientInput, JobBareClientResult } from "../support/job-bare-client-worker";
import { demoPairwiseRows, seedBackendOnly, seedJudgeJobBench, SIM_BACKEND, SIM_MODEL } from "../support/judge-job-db";
import { MIGRATIONS } from "../support/judge-bench-db";
import type { JudgeJobWorkerInput, JudgeJobWorkerResult } from "../support/judge-job-worker";
import { runWorker, startForwarderProcess, startSimJudgeProcess } from "../support/processes";
import type { BenchSection, SectionContext, SectionResult } from "../support/section";
import { fmt, percentile, round, throughputFigures } from "../support/stats";

const API_LATENCY_MS = 20;
const API_GOAL_MS = 2;
const JOB_LATENCY_MS = 200;
const C = 256;

export const judgingSection: BenchSection = {
  name: "judging",
  title: "Judging: the API and judge jobs",
  async run(ctx) {
    const api = await measureApiOverhead(ctx);
    const job = await measureJobThroughput(ctx);
    return { figures: { api: api.figures, job: job.figures }, rows: [...api.rows, ...job.rows] };
  },
};

/** The chat call judgeNow makes for a two-response, one-order request (same prompt, sampling and seed). */
function directChatParams(body: unknown): ChatParams {
  const req = parseJudgeRequest(body);
  const ref = judgeRefOf(req.judge);
  if (ref.kind !== "model" || req.responses.length !== 2 || req.both_orders)
    throw new Error("the API measure needs a model judge, two responses, one order");
  const rules = { ranking: req.ranking, seed: req.seed, bothOrders: req.both_orders };
  const c = firstRound(2, rules, 0)[0]!;
  const position = unitOrders(false, req.seed, "job-order", 0, c.round, c.slot)[0]!;
  const prompt = judgePromptFor(ref.prompt, req.prompt, req.responses[c.first]!, req.responses[c.second]!, position);
  return {
    model: ref.model,
    messages: judgeConversation(withCriteria(prompt, req.criteria)),
    n: req.samples,
    temperature: req.temperature,
    topP: req.top_p,
    maxTokens: req.max_tokens,
    seed: unitSeed(req.seed, "job", 0, c.first, c.second, position),
  };
}

type Call = () => Promise<{ trace: string; promptTokens: number }>;
type Timing = { p50: number; p95: number };

const loadAverage = () => round(os.loadavg()[0]!, 2);

/** (a) The bare inference client, asking SimJudge for the API's judgment with the exact same request. */
function directCall(backend: BackendRow, body: unknown): Call {
  const client = new BackendClient(backend);
  const params = directChatParams(body);
  return async () => {
    const result = await client.chat(params);
    return { trace: result.samples[0]!.text, promptTokens: result.usage.promptTokens };
  };
}

/** The route's work without its HTTP server: judgeNow in this process, on the app's database and clients. */
function inProcessCall(db: Db, body: unknown): Call {
  return async () => {
    const answer = await judgeNow(db, serverClients(db), parseJudgeRequest(structuredClone(body)));
    return { trace: answer.comparisons[0]!.judgments[0]!.trace, promptTokens: answer.usage.prompt_tokens };
  };
}

/** (b) POST /api/v1/judge on the app, over one keep-alive connection. */
function apiCall(url: string, body: unknown): { call: Call; close: () => Promise<void> } {
  const dispatcher = new Agent({ connections: 1 });
  const json = JSON.stringify(body);
  const call: Call = async () => {
    const response = await request(`${url}/api/v1/judge`, {
      method: "POST",
      dispatcher,
      headers: { "content-type": "application/json" },
      body: json,
    });
    const answer = (await response.body.json()) as {
      comparisons?: { judgments: { trace: string }[] }[];
      usage?: { prompt_tokens: number };
      message?: string;
    };
    if (response.statusCode !== 200 || !answer.comparisons)
      throw new Error(`POST /api/v1/judge answered ${response.statusCode}: ${answer.message ?? ""}`);
    return { trace: answer.comparisons[0]!.judgments[0]!.trace, promptTokens: answer.usage!.prompt_tokens };
  };
  return { call, close: () => dispatcher.close() };
}

/**
 * Checks that every call sends the same request (same trace and prompt tokens back), warms them
 * up, then times each `requests` times in turn, interleaved so that background load hits them alike.
 */
async function timeInterleaved(calls: Call[], requests: number, warmUp: number): Promise<Timing[]> {
  const answers: Awaited<ReturnType<Call>>[] = [];
  for (const call of calls) answers.push(await call());
  if (answers.some((a) => a.trace !== answers[0]!.trace || a.promptTokens !== answers[0]!.promptTokens))
    throw new Error("the bare client and the API did not send the same request (different traces or prompt tokens)");
  for (let i = 0; i < warmUp; i++) for (const call of calls) await call();
  const samples = calls.map((): number[] => []);
  for (let i = 0; i < requests; i++)
    for (const [c, call] of calls.entries()) {
      const started = performance.now();
      await call();
      samples[c]!.push(performance.now() - started);
    }
  return samples.map((list) => {
    const sorted = list.sort((x, y) => x - y);
    return { p50: round(percentile(sorted, 0.5), 2), p95: round(percentile(sorted, 0.95), 2) };
  });
}

/** The bare client through the do-nothing forwarder: the same request with one extra hop, nothing else. */
function forwardedCall(backend: BackendRow, forwarderUrl: string, body: unknown): Call {
  const viaForwarder = { ...backend, baseUrls: backend.baseUrls.map((url) => url.replace(new URL(url).origin, forwarderUrl)) };
  return directCall(viaForwarder, body);
}

type ApiTimings = { bare: Timing; floor: Timing; inProcess: Timing; next: Timing; listener: Timing };

function apiFigures(t: ApiTimings, extra: Record<string, unknown>) {
  const added = (x: Timing) => round(x.p50 - t.bare.p50, 2);
  return {
    ...extra,
    bare_p50_ms: t.bare.p50,
    bare_p95_ms: t.bare.p95,
    hop_floor_p50_ms: t.floor.p50,
    in_process_p50_ms: t.inProcess.p50,
    in_process_p95_ms: t.inProcess.p95,
    next_route_p50_ms: t.next.p50,
    next_route_p95_ms: t.next.p95,
    listener_p50_ms: t.listener.p50,
    listener_p95_ms: t.listener.p95,
    added_by_hop_floor_p50_ms: added(t.floor),
    added_by_judge_now_p50_ms: added(t.inProcess),
    added_next_route_p50_ms: added(t.next),
    added_listener_p50_ms: added(t.listener),
    added_listener_p95_ms: round(t.listener.p95 - t.bare.p95, 2),
    listener_over_floor_p50_ms: round(t.listener.p50 - t.floor.p50, 2),
  };
}

function apiRows(t: ApiTimings, f: ReturnType<typeof apiFigures>, requests: number, serverCpu: number | null): SectionResult["rows"] {
  const row = (x: Timing) => `p50 ${fmt(x.p50, 2)} ms, p95 ${fmt(x.p95, 2)} ms (+${fmt(x.p50 - t.bare.p50, 2)} ms)`;
  return [
    {
      measure: `bare client -> SimJudge (L ${API_LATENCY_MS} ms), one judgment, x${fmt(requests)}`,
      value: row(t.bare),
      goal: "",
      met: null,
    },
    { measure: "  through a do-nothing forwarder (the floor of any extra hop here)", value: row(t.floor), goal: "", met: null },
    { measure: "  judgeNow in-process (no HTTP server)", value: row(t.inProcess), goal: "", met: null },
    { measure: "  POST /api/v1/judge, Next.js route (next start)", value: row(t.next), goal: "", met: null },
    { measure: "  POST /api/v1/judge, judging listener (JUDGE_LAB_API_PORT)", value: row(t.listener), goal: "", met: null },
    {
      measure: "API overhead, judging listener: added median (p95)",
      value: `${fmt(f.added_listener_p50_ms, 2)} ms (${fmt(f.added_listener_p95_ms, 2)} ms); over the hop floor ${fmt(f.listener_over_floor_p50_ms, 2)} ms`,
      goal: `≤ ${API_GOAL_MS} ms`,
      met: f.added_listener_p50_ms <= API_GOAL_MS,
    },
    {
      measure: "  app server CPU per request (mean of the two paths)",
      value: serverCpu === null ? "?" : `${fmt(serverCpu, 1)} ms`,
      goal: "",
      met: null,
    },
  ];
}

async function measureApiOverhead({ quick, dir, log }: SectionContext): Promise<SectionResult> {
  const build = findAppBuild("api/v1/judge");
  if (build.distDir === null) {
    log(`API overhead: skipped, ${build.reason}`);
    return {
      figures: { skipped: build.reason },
      rows: [{ measure: "API overhead (POST /api/v1/judge)", value: "skipped: no build", goal: `≤ ${API_GOAL_MS} ms`, met: null }],
    };
  }
  if (build.note) log(build.note);
  const requests = quick ? 50 : 500;
  const warmUp = quick ? 20 : 100;
  const load = loadAverage();
  const sim = await startSimJudgeProcess({ dbFile: path.join(dir, "api-sim.db"), latencyMs: API_LATENCY_MS });
  let forwarder: Awaited<ReturnType<typeof startForwarderProcess>> | null = null;
  let app: AppServer | null = null;
  const clients: ReturnType<typeof apiCall>[] = [];
  let db: Db | null = null;
  try {
    forwarder = await startForwarderProcess(new URL(sim.url).origin);
    const dbFile = path.join(dir, "app.db");
    const backend = seedBackendOnly(dbFile, sim.url, 16);
    const listenerPort = await freePort();
    const starting = performance.now();
    app = await startAppServer({
      distDir: build.distDir,
      dbFile,
      readyPath: "/api/v1/openapi.json",
      env: { JUDGE_LAB_API_PORT: String(listenerPort) },
    });
    log(`app: next start (${build.distDir}) on a fresh database, answering after ${fmt((performance.now() - starting) / 1000, 1)} s`);
    db = openDatabase({ file: dbFile, migrationsFolder: MIGRATIONS });
    const pair = demoPairwiseRows()[0]!;
    const body = {
      judge: `model:${SIM_BACKEND}:${SIM_MODEL}`,
      prompt: pair.prompt,
      responses: [pair.response_a, pair.response_b],
      both_orders: false,
      samples: 1,
    };
    clients.push(apiCall(app.url, body), apiCall(`http://127.0.0.1:${listenerPort}`, body));
    log(
      `${fmt(requests)} sequential requests each, interleaved, after ${warmUp} warm-up rounds; SimJudge L = ${API_LATENCY_MS} ms; load average ${load}`,
    );
    const serverCpuBefore = processCpuMs(app.pid);
    const calls = [
      directCall(backend, body),
      forwardedCall(backend, forwarder.url, body),
      inProcessCall(db, body),
      ...clients.map((c) => c.call),
    ];
    const [bare, floor, inProcess, next, listener] = (await timeInterleaved(calls, requests, warmUp)) as Timing[] as [
      Timing,
      Timing,
      Timing,
      Timing,
      Timing,
    ];
    const serverCpuAfter = processCpuMs(app.pid);
    // Both API servers live in the app's process: its CPU per request is the mean of the two paths.
    const serverCpu =
      serverCpuBefore === null || serverCpuAfter === null
        ? null
        : round((serverCpuAfter - serverCpuBefore) / (2 * (requests + warmUp + 1)), 2);
    const timings: ApiTimings = { bare, floor, inProcess, next, listener };
    const figures = apiFigures(timings, {
      requests,
      latency_ms: API_LATENCY_MS,
      build: build.distDir,
      load_average: load,
      server_cpu_ms_per_request: serverCpu,
    });
    return { figures, rows: apiRows(timings, figures, requests, serverCpu) };
  } finally {
    db?.$client.close();
    for (const client of clients) await client.close();
    await app?.stop();
    await forwarder?.stop();
    await sim.stop();
  }
}

async function measureJobThroughput({ quick, dir, log }: SectionContext): Promise<SectionResult> {
  const pairs = quick ? 500 : 10_000;
  const load = loadAverage();
  const sim = await startSimJudgeProcess({ dbFile: path.join(dir, "job-sim.db"), latencyMs: JOB_LATENCY_MS, maxInFlight: C });
  try {
    const file = path.join(dir, "job.db");
    const seeded = await seedJudgeJobBench({ file, simUrl: sim.url, pairs, maxInFlight: C });
    const { jobId, judgments } = seeded;
    log(
      `imported ${fmt(pairs)} pairwise items in ${fmt(seeded.importMs / 1000, 1)} s; job #${jobId} plans ${fmt(judgments)} judgments (both orders, one sample); load average ${load}`,
    );
    const bareInput: JobBareClientInput = { file, jobId, url: sim.url, concurrency: C };
    const warmUp = Math.min(judgments, quick ? 500 : 2_000);
    log(`warming the server up: ${fmt(warmUp)} requests from the bare client`);
    await runWorker<JobBareClientResult>("bench/support/job-bare-client-worker.ts", { ...bareInput, limit: warmUp });
    log(`bare client: ${fmt(judgments)} requests, concurrency ${C}, L = ${JOB_LATENCY_MS} ms, C = ${C}`);
    const bare = await runWorker<JobBareClientResult>("bench/support/job-bare-client-worker.ts", bareInput);
    log(`judge job: driveJudgeJob over ${fmt(pairs)} items, concurrency ${C}`);
    const job = await runWorker<JudgeJobWorkerResult>("bench/support/judge-job-worker.ts", {
      file,
      jobId,
      concurrency: C,
    } satisfies JudgeJobWorkerInput);
    if (job.status !== "completed" || job.judgments !== judgments || job.itemResults !== pairs)
      throw new Error(
        `the job ended ${job.status} with ${job.judgments} judgments and ${job.itemResults} item results; expected ${judgments} and ${pairs}`,
      );
    const figures = {
      items: pairs,
      judgments,
      load_average: load,
      ...throughputFigures({ count: job.judgments, wallMs: job.wallMs }, bare, C, JOB_LATENCY_MS),
      job_wall_s: round(job.wallMs / 1000, 2),
      job_cpu_ms_per_judgment: round(job.cpuMs / judgments, 3),
      bare_cpu_ms_per_request: round(bare.cpuMs / bare.requests, 3),
      job_peak_rss_mb: job.peakRssMb,
    };
    log(
      `job ${fmt(figures.job_wall_s, 2)} s (${fmt(figures.job_cpu_ms_per_judgment, 3)} ms CPU/judgment), bare ${fmt(figures.bare_wall_s, 2)} s (${fmt(figures.bare_cpu_ms_per_request, 3)} ms CPU/request)`,
    );
    return {
      figures,
      rows: [
        {
          measure: `judge job, ${fmt(pairs)} pairs x 2 orders (L ${JOB_LATENCY_MS} ms, C ${C})`,
          value: `${fmt(figures.judgments_per_s)} judgments/s`,
          goal: "",
          met: null,
        },
        { measure: "bare client, same requests and server", value: `${fmt(figures.bare_per_s)} requests/s`, goal: "", met: null },
        { measure: "judge job / bare client", value: fmt(figures.ratio_to_bare, 2), goal: "≥ 0.90", met: figures.ratio_to_bare >= 0.9 },
        {
          measure: `judge job / ideal C/L = ${fmt(figures.ideal_per_s)}/s`,
          value: fmt(figures.ratio_to_ideal, 2),
          goal: "(reported)",
          met: null,
        },
      ],
    };
  } finally {
    await sim.stop();
  }
}
