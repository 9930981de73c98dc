// Importing the real public datasets in ../shared/data: RewardBench-format pair sets give their
// subsets with the official counts, and every instruction pool imports fully. Each test is skipped
// (with one line) when its file is absent and JUDGE_LAB_SHARED_DATA is not set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDataset, ImportFailure } from "@/lib/datasets/import-dataset";
import { describeSourceFile } from "@/lib/datasets/source-file";
import { countItemsBySubset, listDatasets } from "@/lib/db/queries/datasets";
import { requireSharedDataFile, sharedDataFile } from "../helpers/shared-data";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let temp: TempDb;
beforeAll(() => {
  temp = createTempDb();
});
afterAll(() => temp.close());

const has = (name: string) => sharedDataFile(name, `skipped: importing ${name}`) !== null;

async function importShared(name: string, datasetName = name) {
  const file = requireSharedDataFile(name);
  return importDataset(temp.db, { files: [await describeSourceFile(file, name)], name: datasetName, source: file });
}

describe("real data in ../shared/data", () => {
  it.skipIf(!has("rewardbench-llmbar.jsonl"))(
    "rewardbench-llmbar.jsonl gives RewardBench's five LLMBar subsets with the official counts",
    async () => {
      const summary = await importShared("rewardbench-llmbar.jsonl");
      expect(summary).toMatchObject({ kind: "pairs", rows: 419 });
      expect(summary.layout).toMatch(/RewardBench/);
      expect(Object.fromEntries(countItemsBySubset(temp.db, summary.datasetId).map((s) => [s.subset, s.items]))).toEqual({
        "llmbar-adver-GPTInst": 92,
        "llmbar-adver-GPTOut": 47,
        "llmbar-adver-manual": 46,
        "llmbar-adver-neighbor": 134,
        "llmbar-natural": 100,
      });
    },
  );

  it.skipIf(!has("pairs-xstest.jsonl"))(
    "pairs-xstest.jsonl gives its two XSTest subsets, keeping the extra columns as metadata",
    async () => {
      const summary = await importShared("pairs-xstest.jsonl");
      expect(summary.rows).toBe(235);
      expect(Object.fromEntries(countItemsBySubset(temp.db, summary.datasetId).map((s) => [s.subset, s.items]))).toEqual({
        "xstest-should-refuse": 126,
        "xstest-should-respond": 109,
      });
      const meta = temp.db.$client
        .prepare("select metadata from dataset_items where dataset_id = ? limit 1")
        .pluck()
        .get(summary.datasetId) as string;
      expect(Object.keys(JSON.parse(meta))).toEqual(expect.arrayContaining(["chosen_model", "rejected_model", "xstest_type"]));
    },
  );

  const pools = [
    ["instructions-arena-hard.jsonl", 1250],
    ["instructions-alpaca.jsonl", 985],
    ["instructions-alpaca-eval.jsonl", 553],
    ["instructions-xstest.jsonl", 450],
    ["instructions-self-instruct-seed.jsonl", 175],
    ["instructions-mtbench.jsonl", 80],
    ["instructions-vicuna-bench.jsonl", 80],
  ] as const;
  for (const [name, rows] of pools)
    it.skipIf(!has(name))(`${name} imports fully as an instruction pool (${rows} rows)`, async () => {
      const summary = await importShared(name);
      expect(summary).toMatchObject({ kind: "instructions", rows });
      expect(summary.mapping).toMatchObject({ kind: "instructions", prompt: "instruction", id: "id" });
    });

  it.skipIf(!has("rewardbench-llmbar.jsonl"))("refuses the same content twice and stores nothing", async () => {
    const before = listDatasets(temp.db).length;
    const error = await importShared("rewardbench-llmbar.jsonl", "LLMBar again").catch((e) => e);
    expect(error).toBeInstanceOf(ImportFailure);
    expect(error.reason).toBe("duplicate_content");
    expect(error.message).toMatch(/already imported as "rewardbench-llmbar.jsonl"/);
    expect(listDatasets(temp.db)).toHaveLength(before);
  });
});
