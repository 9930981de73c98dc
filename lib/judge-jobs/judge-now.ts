/**
 * One judgment on demand, for the HTTP API (a judge as a service: a reward signal in someone's RL
 * loop, a check in CI): the request names a judge, a prompt and two or more responses; the answer
 * is the verdict, its vote share, position consistency and every trace. It runs the same rules as
 * a judge job (the same prompts, verdict parsing, majority, knockout or round-robin through the
 * pure item plan), in memory: nothing is stored. Comparisons of a round are asked at once.
 */
import { z } from "zod";
import type { Queryable } from "@/lib/db/client";
import type { ResolvedJudge } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { judgeConversation, judgePromptFor } from "@/lib/pipeline/judge";
import { interpretSamples } from "@/lib/pipeline/judging";
import { decideComparison, planItem, type ItemResult, type JobRules, type StoredComparison } from "@/lib/pipeline/jobs/item-plan";
import { judgeRefSchema, parseJudgeRef, JUDGE_REF_HELP, type JudgeRef } from "@/lib/pipeline/jobs/judge-ref";
import { MAX_CRITERIA_CHARS, RANKINGS, withCriteria } from "@/lib/pipeline/jobs/job-config";
import { noVotes } from "@/lib/pipeline/jobs/tournament";
import { VERDICT_RULES } from "@/lib/pipeline/parse-verdict";
import { unitOrders } from "@/lib/pipeline/evaluate";
import { unitSeed } from "@/lib/pipeline/seeds";
import { choiceOf, type Choice, type Position } from "@/lib/pipeline/vocabulary";
import type { ClientRegistry } from "@/lib/runner/clients";
import { resolveJudge } from "@/lib/runner/jobs/resolve-judge";
import { describeIssues, fieldErrorsOf } from "@/lib/validation";

/** The longest prompt or response the API takes, in characters (a long-context judge's window, with room to spare). */
export const MAX_TEXT_CHARS = 1_000_000;
export const MAX_RESPONSES = 16;

const text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .min(1, `${what} cannot be empty`)
    .max(MAX_TEXT_CHARS, `${what} is longer than ${MAX_TEXT_CHARS.toLocaleString("en-US")} characters`)
    .refine((value) => value.trim() !== "", `${what} cannot be blank`);

export const judgeRequestSchema = z
  .object({
    /** "run:<id>:<iteration>", "model:<backend>:<model>", or the object form. */
    judge: z.union([z.string(), judgeRefSchema]),
    prompt: text("The prompt"),
    responses: z
      .array(text("A response"), { error: "responses must be a list of texts" })
      .min(2, "Give at least 2 responses to compare")
      .max(MAX_RESPONSES, `At most ${MAX_RESPONSES} responses`),
    samples: z.number().int().min(1).max(32).default(1),
    both_orders: z.boolean().default(true),
    temperature: z.number().min(0).max(2).default(0),
    top_p: z.number().gt(0).max(1).default(1),
    max_tokens: z.number().int().min(16).max(131_072).default(4096),
    ranking: z.enum(RANKINGS).default("knockout"),
    criteria: z.string().max(MAX_CRITERIA_CHARS).default(""),
    verdict_rule: z.enum(VERDICT_RULES).nullable().default(null),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
  })
  .strict()
  .superRefine((request, ctx) => {
    if (request.samples > 1 && request.temperature === 0)
      ctx.addIssue({
        code: "custom",
        path: ["temperature"],
        message: "Majority vote needs a temperature above 0 (at 0 every sample is the same answer)",
      });
  });

export type JudgeRequest = z.infer<typeof judgeRequestSchema>;

export type JudgeAnswer = {
  judge: string;
  /** Two responses: "A", "B", "tie" or "unparsed"; more: the best response's letter. */
  verdict: string;
  best: number | null;
  ranking: number[] | null;
  vote_share: number | null;
  consistent: boolean | null;
  comparisons: {
    first: number;
    second: number;
    winner: number | null;
    decided_by: string;
    judgments: {
      order: "as-given" | "swapped";
      sample: number;
      verdict: Position | null;
      choice: Choice;
      trace: string;
      finish_reason: string | null;
    }[];
  }[];
  usage: { prompt_tokens: number; completion_tokens: number; requests: number };
  latency_ms: number;
};

export function parseJudgeRequest(input: unknown): JudgeRequest {
  const parsed = judgeRequestSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError("bad_request:job", `The judge request is not valid: ${describeIssues(parsed.error)}`, {
      fieldErrors: fieldErrorsOf(parsed.error),
    });
  return parsed.data;
}

