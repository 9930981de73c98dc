/**
 * The OpenAPI 3.1 description of the judging API (/api/v1/...). Request bodies are generated from
 * the zod schemas the routes validate with (z.toJSONSchema), so the document cannot drift from
 * validation; response bodies are written by hand. Served at GET /api/v1/openapi.json.
 */
import { z } from "zod";
import { MAX_BODY_BYTES } from "./json-body";
import { batchRequestSchema, MAX_BATCH_ITEMS } from "./batch-input";
import { judgeRequestSchema } from "./judge-now";

type JsonSchema = Record<string, unknown>;

const JUDGE_DESCRIPTION =
  'The judge: "run:<run id>:<iteration>" (the judge a run trained in that iteration; 0 is its seed judge) or "model:<backend>:<model>" (a model on a backend, with the default judge prompt), or the object form ({kind: "iteration", runId, iteration} or {kind: "model", backend, model, prompt?}).';

const FIELD_DESCRIPTIONS: Record<string, string> = {
  prompt: "The user's prompt the responses answer.",
  responses: "The responses to compare: two (pairwise) or more (best-of-n, ranked by `ranking`).",
  samples: "Judgments per comparison and order, combined by majority vote (more than 1 needs a temperature above 0).",
  both_orders:
    "Judge each comparison with the first response shown as A, then as B (cancels position bias, measures consistency); false: one seeded order.",
  temperature: "The judge's sampling temperature.",
  top_p: "The judge's nucleus sampling.",
  max_tokens: "The most tokens the judge may write per judgment.",
  ranking: "More than two responses: a seeded knockout (n - 1 comparisons) or a round-robin (every pair).",
  criteria: "Extra criteria appended to the judge prompt.",
  verdict_rule: "How a verdict is read from the judge's answer; null: the judge's run's rule (RAM's for a model judge).",
  seed: "Seeds the order shown, the knockout bracket and coin flips, and the backend's sampling.",
  name: "The job's name, also its dataset's (made unique); default: \"API batch <date and time>\".",
  items: "The items to judge, checked all or nothing.",
  max_items: "Judge at most this many items (a seeded sample); null: all.",
  max_tokens_budget: "Pause the job once it has used this many tokens; null: no budget.",
};

/** A request body's JSON Schema from its zod schema (the input side: fields with defaults are optional). */
function requestSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as JsonSchema;
  const properties = json.properties as Record<string, JsonSchema> | undefined;
  for (const [field, description] of Object.entries(FIELD_DESCRIPTIONS))
    if (properties?.[field] && !properties[field].description) properties[field] = { description, ...properties[field] };
  if (properties?.judge) {
    const [text, ...rest] = (properties.judge.anyOf as JsonSchema[]) ?? [];
    properties.judge = {
      ...properties.judge,
      description: JUDGE_DESCRIPTION,
      anyOf: [
        { ...text, pattern: "^(run:\\d+:\\d+|model:[^:]+:.+)$", examples: ["run:3:2", "model:SimJudge (simulated):simjudge-base"] },
        ...rest,
      ],
    };
  }
  return json;
}

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: "null" }] });
const integer = { type: "integer" };
const number = { type: "number" };
const string = { type: "string" };
const rate = nullable({
  type: "object",
  description: "A share with its 95% Wilson interval.",
  properties: { rate: number, low: number, high: number },
  additionalProperties: true,
});

