/**
 * A large run for the pages section, bulk-inserted (not through a backend): `pairs` pairs judged
 * by 2 iterations, 2 orders x 4 samples each (1,000,000 judgments at 62,500 pairs), with filter
 * statuses and training examples as the filter writes them; 3,000 RewardBench-style eval items
 * judged in both orders by 3 iterations, with their scores; and 300 other runs for the runs list.
 */
import type Database from "better-sqlite3";
import { openDatabase, type Db } from "@/lib/db/client";
import { rebuildJudgmentAggregates } from "@/lib/db/queries/judgment-aggregates";
import { writeEvalResults } from "@/lib/db/queries/run-work";
import { runConfigSchema } from "@/lib/pipeline/run-config";
import { demoPreset } from "@/lib/pipeline/run-presets";
import { createRandom } from "@/lib/pipeline/random";
import { MIGRATIONS } from "./judge-bench-db";

export const SAMPLES = 4;
export const EVAL_ITEMS = 3_000;
const CATEGORIES = ["Coding", "Math", "Writing", "Advice", "Knowledge", "Reasoning"];
const SUBSETS = [
  "alpacaeval-easy",
  "mt-bench-hard",
  "llmbar-natural",
  "llmbar-adver-neighbor",
  "refusals-dangerous",
  "math-prm",
  "hep-python",
];
const OUTCOMES = ["correct", "correct", "correct", "wrong", "wrong", "tie", "unparsed"] as const;
const TRACE = "Evaluation plan: a good answer must address the key points of the question, be accurate and be clear. ".repeat(8);

export type PagesDb = { db: Db; runId: number; iterationIds: number[]; evalDatasetId: number; firstEvalItemId: number; judgments: number };

export function seedPagesDb(file: string, pairs: number): PagesDb {
  const db = openDatabase({ file, migrationsFolder: MIGRATIONS });
  const sqlite = db.$client;
  const random = createRandom(7);
  const config = JSON.stringify(
    runConfigSchema.parse({ ...demoPreset(), name: "bench", judging: { ...demoPreset().judging, samples: SAMPLES } }),
  );
  sqlite.exec(`
    insert into backends (name, preset, base_urls, max_in_flight, timeout_ms, created_at, updated_at) values ('sim', 'simjudge', '["http://127.0.0.1:1/v1"]', 4, 1000, 0, 0);
    insert into datasets (name, kind, source, format, content_hash, row_count, created_at) values ('pool', 'instructions', 'bench', 'jsonl', 'pool', ${pairs}, 0);
    insert into datasets (name, kind, source, format, content_hash, row_count, created_at) values ('eval', 'pairs', 'bench', 'jsonl', 'eval', ${EVAL_ITEMS}, 0);`);
  const insertRun = sqlite.prepare(
    "insert into runs (name, config, seed, status, created_at, updated_at) values (?, ?, 1, 'completed', ?, ?)",
  );
  const runId = Number(insertRun.run("bench", config, 0, 0).lastInsertRowid);
  sqlite.exec(`
    insert into run_datasets (run_id, dataset_id, role) values (${runId}, 1, 'instructions'), (${runId}, 2, 'eval');
    insert into run_backends (run_id, backend_id, role) values (${runId}, 1, 'generator'), (${runId}, 1, 'judge');
    insert into iterations (run_id, "index", judge_backend_id, judge_model, status) values (${runId}, 0, 1, 'j0', 'completed'), (${runId}, 1, 1, 'j1', 'completed'), (${runId}, 2, 1, 'j2', 'completed');`);
  const iterationIds = (
    sqlite.prepare('select id from iterations where run_id = ? order by "index"').pluck().all(runId) as number[]
  ).slice();
  let firstEvalItemId = 0;
  sqlite.transaction(() => {
    seedPairs(sqlite, runId, pairs, iterationIds.slice(0, 2), random);
    firstEvalItemId = seedEval(sqlite, iterationIds, random);
    for (let i = 0; i < 300; i++) insertRun.run(`other run ${i}`, config, i + 1, i + 1);
  })();
  // Bulk-inserted, so the aggregates the runner keeps as it writes are computed once here.
  for (const iterationId of iterationIds) rebuildJudgmentAggregates(db, iterationId);
  for (const iterationId of iterationIds) writeEvalResults(db, iterationId, 2);
  sqlite.exec("analyze");
  const judgments = sqlite.prepare("select count(*) from judgments").pluck().get() as number;
  return { db, runId, iterationIds, evalDatasetId: 2, firstEvalItemId, judgments };
}

