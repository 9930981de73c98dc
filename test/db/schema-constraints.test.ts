// The unique keys that make "the data is the queue" work, and the foreign keys that keep rows consistent.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backends, datasets, evalJudgments, iterations, judgments, pairs, runs, trainingJobs } from "@/lib/db/schema";
import { createTempDb, type TempDb } from "../helpers/temp-db";
import { seedRunWithPair } from "../helpers/seed-rows";

let temp: TempDb;
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.close());

const judgment = (iterationId: number, pairId: number, goodPosition: "A" | "B", sample: number) => ({
  iterationId,
  pairId,
  goodPosition,
  sample,
  verdict: "A" as const,
  outcome: "correct" as const,
  trace: "reasoning [[A]]",
});

describe("unique keys", () => {
  it("reject a second judgment for the same iteration, pair, order and sample", () => {
    const { iteration, pair } = seedRunWithPair(temp.db);
    temp.db
      .insert(judgments)
      .values(judgment(iteration.id, pair.id, "A", 0))
      .run();
    expect(() =>
      temp.db
        .insert(judgments)
        .values(judgment(iteration.id, pair.id, "A", 0))
        .run(),
    ).toThrow(/UNIQUE constraint failed/);
    // Another order or sample is other work, so it is accepted.
    temp.db
      .insert(judgments)
      .values(judgment(iteration.id, pair.id, "B", 0))
      .run();
    temp.db
      .insert(judgments)
      .values(judgment(iteration.id, pair.id, "A", 1))
      .run();
    expect(temp.db.select().from(judgments).all()).toHaveLength(3);
  });

  it("let a batch skip the rows that exist (resume writes nothing twice)", () => {
    const { iteration, pair } = seedRunWithPair(temp.db);
    temp.db
      .insert(judgments)
      .values(judgment(iteration.id, pair.id, "A", 0))
      .run();
    temp.db
      .insert(judgments)
      .values([judgment(iteration.id, pair.id, "A", 0), judgment(iteration.id, pair.id, "A", 1)])
      .onConflictDoNothing()
      .run();
    expect(
      temp.db
        .select()
        .from(judgments)
        .all()
        .map((row) => row.sample),
    ).toEqual([0, 1]);
  });

  it("reject a second pair for the same run and instruction", () => {
    const { run, item } = seedRunWithPair(temp.db);
    expect(() =>
      temp.db.insert(pairs).values({ runId: run.id, datasetItemId: item.id, status: "ok", goodResponse: "again" }).run(),
    ).toThrow(/UNIQUE constraint failed: pairs.run_id, pairs.dataset_item_id/);
  });

  it("reject a second eval judgment for the same iteration, item, order and sample", () => {
    const { iteration, item } = seedRunWithPair(temp.db);
    const row = {
      iterationId: iteration.id,
      datasetItemId: item.id,
      goodPosition: "B" as const,
      sample: 0,
      outcome: "wrong" as const,
      trace: "t",
    };
    temp.db.insert(evalJudgments).values(row).run();
    expect(() => temp.db.insert(evalJudgments).values(row).run()).toThrow(/UNIQUE constraint failed/);
  });

  it("allow one training job per iteration and one iteration per index", () => {
    const { iteration, run } = seedRunWithPair(temp.db);
    const job = { iterationId: iteration.id, trainer: "manual" as const, method: "sft" as const, baseModel: "m" };
    temp.db.insert(trainingJobs).values(job).run();
    expect(() => temp.db.insert(trainingJobs).values(job).run()).toThrow(/UNIQUE constraint failed/);
    expect(() => temp.db.insert(iterations).values({ runId: run.id, index: 0, judgeModel: "m" }).run()).toThrow(/UNIQUE constraint failed/);
  });

  it("reject two backends with one name", () => {
    seedRunWithPair(temp.db);
    expect(() =>
      temp.db
        .insert(backends)
        .values({ name: "sim", preset: "vllm", baseUrls: ["http://x/v1"], maxInFlight: 1, timeoutMs: 1 })
        .run(),
    ).toThrow(/UNIQUE constraint failed: backends.name/);
  });
});

describe("foreign keys", () => {
  it("reject a judgment that points at a pair that does not exist", () => {
    const { iteration } = seedRunWithPair(temp.db);
    expect(() =>
      temp.db
        .insert(judgments)
        .values(judgment(iteration.id, 9999, "A", 0))
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
  });

  it("keep a backend or dataset a run uses from being deleted", () => {
    const { backend, dataset } = seedRunWithPair(temp.db);
    expect(() => temp.db.delete(backends).where(eq(backends.id, backend.id)).run()).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => temp.db.delete(datasets).where(eq(datasets.id, dataset.id)).run()).toThrow(/FOREIGN KEY constraint failed/);
  });

  it("delete a run's rows with the run", () => {
    const { iteration, pair, run } = seedRunWithPair(temp.db);
    temp.db
      .insert(judgments)
      .values(judgment(iteration.id, pair.id, "A", 0))
      .run();
    temp.db.delete(runs).where(eq(runs.id, run.id)).run();
    expect(temp.db.select().from(iterations).all()).toHaveLength(0);
    expect(temp.db.select().from(pairs).all()).toHaveLength(0);
    expect(temp.db.select().from(judgments).all()).toHaveLength(0);
  });

  it("refuse values outside the checks (negative sample, zero in-flight)", () => {
    const { iteration, pair } = seedRunWithPair(temp.db);
    expect(() =>
      temp.db
        .insert(judgments)
        .values(judgment(iteration.id, pair.id, "A", -1))
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      temp.db
        .insert(backends)
        .values({ name: "zero", preset: "vllm", baseUrls: ["http://x/v1"], maxInFlight: 0, timeoutMs: 1 })
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
