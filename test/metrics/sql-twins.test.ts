// Every judge metric computed in SQL (for pages) equals the pure function's answer, on a seeded
// database with several subsets, both orders, k samples, ties, unparsed and truncated judgments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalSummarySql, kappaBetweenIterationsSql, loadEvalRows } from "@/lib/db/queries/eval-metrics";
import { datasetItems, datasets, evalJudgments, iterations, runs } from "@/lib/db/schema";
import { kappaBetweenJudges, summarizeEval } from "@/lib/metrics";
import { createRandom } from "@/lib/pipeline/random";
import { createTempDb, type TempDb } from "../helpers/temp-db";
import { storedDemoConfig } from "../helpers/stored-config";

let temp: TempDb;
let datasetId: number;
let iterationIds: number[];

/** Round every number so SQL and JavaScript sums compare despite float order. */
function rounded(value: unknown): unknown {
  if (typeof value === "number") return Math.round(value * 1e9) / 1e9;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

beforeAll(() => {
  temp = createTempDb();
  const { db } = temp;
  const random = createRandom(2024);
  datasetId = db
    .insert(datasets)
    .values({ name: "eval", kind: "pairs", source: "test", format: "jsonl", contentHash: "x", rowCount: 0 })
    .returning()
    .get().id;
  const subsets = ["llmbar-natural", "llmbar-adver-neighbor", "alpacaeval-easy", "my-subset"];
  const itemIds = Array.from(
    { length: 120 },
    (_, i) =>
      db
        .insert(datasetItems)
        .values({
          datasetId,
          position: i,
          sourceId: String(i),
          subset: subsets[i % subsets.length]!,
          prompt: `prompt ${i}`,
          chosen: "c".repeat(random.int(5, 60)),
          rejected: "r".repeat(random.int(5, 60)),
          contentHash: `h${i}`,
        })
        .returning()
        .get().id,
  );
  const runId = db.insert(runs).values({ name: "r", config: storedDemoConfig(), seed: 1 }).returning().get().id;
  iterationIds = [0, 1].map(
    (index) =>
      db
        .insert(iterations)
        .values({ runId, index, judgeModel: `m${index}` })
        .returning()
        .get().id,
  );
  for (const [n, iterationId] of iterationIds.entries()) {
    for (const itemId of itemIds) {
      // Most items in both orders, some in one; 1 to 3 samples each.
      const orders: ("A" | "B")[] = random.next() < 0.8 ? ["A", "B"] : [random.pick(["A", "B"] as const)];
      for (const goodPosition of orders) {
        const samples = random.int(1, 3);
        for (let sample = 0; sample < samples; sample++) {
          const roll = random.next();
          const bias = n === 0 ? 0.3 : 0.1; // iteration 0 prefers position A more often
          const verdict = roll < 0.08 ? null : roll < 0.1 ? null : random.next() < 0.5 + bias ? "A" : "B";
          const outcome = roll < 0.08 ? "unparsed" : roll < 0.1 ? "tie" : verdict === goodPosition ? "correct" : "wrong";
          db.insert(evalJudgments)
            .values({
              iterationId,
              datasetItemId: itemId,
              goodPosition,
              sample,
              verdict,
              outcome,
              trace: "t",
              truncated: random.next() < 0.05,
            })
            .run();
        }
      }
    }
  }
});
afterAll(() => temp.close());

describe("SQL twins of the judge metrics", () => {
  it("give the same summary as the pure functions, for each iteration", () => {
    for (const iterationId of iterationIds) {
      const scope = { iterationId, datasetId };
      const pure = summarizeEval(loadEvalRows(temp.db, scope));
      const fromSql = evalSummarySql(temp.db, scope);
      expect(rounded(fromSql)).toEqual(rounded(pure));
      // The seeded data exercises every metric.
      expect(pure.positionBias.itemsBothOrders).toBeGreaterThan(50);
      expect(pure.rates.unparsedRate).toBeGreaterThan(0);
      expect(pure.rates.tieRate).toBeGreaterThan(0);
      expect(pure.rates.truncatedRate).toBeGreaterThan(0);
      expect(pure.lengthBias.gap).not.toBeNull();
      expect(pure.rewardBench.partialSections).toEqual(["Chat", "Chat Hard"]);
    }
  });

  it("give the same kappa between two iterations", () => {
    const [first, second] = iterationIds.map((iterationId) => ({ iterationId: iterationId!, datasetId }));
    const pure = kappaBetweenJudges(loadEvalRows(temp.db, first!), loadEvalRows(temp.db, second!));
    expect(rounded(kappaBetweenIterationsSql(temp.db, first!, second!))).toEqual(rounded(pure));
    expect(pure.items).toBe(120);
  });
});