function answerSchemas(): Record<string, JsonSchema> {
  return {
    ErrorReply: {
      type: "object",
      required: ["ok", "code", "message"],
      properties: {
        ok: { const: false },
        code: {
          ...string,
          description: 'kind:surface, e.g. "bad_request:job", "too_large:job", "unavailable:job", "not_found:job", "unauthorized:access"',
        },
        message: { ...string, description: "What is wrong, for people; names the field." },
        fieldErrors: {
          type: "object",
          additionalProperties: string,
          description: 'Field path -> message, e.g. {"responses.1": "A response cannot be empty"} or {"items.3.label": "..."}',
        },
      },
    },
    JudgeAnswer: {
      type: "object",
      required: ["judge", "verdict", "best", "ranking", "vote_share", "consistent", "comparisons", "usage", "latency_ms"],
      properties: {
        judge: { ...string, description: "The judge that answered, as people know it." },
        verdict: { ...string, description: 'Two responses: "A", "B", "tie" or "unparsed". More: the best response\'s letter.' },
        best: { ...nullable(integer), description: "Index of the best response (null for a tie or unparsed pairwise verdict)." },
        ranking: { ...nullable({ type: "array", items: integer }), description: "More than two responses: indexes from best to worst." },
        vote_share: { ...nullable(number), description: "Share of the readable votes that went to the verdict." },
        consistent: { ...nullable({ type: "boolean" }), description: "Both orders judged: whether they agreed (position consistency)." },
        comparisons: {
          type: "array",
          items: {
            type: "object",
            properties: {
              first: integer,
              second: integer,
              winner: nullable(integer),
              decided_by: { ...string, description: '"votes", "coin" (a tie settled by a seeded coin in a knockout), …' },
              judgments: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    order: { enum: ["as-given", "swapped"] },
                    sample: integer,
                    verdict: nullable({ enum: ["A", "B"] }),
                    choice: { enum: ["first", "second", "tie", "unparsed"] },
                    trace: { ...string, description: "The judge's full answer." },
                    finish_reason: nullable(string),
                  },
                },
              },
            },
          },
        },
        usage: { type: "object", properties: { prompt_tokens: integer, completion_tokens: integer, requests: integer } },
        latency_ms: number,
      },
    },
  };
}

function jobSchemas(): Record<string, JsonSchema> {
  return {
    BatchAccepted: {
      type: "object",
      required: ["job_id", "status", "status_url", "results_url", "page_url"],
      properties: {
        job_id: integer,
        name: string,
        status: { ...string, description: '"queued" when accepted; the server\'s runner starts it.' },
        dataset: {
          type: "object",
          properties: {
            id: integer,
            name: string,
            reused: { type: "boolean", description: "The same items were imported before; that dataset is judged." },
          },
        },
        items: { ...integer, description: "Items the job judges (after max_items)." },
        planned_comparisons: integer,
        planned_judgments: integer,
        status_url: { ...string, examples: ["/api/v1/judge/jobs/12"] },
        results_url: { ...string, examples: ["/api/v1/judge/jobs/12/results"] },
        page_url: { ...string, examples: ["/judge/12"] },
      },
    },
    JobStatus: {
      type: "object",
      properties: {
        job_id: integer,
        name: string,
        status: { enum: ["queued", "running", "paused", "completed", "failed", "canceled"] },
        status_reason: { ...nullable(string), description: "Why it paused or failed." },
        judge: string,
        dataset: string,
        created_at: { ...string, format: "date-time" },
        started_at: nullable({ ...string, format: "date-time" }),
        finished_at: nullable({ ...string, format: "date-time" }),
        progress: {
          type: "object",
          properties: {
            items: integer,
            items_done: integer,
            planned_comparisons: integer,
            planned_judgments: integer,
            judgments_done: integer,
            tokens: { type: "object", properties: { prompt: integer, completion: integer } },
            rate_per_second: nullable(number),
            eta_seconds: nullable(number),
          },
        },
        results: {
          type: "object",
          description: "The job page's numbers over the items done so far.",
          properties: {
            pairwise: { type: "boolean" },
            win_rate: {
              ...nullable({ type: "object", additionalProperties: true }),
              description: "Pairwise: counts of A/B/tie/unparsed and A's win rate with its interval.",
            },
            best_counts: {
              type: "array",
              items: { type: "object", properties: { response: string, n: integer } },
              description: "Best-of-n: how often each response was ranked best.",
            },
            agreement: {
              ...nullable({ type: "object", additionalProperties: true }),
              description: "Pairwise, labelled items: agreement with the labels (without ties, 3-way, Cohen's kappa).",
            },
            best_of_n_accuracy: rate,
            consistency: rate,
            mean_vote_share: nullable(number),
            coin_flips: integer,
            categories: { type: "array", items: { type: "object", additionalProperties: true } },
          },
        },
        status_url: string,
        results_url: string,
        page_url: string,
      },
    },
    JobResultLine: {
      type: "object",
      description: "One line of the results (JSON Lines): an item and its verdict.",
      properties: {
        item_id: integer,
        id: { ...string, description: "The item's id as sent (default: its position)." },
        category: nullable(string),
        prompt: string,
        responses: { type: "array", items: string },
        label: { ...nullable(string), description: 'The label sent: a response\'s letter or "tie".' },
        verdict: string,
        best: nullable(integer),
        ranking: nullable({ type: "array", items: integer }),
        vote_share: nullable(number),
        consistent: nullable({ type: "boolean" }),
        agrees: { ...nullable({ type: "boolean" }), description: "Whether the verdict agrees with the label." },
        votes: { type: "object", properties: { first: integer, second: integer, tie: integer, unparsed: integer } },
      },
    },
  };
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "The body is not JSON, or a field is wrong (fieldErrors names it), or the judge does not exist.",
  401: "JUDGE_LAB_TOKEN is set and the request does not carry it.",
  404: "No judge job with this id.",
  413: `The body is over ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
  503: "The judge's backend failed.",
};

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: ERROR_DESCRIPTIONS[status],
        content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorReply" } } },
      },
    ]),
  );

const json = (ref: string, example?: unknown) => ({
  "application/json": { schema: { $ref: `#/components/schemas/${ref}` }, ...(example === undefined ? {} : { example }) },
});