export function judgeRefOf(judge: JudgeRequest["judge"]): JudgeRef {
  if (typeof judge !== "string") return judge;
  const parsed = parseJudgeRef(judge);
  const ref = parsed ? judgeRefSchema.safeParse(parsed) : null;
  if (!ref?.success)
    throw new AppError("bad_request:job", `judge: ${JUDGE_REF_HELP}`, { fieldErrors: { judge: `Not a judge: ${JUDGE_REF_HELP}` } });
  return ref.data;
}

const RESOLVED_TTL_MS = 5_000;
const resolvedCache = new Map<string, { judge: ResolvedJudge; at: number }>();

/** The judge a request names, resolved at most every few seconds per name (the API's hot path stays off the database). */
export function resolveJudgeCached(db: Queryable, ref: JudgeRef, rule: JudgeRequest["verdict_rule"]): ResolvedJudge {
  const key = JSON.stringify([ref, rule]);
  const hit = resolvedCache.get(key);
  if (hit && performance.now() - hit.at < RESOLVED_TTL_MS) return hit.judge;
  const judge = resolveJudge(db, ref, rule);
  resolvedCache.set(key, { judge, at: performance.now() });
  if (resolvedCache.size > 1000) resolvedCache.delete(resolvedCache.keys().next().value!);
  return judge;
}

export async function judgeNow(db: Queryable, clients: ClientRegistry, request: JudgeRequest, signal?: AbortSignal): Promise<JudgeAnswer> {
  const started = performance.now();
  const judge = resolveJudgeCached(db, judgeRefOf(request.judge), request.verdict_rule);
  const { client, name } = clients.get(judge.backendId);
  const rules: JobRules = { ranking: request.ranking, seed: request.seed, bothOrders: request.both_orders };
  const item = { id: 0, responses: request.responses.length };
  const usage = { prompt_tokens: 0, completion_tokens: 0, requests: 0 };
  const traces = new Map<StoredComparison, JudgeAnswer["comparisons"][number]["judgments"]>();
  const stored: StoredComparison[] = [];

  const judgeComparison = async (c: StoredComparison) => {
    const judgments: JudgeAnswer["comparisons"][number]["judgments"] = [];
    await Promise.all(
      unitOrders(rules.bothOrders, rules.seed, "job-order", item.id, c.round, c.slot).map(async (position) => {
        const prompt = withCriteria(
          judgePromptFor(judge.template, request.prompt, request.responses[c.first]!, request.responses[c.second]!, position),
          request.criteria,
        );
        let result;
        try {
          result = await client.chat({
            model: judge.model,
            messages: judgeConversation(prompt, judge.demonstrations),
            n: request.samples,
            temperature: request.temperature,
            topP: request.top_p,
            maxTokens: request.max_tokens,
            seed: unitSeed(rules.seed, "job", item.id, c.first, c.second, position),
            signal,
          });
        } catch (error) {
          throw new AppError(
            "unavailable:job",
            `The judge's backend ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
        usage.prompt_tokens += result.usage.promptTokens;
        usage.completion_tokens += result.usage.completionTokens;
        usage.requests += result.usage.requests;
        const samples = interpretSamples(
          { position, n: request.samples, rule: judge.verdictRule },
          { ok: true, samples: result.samples, usage: result.usage },
        );
        for (const s of samples) {
          const choice = choiceOf(s.outcome);
          c.votes[position === "A" ? "asGiven" : "swapped"][choice]++;
          judgments.push({
            order: position === "A" ? "as-given" : "swapped",
            sample: s.sample,
            verdict: s.verdict,
            choice,
            trace: s.trace,
            finish_reason: s.finishReason,
          });
        }
      }),
    );
    Object.assign(c, decideComparison(c, item.responses, rules, item.id));
    traces.set(
      c,
      judgments.sort((a, b) => a.order.localeCompare(b.order) || a.sample - b.sample),
    );
  };

  let result: ItemResult | null = null;
  while (!result) {
    const plan = planItem(item, stored, rules);
    if (plan.kind === "done") result = plan.result;
    else if (plan.kind === "create") {
      const round = plan.comparisons.map((p, i): StoredComparison => ({
        ...p,
        id: stored.length + i,
        decidedBy: null,
        winner: null,
        votes: { asGiven: noVotes(), swapped: noVotes() },
      }));
      stored.push(...round);
      await Promise.all(round.map(judgeComparison));
    } else throw new Error("A comparison was left undecided");
  }
  return {
    judge: judge.label,
    verdict: result.verdict,
    best: result.best,
    ranking: result.ranking,
    vote_share: result.voteShare,
    consistent: result.consistent,
    comparisons: stored.map((c) => ({
      first: c.first,
      second: c.second,
      winner: c.winner,
      decided_by: c.decidedBy!,
      judgments: traces.get(c) ?? [],
    })),
    usage,
    latency_ms: Math.round((performance.now() - started) * 10) / 10,
  };
}
