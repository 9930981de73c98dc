/**
 * Section 5, pages at scale: a database seeded with 1,000,000 judgments (bulk insert, see
 * pages-db.ts), then p50/p95 of the queries behind each page: the runs list, the run page's
 * aggregates, the training-pairs list with its filters, sorts, counts and deep pages, a pair's
 * detail, an eval item's detail, the eval list, and the cross-iteration diff (flips and the
 * paired per-item scores behind Compare). The worst p95 is held against 100 ms.
 */
import fs from "node:fs";
import path from "node:path";
import { pairedItemScores } from "@/lib/db/queries/eval-metrics";
import { countRuns, latestEvalResultsByRun, listRuns } from "@/lib/db/queries/runs";
import {
  countEvalGroups,
  countPairGroups,
  getEvalItemDetail,
  getPairDetail,
  listEvalFlips,
  listEvalGroups,
  listPairGroups,
} from "@/lib/db/queries/traces";
import { runView } from "@/lib/runs/run-view";
import { EVAL_ITEMS, seedPagesDb } from "../support/pages-db";
import type { BenchSection } from "../support/section";
import { fmt, round, timeQuery } from "../support/stats";

const GOAL_MS = 100;

export const pagesSection: BenchSection = {
  name: "pages",
  title: "Pages at scale",
  async run({ quick, dir, log }) {
    const pairs = quick ? 2_500 : 62_500;
    const file = path.join(dir, "pages.db");
    const seedStarted = performance.now();
    const seeded = seedPagesDb(file, pairs);
    const { db, runId, iterationIds, evalDatasetId, firstEvalItemId } = seeded;
    log(
      `seeded ${fmt(seeded.judgments)} judgments (${fmt(pairs)} pairs x 2 orders x 4 samples x 2 iterations) and ${fmt(EVAL_ITEMS)} eval items x 3 iterations in ${fmt((performance.now() - seedStarted) / 1000, 1)} s; database ${fmt(fs.statSync(file).size / 1e6)} MB`,
    );
    const [it0, it1, it2] = iterationIds as [number, number, number];
    const page = { limit: 50, offset: 0 };
    const reps = quick ? 5 : 20;
    const queries: [string, number, (i: number) => unknown][] = [
      [
        "runs list (page 1 of 301 runs, latest scores)",
        reps,
        () => {
          const rows = listRuns(db, page);
          countRuns(db);
          latestEvalResultsByRun(
            db,
            rows.map((r) => r.id),
          );
        },
      ],
      ["run page aggregates (runView)", reps, () => runView(db, runId)],
      ["pairs list, no filter, page 1", reps, () => listPairGroups(db, it0, {}, "pair", page)],
      ["pairs list, page 1,000", reps, () => listPairGroups(db, it0, {}, "pair", { limit: 50, offset: Math.min(49_950, pairs) })],
      ["pairs list, majority wrong", reps, () => listPairGroups(db, it0, { majority: "wrong" }, "pair", page)],
      [
        "pairs list, kept + category + order B",
        reps,
        () => listPairGroups(db, it0, { filter: "kept", category: "Math", order: "B" }, "pair", page),
      ],
      ["pairs list, text search", reps, () => listPairGroups(db, it0, { query: "topic 42 " }, "pair", page)],
      ["pairs list, sorted by share correct", reps, () => listPairGroups(db, it0, {}, "correct-asc", page)],
      ["pairs count, no filter", reps, () => countPairGroups(db, it0, {})],
      ["pairs count, majority wrong", reps, () => countPairGroups(db, it0, { majority: "wrong" })],
      ["pair detail (every judgment, 2 iterations)", reps * 10, (i) => getPairDetail(db, runId, 1 + ((i * 7919) % pairs))],
      ["eval item detail (3 iterations)", reps * 10, (i) => getEvalItemDetail(db, runId, firstEvalItemId + ((i * 31) % EVAL_ITEMS))],
      [
        "eval list, subset + majority wrong, with count",
        reps,
        () => {
          listEvalGroups(db, it1, evalDatasetId, { subset: "llmbar-natural", majority: "wrong" }, "pair", page);
          countEvalGroups(db, it1, evalDatasetId, { subset: "llmbar-natural", majority: "wrong" });
        },
      ],
      [
        "cross-iteration diff: flips 1 -> 2",
        reps,
        () => listEvalFlips(db, { fromIterationId: it1, toIterationId: it2, datasetId: evalDatasetId }, "all", page),
      ],
      [
        "cross-iteration diff: paired item scores 0 -> 2",
        reps,
        () => pairedItemScores(db, { iterationId: it0, datasetId: evalDatasetId }, { iterationId: it2, datasetId: evalDatasetId }),
      ],
    ];
    const timings: Record<string, { p50_ms: number; p95_ms: number }> = {};
    for (const [name, count, fn] of queries) {
      const { p50, p95 } = timeQuery(count, fn);
      timings[name] = { p50_ms: p50, p95_ms: p95 };
      log(`${name.padEnd(52)} p50 ${fmt(p50, 1).padStart(7)} ms   p95 ${fmt(p95, 1).padStart(7)} ms`);
    }
    db.$client.close();
    const worst = Object.entries(timings).reduce((a, b) => (b[1].p95_ms > a[1].p95_ms ? b : a));
    return {
      figures: { judgments: seeded.judgments, pairs, p95_ms: worst[1].p95_ms, worst_query: worst[0], queries: timings },
      rows: [
        {
          measure: `worst p95 of ${queries.length} page queries at ${fmt(seeded.judgments)} judgments`,
          value: `${fmt(worst[1].p95_ms, 1)} ms (${worst[0]})`,
          goal: `< ${GOAL_MS} ms`,
          met: worst[1].p95_ms < GOAL_MS,
        },
        {
          measure: "median of the queries' p50",
          value: `${fmt(round(median(Object.values(timings).map((t) => t.p50_ms)), 1), 1)} ms`,
          goal: "",
          met: null,
        },
      ],
    };
  },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
