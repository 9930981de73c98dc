/**
 * How fast the trace viewer's queries are on a large run: seeds a synthetic run into a temporary
 * database (100,000 pairs by default, 2 orders x 4 samples per pair per iteration, 2 judged
 * iterations, 2,000 eval items judged in both orders by 3 iterations), then times each query the
 * pages run (list and count with and without filters, deep pages, a pair's and an eval item's
 * detail, flips) and prints p50 and p95 over repeated calls. Run: `npx tsx bench/trace-queries.ts [pairs]`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import {
  countEvalGroups,
  countPairGroups,
  getEvalItemDetail,
  getPairDetail,
  listEvalFlips,
  listEvalGroups,
  listPairGroups,
} from "@/lib/db/queries/traces";
import { createRandom } from "@/lib/simulator/random";

const PAIRS = Number(process.argv[2] ?? 100_000);
const SAMPLES = 4;
const EVAL_ITEMS = 2_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "judge-lab-bench-traces-"));
const db = openDatabase({ file: path.join(dir, "bench.db"), migrationsFolder: path.join(process.cwd(), "drizzle") });
const sqlite = db.$client;
const random = createRandom(7);
const outcomes = ["correct", "correct", "correct", "wrong", "wrong", "tie", "unparsed"] as const;
const trace = "Evaluation plan: a good answer must address the key points of the question. ".repeat(12);

const seedStarted = performance.now();
sqlite.exec(`
  insert into backends (name, preset, base_urls, max_in_flight, timeout_ms, created_at, updated_at) values ('sim', 'simjudge', '["http://127.0.0.1:1/v1"]', 4, 1000, 0, 0);
  insert into datasets (name, kind, source, format, content_hash, row_count, created_at) values ('pool', 'instructions', 'bench', 'jsonl', 'pool', ${PAIRS}, 0);
  insert into datasets (name, kind, source, format, content_hash, row_count, created_at) values ('eval', 'pairs', 'bench', 'jsonl', 'eval', ${EVAL_ITEMS}, 0);
  insert into runs (name, config, seed, status, created_at, updated_at) values ('bench', '{}', 1, 'completed', 0, 0);
  insert into run_datasets (run_id, dataset_id, role) values (1, 1, 'instructions'), (1, 2, 'eval');
  insert into iterations (run_id, "index", judge_backend_id, judge_model, status) values (1, 0, 1, 'j0', 'completed'), (1, 1, 1, 'j1', 'completed'), (1, 2, 1, 'j2', 'completed');
`);
const categories = ["Coding", "Math", "Writing", "Advice", "Knowledge", "Reasoning"];
sqlite.transaction(() => {
  const item = sqlite.prepare("insert into dataset_items (dataset_id, position, source_id, prompt, content_hash) values (1, ?, ?, ?, ?)");
  const instruction = sqlite.prepare("insert into run_instructions (run_id, dataset_item_id, category, position) values (1, ?, ?, ?)");
  const pair = sqlite.prepare(
    "insert into pairs (run_id, dataset_item_id, status, good_response, modified_instruction, worse_response, created_at) values (1, ?, 'ok', ?, ?, ?, 0)",
  );
  for (let i = 1; i <= PAIRS; i++) {
    item.run(i, `p${i}`, `Instruction ${i}: explain topic ${i % 997} in simple words.`, `h${i}`);
    instruction.run(i, categories[i % categories.length], i);
    pair.run(
      i,
      `A good answer to instruction ${i}.`,
      `Instruction ${i}: explain topic ${i % 991} in formal words.`,
      `A worse answer ${i}.`,
    );
  }
  const judgment = sqlite.prepare(
    "insert into judgments (iteration_id, pair_id, good_position, sample, verdict, outcome, trace, finish_reason, prompt_tokens, completion_tokens, filter_status, created_at) values (?, ?, ?, ?, ?, ?, ?, 'stop', 400, 200, ?, 0)",
  );
  for (const iteration of [1, 2]) {
    for (let p = 1; p <= PAIRS; p++) {
      for (const position of ["A", "B"]) {
        let kept = false;
        for (let s = 0; s < SAMPLES; s++) {
          const outcome = outcomes[Math.floor(random.next() * outcomes.length)]!;
          const status = outcome !== "correct" ? "wrong" : kept ? "surplus" : ((kept = true), "kept");
          judgment.run(
            iteration,
            p,
            position,
            s,
            outcome === "correct" ? position : outcome === "wrong" ? (position === "A" ? "B" : "A") : null,
            outcome,
            trace,
            status,
          );
        }
      }
    }
  }
  const evalItem = sqlite.prepare(
    "insert into dataset_items (dataset_id, position, source_id, subset, prompt, chosen, rejected, content_hash) values (2, ?, ?, ?, ?, 'chosen', 'rejected', ?)",
  );
  const evalJudgment = sqlite.prepare(
    "insert into eval_judgments (iteration_id, dataset_item_id, good_position, sample, verdict, outcome, trace, finish_reason, created_at) values (?, ?, ?, 0, ?, ?, ?, 'stop', 0)",
  );
  for (let i = 0; i < EVAL_ITEMS; i++) {
    const id = Number(evalItem.run(i, `e${i}`, i % 2 ? "llmbar-natural" : "alpacaeval-easy", `Eval prompt ${i}`, `e${i}`).lastInsertRowid);
    for (const iteration of [1, 2, 3])
      for (const position of ["A", "B"]) {
        const correct = random.next() < 0.5 + iteration * 0.1;
        evalJudgment.run(iteration, id, position, correct ? position : position === "A" ? "B" : "A", correct ? "correct" : "wrong", trace);
      }
  }
})();
sqlite.exec("analyze");
const judgments = (sqlite.prepare("select count(*) as n from judgments").get() as { n: number }).n;
console.log(
  `Seeded ${PAIRS.toLocaleString("en-US")} pairs, ${judgments.toLocaleString("en-US")} judgments, ${EVAL_ITEMS.toLocaleString("en-US")} eval items x 3 iterations in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; database ${(fs.statSync(path.join(dir, "bench.db")).size / 1e6).toFixed(0)} MB.`,
);

function time(name: string, reps: number, fn: (i: number) => unknown) {
  fn(0); // warm the page cache and the statement cache
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    fn(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  console.log(`${name.padEnd(58)} p50 ${at(0.5).toFixed(1).padStart(7)} ms   p95 ${at(0.95).toFixed(1).padStart(7)} ms`);
}

const page = { limit: 50, offset: 0 };
console.log("\nTraining pairs list (iteration 1), one page of 50:");
time("list, no filter, page 1", 20, () => listPairGroups(db, 1, {}, "pair", page));
time("list, no filter, page 1,000", 20, () => listPairGroups(db, 1, {}, "pair", { limit: 50, offset: 49_950 }));
time("list, majority wrong", 20, () => listPairGroups(db, 1, { majority: "wrong" }, "pair", page));
time("list, kept, category Math, order B", 20, () => listPairGroups(db, 1, { filter: "kept", category: "Math", order: "B" }, "pair", page));
time("list, text search", 10, () => listPairGroups(db, 1, { query: "topic 42 " }, "pair", page));
time("list, sorted by share correct", 10, () => listPairGroups(db, 1, {}, "correct-asc", page));
time("count, no filter", 10, () => countPairGroups(db, 1, {}));
time("count, majority wrong", 10, () => countPairGroups(db, 1, { majority: "wrong" }));
console.log("\nDetails:");
time("pair detail (every judgment of 2 iterations)", 200, (i) => getPairDetail(db, 1, 1 + ((i * 7919) % PAIRS)));
time("eval item detail", 200, (i) => getEvalItemDetail(db, 1, PAIRS + 1 + ((i * 31) % EVAL_ITEMS)));
console.log("\nEval items and flips:");
time("eval list, subset llmbar-natural, majority wrong", 20, () =>
  listEvalGroups(db, 2, 2, { subset: "llmbar-natural", majority: "wrong" }, "pair", page),
);
time("eval count", 20, () => countEvalGroups(db, 2, 2, {}));
time("flips, iteration 1 -> 2", 20, () => listEvalFlips(db, { fromIterationId: 1, toIterationId: 2, datasetId: 2 }, "all", page));

sqlite.close();
fs.rmSync(dir, { recursive: true, force: true });
