/**
 * Worker process: the bare client of the throughput section. The same judge requests as the
 * runner's (built from the prepared run's pairs, before the clock starts) sent by a minimal loop
 * with the same concurrency, reading and parsing each answer and storing nothing. It uses the
 * cheapest HTTP client Node has (undici's `request` on a keep-alive Agent; global `fetch` costs
 * about three times the CPU per call), so it is the fastest this machine can drive the server:
 * the yardstick for the runner.
 */
import { Agent, request } from "undici";
import { openDatabase } from "@/lib/db/client";
import { listOkPairsPage } from "@/lib/db/queries/run-work";
import { getRunById, getRunConfig } from "@/lib/db/queries/runs";
import { judgeConversation, judgePromptFor } from "@/lib/pipeline/judge";
import { MIGRATIONS } from "./judge-bench-db";

export type BareClientInput = { file: string; runId: number; url: string; concurrency: number };
export type BareClientResult = { requests: number; samples: number; wallMs: number; cpuMs: number };

const input = JSON.parse(process.argv[2]!) as BareClientInput;
const db = openDatabase({ file: input.file, migrationsFolder: MIGRATIONS });
const run = getRunById(db, input.runId)!;
const config = getRunConfig(db, run.id);
const bodies: string[] = [];
for (let after = 0; ;) {
  const page = listOkPairsPage(db, run.id, after, 1000);
  if (page.length === 0) break;
  after = page.at(-1)!.id;
  for (const pair of page)
    for (const position of config.judging.bothOrders ? (["A", "B"] as const) : (["A"] as const))
      bodies.push(
        JSON.stringify({
          model: "simjudge-base",
          messages: judgeConversation(
            judgePromptFor(config.prompts.judge, pair.instruction, pair.goodResponse, pair.worseResponse, position),
          ),
          n: config.judging.samples,
          temperature: config.judging.temperature,
          top_p: config.judging.topP,
          max_tokens: config.judging.maxTokens,
          seed: pair.itemId,
        }),
      );
}
db.$client.close();

const dispatcher = new Agent({ connections: input.concurrency, headersTimeout: 0, bodyTimeout: 0 });
let next = 0;
let samples = 0;
const cpuBefore = process.cpuUsage();
const started = performance.now();
await Promise.all(
  Array.from({ length: input.concurrency }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const response = await request(`${input.url}/chat/completions`, {
        method: "POST",
        dispatcher,
        headers: { "content-type": "application/json" },
        body,
      });
      const json = (await response.body.json()) as { choices?: unknown[] };
      if (response.statusCode !== 200 || !Array.isArray(json.choices)) throw new Error(`HTTP ${response.statusCode}`);
      samples += json.choices.length;
    }
  }),
);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const result: BareClientResult = { requests: bodies.length, samples, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
console.log(JSON.stringify(result));
await dispatcher.close();
