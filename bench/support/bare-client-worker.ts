/**
 * Worker process: the bare client of the throughput section. The same judge requests as the
 * runner's (built from the prepared run's pairs, before the clock starts) sent by a minimal loop
 * with the same concurrency, reading and parsing each answer and storing nothing (bare-send.ts: the
 * cheapest HTTP client Node has), so it is the fastest this machine can drive the server: the
 * yardstick for the runner.
 */
import { openDatabase } from "@/lib/db/client";
import { listOkPairsPage } from "@/lib/db/queries/run-work";
import { getRunById, getRunConfig } from "@/lib/db/queries/runs";
import { judgeConversation, judgePromptFor } from "@/lib/pipeline/judge";
import { sendBodies, type BareSendResult } from "./bare-send";
import { MIGRATIONS } from "./judge-bench-db";

export type BareClientInput = { file: string; runId: number; url: string; concurrency: number };
export type BareClientResult = BareSendResult;

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

const result: BareClientResult = await sendBodies(input.url, bodies, input.concurrency);
console.log(JSON.stringify(result));
