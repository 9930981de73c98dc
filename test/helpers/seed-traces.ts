// A small run written row by row with known verdicts, for the trace, flip, paired and export
// queries: 6 instructions in two categories (one pair dropped), iterations 0-2, 3 samples per
// (pair, order) with filter statuses and kept examples, and 8 eval items in two RewardBench subsets
// judged in both orders by every iteration. Every expected number in the tests follows from VOTES.
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { evalSubsetScores } from "@/lib/db/queries/eval-metrics";
import { rebuildJudgmentAggregates } from "@/lib/db/queries/judgment-aggregates";
import {
  backends,
  datasetItems,
  datasets,
  evalJudgments,
  evalResults,
  iterations,
  judgments,
  pairs,
  runDatasets,
  runInstructions,
  runs,
  trainingExamples,
} from "@/lib/db/schema";
import { storedDemoConfig } from "./stored-config";

type V = "c" | "w" | "t" | "u";
const OUTCOME = { c: "correct", w: "wrong", t: "tie", u: "unparsed" } as const;

/** Training votes per iteration, pair (0-4) and order: three samples each. */
export const PAIR_VOTES: Record<number, Record<number, { A: V[]; B: V[] }>> = {
  0: {
    0: { A: ["c", "c", "w"], B: ["w", "w", "c"] },
    1: { A: ["c", "c", "c"], B: ["c", "c", "c"] },
    2: { A: ["w", "w", "w"], B: ["u", "t", "w"] },
    3: { A: ["c", "w", "t"], B: ["c", "c", "u"] },
    4: { A: ["w", "c", "c"], B: ["c", "w", "w"] },
  },
  1: {
    0: { A: ["c", "c", "c"], B: ["c", "c", "c"] },
    1: { A: ["c", "c", "c"], B: ["c", "c", "c"] },
    2: { A: ["c", "c", "c"], B: ["w", "w", "c"] },
    3: { A: ["c", "c", "c"], B: ["c", "c", "c"] },
    4: { A: ["c", "c", "c"], B: ["c", "c", "c"] },
  },
};

/**
 * Eval item labels per iteration, as (order A vote, order B vote): cc = right, ww = wrong, cw = undecided.
 * Items 0-3 are llmbar-natural (Chat Hard), 4-7 alpacaeval-easy (Chat).
 */
export const EVAL_VOTES: Record<number, [V, V][]> = {
  0: [
    ["c", "c"],
    ["w", "w"],
    ["w", "w"],
    ["c", "w"],
    ["c", "c"],
    ["c", "c"],
    ["w", "w"],
    ["w", "w"],
  ],
  1: [
    ["c", "c"],
    ["c", "c"],
    ["w", "w"],
    ["c", "c"],
    ["c", "c"],
    ["w", "w"],
    ["c", "c"],
    ["w", "w"],
  ],
  2: [
    ["c", "c"],
    ["c", "c"],
    ["c", "c"],
    ["c", "c"],
    ["c", "c"],
    ["c", "c"],
    ["c", "c"],
    ["w", "w"],
  ],
};

/** What the filter stage would have recorded for iterations 0 and 1 (follows from PAIR_VOTES). */
export const FILTER_STATS: Record<number, Record<string, number>> = {
  0: { filtered: 1, pairOrders: 10, judgments: 30, correct: 15, candidates: 6, kept: 6 },
  1: { filtered: 1, pairOrders: 10, judgments: 30, correct: 28, candidates: 9, kept: 9 },
};

export type SeededTraces = {
  runId: number;
  otherRunId: number;
  iterationIds: number[];
  pairIds: number[];
  droppedPairId: number;
  evalSetId: number;
  evalItemIds: number[];
};

function filterStatuses(votes: V[]): ("kept" | "wrong" | "surplus" | "below_majority")[] {
  const correct = votes.filter((v) => v === "c").length;
  const wrong = votes.filter((v) => v === "w").length;
  let kept = false;
  return votes.map((v) => {
    if (v !== "c") return "wrong";
    if (correct < wrong) return "below_majority";
    if (kept) return "surplus";
    kept = true;
    return "kept";
  });
}

