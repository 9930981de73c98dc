// The pairs stage as the reference builds pairs: y_w first, then the worse-response prompt shown x
// and y_w (RAM's worse_response.prompt takes the question and the baseline answer), one instruction
// after the other within an instruction, instructions in parallel. A pool's own baseline responses
// are used as y_w without asking the generator, and counted; a stored prompt from before {response}
// existed still works. Against a recording OpenAI-compatible server, so every prompt is seen.
import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendInputSchema } from "@/lib/backends/backend-input";
import { importDataset } from "@/lib/datasets/import-dataset";
import { describeSourceFile } from "@/lib/datasets/source-file";
import { createBackend } from "@/lib/db/queries/backends";
import { pairCounts, tokensByStage } from "@/lib/db/queries/run-summary";
import { pairs } from "@/lib/db/schema";
import { eq } from "drizzle-orm";
import { demoPreset } from "@/lib/pipeline/run-presets";
import { WORSE_RESPONSE_PROMPT } from "@/lib/pipeline/prompts";
import { driveWithLease } from "@/lib/runner/lease";
import { launchRun } from "@/lib/runner/launch";
import { fileMaker, type FileMaker } from "../helpers/files";
import { startHttpServer, type TestServer } from "../helpers/http-server";
import { createTempDb, type TempDb } from "../helpers/temp-db";

type Seen = { at: number; prompt: string; kind: "good" | "worse" };
let seen: Seen[] = [];
let server: TestServer;
let temp: TempDb;
let files: FileMaker;

/** Answers the answer prompt with a text naming the instruction, the worse-response prompt in its format. */
function answer(req: http.IncomingMessage, res: http.ServerResponse) {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    const prompt = (JSON.parse(body) as { messages: { content: string }[] }).messages.at(-1)!.content;
    const worse = prompt.includes("<modified_instruction>");
    seen.push({ at: seen.length, prompt, kind: worse ? "worse" : "good" });
    const text = worse
      ? "<modified_instruction>\nSomething nearby but different\n</modified_instruction>\n<response>\nAn answer to that other question.\n</response>"
      : `GOOD ANSWER to ${prompt.slice(0, 40)}`;
    // A little latency, so requests of different instructions overlap.
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          id: "x",
          object: "chat.completion",
          choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        }),
      );
    }, 5);
  });
}

beforeAll(async () => {
  temp = createTempDb();
  files = fileMaker();
  server = await startHttpServer(answer);
  createBackend(
    temp.db,
    backendInputSchema.parse({
      name: "recorder",
      preset: "vllm",
      baseUrls: [`${server.url}/v1`],
      apiKeyEnv: null,
      maxInFlight: 8,
      requestsPerMinute: null,
      tokensPerMinute: null,
      timeoutSeconds: 10,
      supportsN: true,
      supportsFineTuning: false,
    }),
  );
  const pool = files.jsonl(
    "pool.jsonl",
    Array.from({ length: 6 }, (_, i) => ({
      id: `q${i}`,
      instruction: `Question number ${i}: how do I do task ${i}?`,
      // Every other row has a baseline response; the others are generated.
      response: i % 2 === 0 ? `POOL BASELINE for question ${i}` : "",
    })),
  );
  await importDataset(temp.db, { files: [await describeSourceFile(pool, "pool.jsonl")], name: "pool", source: pool });
}, 30_000);
afterAll(async () => {
  files.cleanup();
  await server.close();
  temp.close();
});

function runConfig(overrides: Record<string, unknown> = {}) {
  const demo = demoPreset();
  return {
    ...demo,
    name: "pairs",
    generator: { backend: "recorder", model: "m" },
    judge: { backend: "recorder", model: "m" },
    instructions: { dataset: "pool", categories: [], keep: [], count: 6, perCategoryCap: null, candidates: null },
    iterations: 0,
    evaluation: { ...demo.evaluation!, datasets: [] },
    ...overrides,
  };
}

describe("the pairs stage", () => {
  it("asks for y_w first, then shows it in the worse-response prompt; uses the pool's baselines as y_w", async () => {
    seen = [];
    const run = launchRun(temp.db, runConfig());
    expect(await driveWithLease(temp.db, run.id, {}).status).toBe("completed");
    const rows = temp.db.select().from(pairs).where(eq(pairs.runId, run.id)).all();
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.goodSource === "pool")).toHaveLength(3);
    expect(pairCounts(temp.db, run.id)).toMatchObject({ total: 6, ok: 6, goodFromPool: 3 });

    const goods = seen.filter((s) => s.kind === "good");
    const worses = seen.filter((s) => s.kind === "worse");
    // The generator answered only the three instructions without a baseline.
    expect(goods).toHaveLength(3);
    expect(worses).toHaveLength(6);
    for (const pair of rows) {
      const worse = worses.find((w) => w.prompt.includes(pair.goodResponse))!;
      expect(worse, `the worse-response prompt shows y_w of pair ${pair.id}`).toBeDefined();
      if (pair.goodSource === "generated") {
        const good = goods.find((g) => pair.goodResponse === `GOOD ANSWER to ${g.prompt.slice(0, 40)}`)!;
        expect(good.at).toBeLessThan(worse.at);
      } else {
        expect(pair.goodResponse).toMatch(/^POOL BASELINE/);
      }
    }
    expect(tokensByStage(temp.db, run.id).find((s) => s.stage === "pairs")!.calls).toBe(9);
  });

  it("generates every y_w when told to, even where the pool has a baseline", async () => {
    seen = [];
    const run = launchRun(
      temp.db,
      runConfig({ name: "generate", seed: 2, pairs: { maxTokens: 512, temperature: 0.7, goodResponse: "generate" } }),
    );
    expect(await driveWithLease(temp.db, run.id, {}).status).toBe("completed");
    expect(seen.filter((s) => s.kind === "good")).toHaveLength(6);
    expect(pairCounts(temp.db, run.id).goodFromPool).toBe(0);
  });

  it("still runs a stored worse-response prompt that has no {response} (runs made before it existed)", async () => {
    seen = [];
    const legacy = WORSE_RESPONSE_PROMPT.replace(/\[Answer\]\n\{response\}\n\[End of Answer\]\n\n/, "");
    expect(legacy).not.toContain("{response}");
    const run = launchRun(
      temp.db,
      runConfig({
        name: "legacy prompt",
        seed: 3,
        prompts: { worseResponse: legacy },
        pairs: { maxTokens: 512, temperature: 0.7, goodResponse: "generate" },
      }),
    );
    expect(await driveWithLease(temp.db, run.id, {}).status).toBe("completed");
    expect(pairCounts(temp.db, run.id).ok).toBe(6);
    for (const worse of seen.filter((s) => s.kind === "worse")) expect(worse.prompt).not.toContain("GOOD ANSWER");
  });
});