function seedPairs(sqlite: Database.Database, runId: number, pairs: number, judged: number[], random: ReturnType<typeof createRandom>) {
  const item = sqlite.prepare("insert into dataset_items (dataset_id, position, source_id, prompt, content_hash) values (1, ?, ?, ?, ?)");
  const instruction = sqlite.prepare("insert into run_instructions (run_id, dataset_item_id, category, position) values (?, ?, ?, ?)");
  const pair = sqlite.prepare(
    "insert into pairs (run_id, dataset_item_id, status, good_response, modified_instruction, worse_response, created_at) values (?, ?, 'ok', ?, ?, ?, 0)",
  );
  const pairIds: number[] = [];
  for (let i = 1; i <= pairs; i++) {
    const itemId = Number(item.run(i, `p${i}`, `Instruction ${i}: explain topic ${i % 997} in simple words.`, `h${i}`).lastInsertRowid);
    instruction.run(runId, itemId, CATEGORIES[i % CATEGORIES.length], i);
    pairIds.push(
      Number(
        pair.run(
          runId,
          itemId,
          `A good answer to instruction ${i}.`,
          `Instruction ${i}: explain topic ${i % 991} in formal words.`,
          `A worse answer ${i}.`,
        ).lastInsertRowid,
      ),
    );
  }
  const judgment = sqlite.prepare(
    "insert into judgments (iteration_id, pair_id, good_position, sample, verdict, outcome, trace, finish_reason, prompt_tokens, completion_tokens, filter_status, created_at) values (?, ?, ?, ?, ?, ?, ?, 'stop', 400, 200, ?, 0)",
  );
  const example = sqlite.prepare(
    "insert into training_examples (iteration_id, pair_id, good_position, chosen_judgment_id, rejected_judgment_id) values (?, ?, ?, ?, null)",
  );
  for (const iterationId of judged) {
    for (const pairId of pairIds) {
      for (const position of ["A", "B"]) {
        let keptId = 0;
        for (let s = 0; s < SAMPLES; s++) {
          const outcome = OUTCOMES[Math.floor(random.next() * OUTCOMES.length)]!;
          const status = outcome !== "correct" ? "wrong" : keptId ? "surplus" : "kept";
          const verdict = outcome === "correct" ? position : outcome === "wrong" ? (position === "A" ? "B" : "A") : null;
          const id = Number(judgment.run(iterationId, pairId, position, s, verdict, outcome, TRACE, status).lastInsertRowid);
          if (status === "kept") keptId = id;
        }
        if (keptId) example.run(iterationId, pairId, position, keptId);
      }
    }
  }
}

function seedEval(sqlite: Database.Database, iterationIds: number[], random: ReturnType<typeof createRandom>): number {
  const evalItem = sqlite.prepare(
    "insert into dataset_items (dataset_id, position, source_id, subset, prompt, chosen, rejected, content_hash) values (2, ?, ?, ?, ?, 'chosen', 'rejected', ?)",
  );
  const evalJudgment = sqlite.prepare(
    "insert into eval_judgments (iteration_id, dataset_item_id, good_position, sample, verdict, outcome, trace, finish_reason, created_at) values (?, ?, ?, 0, ?, ?, ?, 'stop', 0)",
  );
  let first = 0;
  for (let i = 0; i < EVAL_ITEMS; i++) {
    const id = Number(evalItem.run(i, `e${i}`, SUBSETS[i % SUBSETS.length], `Eval prompt ${i}`, `e${i}`).lastInsertRowid);
    first ||= id;
    iterationIds.forEach((iterationId, index) => {
      for (const position of ["A", "B"]) {
        const correct = random.next() < 0.55 + index * 0.1;
        evalJudgment.run(
          iterationId,
          id,
          position,
          correct ? position : position === "A" ? "B" : "A",
          correct ? "correct" : "wrong",
          TRACE,
        );
      }
    });
  }
  return first;
}