export function seedTraceRun(db: Db): SeededTraces {
  const backend = db
    .insert(backends)
    .values({ name: "sim", preset: "simjudge", baseUrls: ["http://127.0.0.1:1/v1"], maxInFlight: 4, timeoutMs: 1000 })
    .returning()
    .get();
  const pool = db
    .insert(datasets)
    .values({ name: "pool", kind: "instructions", source: "test", format: "jsonl", contentHash: "pool", rowCount: 6 })
    .returning()
    .get();
  const poolItems = Array.from({ length: 6 }, (_, i) =>
    db
      .insert(datasetItems)
      .values({
        datasetId: pool.id,
        position: i,
        sourceId: `p${i}`,
        prompt: i === 3 ? "Find the needle_in 100% of cases." : `Instruction number ${i}.`,
        contentHash: `p${i}`,
      })
      .returning()
      .get(),
  );
  const evalSet = db
    .insert(datasets)
    .values({ name: "eval", kind: "pairs", source: "test", format: "jsonl", contentHash: "eval", rowCount: 8 })
    .returning()
    .get();
  const evalItems = Array.from({ length: 8 }, (_, i) =>
    db
      .insert(datasetItems)
      .values({
        datasetId: evalSet.id,
        position: i,
        sourceId: `e${i}`,
        subset: i < 4 ? "llmbar-natural" : "alpacaeval-easy",
        prompt: `Eval prompt ${i}`,
        chosen: `chosen ${i}`,
        rejected: `rejected answer ${i}`,
        contentHash: `e${i}`,
      })
      .returning()
      .get(),
  );
  const run = db.insert(runs).values({ name: "seeded", config: storedDemoConfig(), seed: 1, status: "completed" }).returning().get();
  const otherRun = db.insert(runs).values({ name: "other", config: storedDemoConfig(), seed: 2, status: "completed" }).returning().get();
  for (const r of [run, otherRun]) {
    db.insert(runDatasets).values({ runId: r.id, datasetId: pool.id, role: "instructions" }).run();
    db.insert(runDatasets).values({ runId: r.id, datasetId: evalSet.id, role: "eval" }).run();
  }
  poolItems.forEach((item, i) =>
    db
      .insert(runInstructions)
      .values({ runId: run.id, datasetItemId: item.id, category: i < 3 ? "Math" : "Coding", position: i })
      .run(),
  );
  const pairRows = poolItems.map((item, i) =>
    db
      .insert(pairs)
      .values(
        i === 5
          ? { runId: run.id, datasetItemId: item.id, status: "dropped" as const, dropReason: "malformed", goodResponse: `good answer ${i}` }
          : {
              runId: run.id,
              datasetItemId: item.id,
              status: "ok" as const,
              goodResponse: `good answer ${i}`,
              modifiedInstruction: `Instruction number ${i}, changed.`,
              worseResponse: `worse answer ${i}`,
            },
      )
      .returning()
      .get(),
  );
  const its = [0, 1, 2].map((index) =>
    db
      .insert(iterations)
      .values({ runId: run.id, index, judgeBackendId: backend.id, judgeModel: `judge-${index}`, status: "completed" })
      .returning()
      .get(),
  );
  for (const [index, byPair] of Object.entries(PAIR_VOTES)) {
    const iteration = its[Number(index)]!;
    for (const [pairIndex, orders] of Object.entries(byPair)) {
      const pair = pairRows[Number(pairIndex)]!;
      for (const position of ["A", "B"] as const) {
        const votes = orders[position];
        const statuses = filterStatuses(votes);
        const ids = votes.map(
          (vote, sample) =>
            db
              .insert(judgments)
              .values({
                iterationId: iteration.id,
                pairId: pair.id,
                goodPosition: position,
                sample,
                verdict: vote === "c" ? position : vote === "w" ? (position === "A" ? "B" : "A") : null,
                outcome: OUTCOME[vote],
                trace: `Trace of pair ${pairIndex} order ${position} sample ${sample}. [[${vote === "c" ? position : position === "A" ? "B" : "A"}]]`,
                finishReason: "stop",
                promptTokens: 100,
                completionTokens: 10 + sample,
                filterStatus: statuses[sample],
              })
              .returning()
              .get().id,
        );
        const kept = statuses.indexOf("kept");
        if (kept >= 0) {
          const rejected = statuses.indexOf("wrong");
          db.insert(trainingExamples)
            .values({
              iterationId: iteration.id,
              pairId: pair.id,
              goodPosition: position,
              chosenJudgmentId: ids[kept]!,
              rejectedJudgmentId: rejected >= 0 ? ids[rejected]! : null,
            })
            .run();
        }
      }
    }
  }
  // Written row by row above, so the aggregates the pages read are computed once here.
  for (const iteration of its) rebuildJudgmentAggregates(db, iteration.id);
  for (const [index, items] of Object.entries(EVAL_VOTES)) {
    items.forEach(([a, b], i) => {
      for (const [position, vote] of [
        ["A", a],
        ["B", b],
      ] as const) {
        db.insert(evalJudgments)
          .values({
            iterationId: its[Number(index)]!.id,
            datasetItemId: evalItems[i]!.id,
            goodPosition: position,
            sample: 0,
            verdict: vote === "c" ? position : position === "A" ? "B" : "A",
            outcome: OUTCOME[vote],
            trace: `Eval trace ${i} ${position}`,
            finishReason: "stop",
          })
          .run();
      }
    });
  }
  for (const iteration of its) {
    for (const s of evalSubsetScores(db, { iterationId: iteration.id, datasetId: evalSet.id })) {
      db.insert(evalResults)
        .values({
          iterationId: iteration.id,
          datasetId: evalSet.id,
          subset: s.subset,
          itemCount: s.items,
          scoreSum: s.scoreSum,
          accuracy: s.scoreSum / s.items,
        })
        .run();
    }
  }
  for (const [index, stats] of Object.entries(FILTER_STATS))
    db.update(iterations)
      .set({ stats })
      .where(eq(iterations.id, its[Number(index)]!.id))
      .run();
  return {
    runId: run.id,
    otherRunId: otherRun.id,
    iterationIds: its.map((it) => it.id),
    pairIds: pairRows.slice(0, 5).map((p) => p.id),
    droppedPairId: pairRows[5]!.id,
    evalSetId: evalSet.id,
    evalItemIds: evalItems.map((item) => item.id),
  };
}