const JOB_ID = { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 }, example: 12 };

function paths(): Record<string, unknown> {
  return {
    "/api/v1/judge": {
      post: {
        operationId: "judge",
        summary: "Judge one prompt's responses now (nothing is stored)",
        requestBody: {
          required: true,
          content: json("JudgeRequest", {
            judge: "model:SimJudge (simulated):simjudge-base",
            prompt: "What is the capital of Australia?",
            responses: ["Canberra.", "Sydney."],
            both_orders: true,
            samples: 1,
          }),
        },
        responses: {
          "200": { description: "The verdict, its votes and traces.", content: json("JudgeAnswer") },
          ...errors(400, 401, 413, 503),
        },
      },
    },
    "/api/v1/judge/batch": {
      post: {
        operationId: "judgeBatch",
        summary: `Judge up to ${MAX_BATCH_ITEMS.toLocaleString("en-US")} items as a durable judge job`,
        requestBody: {
          required: true,
          content: json("BatchRequest", {
            judge: "run:3:2",
            name: "nightly regression",
            items: [
              { id: "q1", prompt: "What is 2 + 2?", responses: ["4", "5"], label: "A", category: "math" },
              { id: "q2", prompt: "Name a prime number.", responses: ["9", "7", "15"], label: "B" },
            ],
            both_orders: true,
          }),
        },
        responses: {
          "202": { description: "The job is queued; follow status_url.", content: json("BatchAccepted") },
          ...errors(400, 401, 413),
        },
      },
    },
    "/api/v1/judge/jobs/{id}": {
      get: {
        operationId: "judgeJobStatus",
        summary: "A judge job's status, progress and results so far",
        parameters: [JOB_ID],
        responses: { "200": { description: "The job.", content: json("JobStatus") }, ...errors(401, 404) },
      },
    },
    "/api/v1/judge/jobs/{id}/results": {
      get: {
        operationId: "judgeJobResults",
        summary: "A judge job's item results as JSON Lines (the items finished so far)",
        parameters: [JOB_ID],
        responses: {
          "200": {
            description: "One JobResultLine per line.",
            content: { "application/jsonl": { schema: { $ref: "#/components/schemas/JobResultLine" } } },
          },
          ...errors(401, 404),
        },
      },
    },
  };
}

export function openApiDocument(): JsonSchema {
  return {
    openapi: "3.1.0",
    info: {
      title: "Judge Lab judging API",
      version: "1.0.0",
      description:
        "Judge responses with a trained or off-the-shelf LLM judge: one prompt now (POST /api/v1/judge), or many as a job (POST /api/v1/judge/batch) followed by its status and results. Request bodies are at most 8 MB.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }],
    paths: paths(),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "The server's JUDGE_LAB_TOKEN, when it is set (without it, every request is let through).",
        },
      },
      schemas: {
        JudgeRequest: requestSchema(judgeRequestSchema),
        BatchRequest: requestSchema(batchRequestSchema),
        ...answerSchemas(),
        ...jobSchemas(),
      },
    },
  };
}
