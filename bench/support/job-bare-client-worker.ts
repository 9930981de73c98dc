/**
 * Worker process: the bare client of the judging section's job measure. The requests a queued judge
 * job will send (its first round: every item's comparisons in each order, with the job's judge
 * prompt, sampling and request seeds, in the body the inference client writes), built from the
 * database before the clock starts, then sent by the minimal loop of bare-send.ts. `limit` sends
 * only the first requests (a warm-up of the server).
 */
import { openDatabase } from "@/lib/db/client";
import { getJobItemTexts } from "@/lib/db/queries/judge-job-work";
import { getJudgeJob } from "@/lib/db/queries/judge-jobs";
import { unitOrders } from "@/lib/pipeline/evaluate";
import { judgeConversation, judgePromptFor } from "@/lib/pipeline/judge";
import { planItem, type JobRules } from "@/lib/pipeline/jobs/item-plan";
import { withCriteria } from "@/lib/pipeline/jobs/job-config";
import { samplingOf } from "@/lib/pipeline/sampling";
import { unitSeed } from "@/lib/pipeline/seeds";
import { planJudgeJob } from "@/lib/runner/jobs/launch-job";
import { sendBodies, type BareSendResult } from "./bare-send";
import { MIGRATIONS } from "./judge-bench-db";

export type JobBareClientInput = { file: string; jobId: number; url: string; concurrency: number; limit?: number };
export type JobBareClientResult = BareSendResult;

const input = JSON.parse(process.argv[2]!) as JobBareClientInput;
const db = openDatabase({ file: input.file, migrationsFolder: MIGRATIONS });
const job = getJudgeJob(db, input.jobId)!;
const { config, judge } = job;
const rules: JobRules = { ranking: config.ranking, seed: config.seed, bothOrders: config.bothOrders };
const { n, temperature, topP, maxTokens } = samplingOf(config, config.samples);
const { items } = planJudgeJob(db, config);
const limit = input.limit ?? Number.POSITIVE_INFINITY;
const bodies: string[] = [];
for (let start = 0; start < items.length && bodies.length < limit; start += 500) {
  const page = items.slice(start, start + 500);
  const texts = new Map(
    getJobItemTexts(
      db,
      page.map((i) => i.id),
    ).map((t) => [t.id, t]),
  );
  for (const item of page) {
    const plan = planItem(item, [], rules);
    if (plan.kind !== "create") continue;
    const text = texts.get(item.id)!;
    for (const c of plan.comparisons)
      for (const position of unitOrders(rules.bothOrders, rules.seed, "job-order", item.id, c.round, c.slot)) {
        const prompt = withCriteria(
          judgePromptFor(judge.template, text.prompt, text.responses[c.first]!, text.responses[c.second]!, position),
          config.criteria,
        );
        bodies.push(
          JSON.stringify({
            model: judge.model,
            messages: judgeConversation(prompt, judge.demonstrations),
            ...(n > 1 ? { n } : {}),
            temperature,
            top_p: topP,
            max_tokens: maxTokens,
            seed: unitSeed(rules.seed, "job", item.id, c.first, c.second, position),
          }),
        );
      }
  }
}
db.$client.close();

const result: JobBareClientResult = await sendBodies(input.url, bodies.slice(0, limit), input.concurrency);
console.log(JSON.stringify(result));
