// Every supported layout and format imports as expected: RewardBench JSONL, JSON arrays, CSV with
// quoted newlines, parquet (several row groups), gzip of each, Anthropic HH dialogues, LLMBar
// labels (ties skipped and counted), OpenAI/TRL message lists, hand-made column mappings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDataset, type ImportRequest } from "@/lib/datasets/import-dataset";
import { describeSourceFile } from "@/lib/datasets/source-file";
import type { Db } from "@/lib/db/client";
import { datasetItems } from "@/lib/db/schema";
import { eq } from "drizzle-orm";
import type { FileMaker } from "../helpers/files";
import { importSuite } from "../helpers/import-suite";

const suite = importSuite();

const importFile = (file: string, options: Partial<ImportRequest> = {}) => suite.importFile(file, options);

const itemsOf = (db: Db, datasetId: number) =>
  db.select().from(datasetItems).where(eq(datasetItems.datasetId, datasetId)).orderBy(datasetItems.position).all();

const pairs = [
  { id: 7, subset: "chat", prompt: "Say hi", chosen: "Hi!", rejected: "Bye." },
  { id: 8, subset: "chat", prompt: "Add 2+2", chosen: "4", rejected: "5" },
  { id: 9, subset: "math", prompt: "Square 3", chosen: "9", rejected: "6" },
];

describe("formats", () => {
  it("reads RewardBench JSONL with ids, subsets and order kept", async () => {
    const summary = await importFile(suite.files.jsonl("rb.jsonl", pairs));
    const items = itemsOf(suite.temp.db, summary.datasetId);
    expect(items.map((i) => [i.sourceId, i.subset, i.prompt, i.chosen, i.rejected])).toEqual([
      ["7", "chat", "Say hi", "Hi!", "Bye."],
      ["8", "chat", "Add 2+2", "4", "5"],
      ["9", "math", "Square 3", "9", "6"],
    ]);
  });

  it("reads a JSON array, and a {data: [...]} document", async () => {
    expect((await importFile(suite.files.write("array.json", JSON.stringify(pairs.map((p) => ({ ...p, id: p.id + 100 })))))).rows).toBe(3);
    expect(
      (await importFile(suite.files.write("wrapped.json", JSON.stringify({ data: pairs.map((p) => ({ ...p, id: p.id + 200 })) })))).rows,
    ).toBe(3);
  });

  it("reads CSV with quoted commas, quotes and newlines; the subset defaults to the dataset name", async () => {
    const csv = 'prompt,chosen,rejected\n"Write a poem, short","Roses are red,\nviolets are ""blue""",Nope\nHi,Hello,Go away\n';
    const summary = await importFile(suite.files.write("poems.csv", csv), { name: "poems" });
    const items = itemsOf(suite.temp.db, summary.datasetId);
    expect(items[0]).toMatchObject({
      sourceId: "0",
      subset: "poems",
      prompt: "Write a poem, short",
      chosen: 'Roses are red,\nviolets are "blue"',
    });
    expect(items[1]).toMatchObject({ sourceId: "1", prompt: "Hi" });
  });

  it("reads parquet over several row groups", async () => {
    const file = suite.files.parquet(
      "rb.parquet",
      {
        prompt: ["a?", "b?", "c?", "d?", "e?"],
        chosen: ["A", "B", "C", "D", "E"],
        rejected: ["x", "y", "z", "w", "v"],
        subset: ["s", "s", "s", "t", "t"],
        id: [1, 2, 3, 4, 5],
      },
      { rowGroupSize: 2 },
    );
    const summary = await importFile(file);
    expect(summary.rows).toBe(5);
    expect(itemsOf(suite.temp.db, summary.datasetId).map((i) => i.sourceId)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("reads gzip of JSONL, JSON, CSV and parquet", async () => {
    const jsonl = pairs.map((p) => JSON.stringify({ ...p, id: p.id + 300 })).join("\n");
    expect((await importFile(suite.files.gzip("a.jsonl.gz", jsonl))).rows).toBe(3);
    expect((await importFile(suite.files.gzip("b.json.gz", JSON.stringify(pairs.map((p) => ({ ...p, id: p.id + 400 })))))).rows).toBe(3);
    expect((await importFile(suite.files.gzip("c.csv.gz", "prompt,chosen,rejected\nq,a,b\n"))).rows).toBe(1);
    const parquet = suite.files.parquet("d.parquet", { prompt: ["p1", "p2"], chosen: ["c1", "c2"], rejected: ["r1", "r2"] });
    const { readFileSync } = await import("node:fs");
    expect((await importFile(suite.files.gzip("d.parquet.gz", readFileSync(parquet)))).rows).toBe(2);
  });
});

describe("layouts", () => {
  it("splits Anthropic HH dialogues into the shared prompt and the two final answers", async () => {
    const summary = await importFile(
      suite.files.jsonl("hh.jsonl", [
        {
          chosen: "\n\nHuman: Hi there\n\nAssistant: Hello! How can I help?\n\nHuman: Name a fruit\n\nAssistant: An apple.",
          rejected: "\n\nHuman: Hi there\n\nAssistant: Hello! How can I help?\n\nHuman: Name a fruit\n\nAssistant: A carrot.",
        },
      ]),
    );
    expect(summary.layout).toMatch(/Anthropic HH/);
    const [item] = itemsOf(suite.temp.db, summary.datasetId);
    expect(item).toMatchObject({ chosen: "An apple.", rejected: "A carrot." });
    expect(item!.messages).toEqual([
      { role: "user", content: "Hi there" },
      { role: "assistant", content: "Hello! How can I help?" },
      { role: "user", content: "Name a fruit" },
    ]);
    expect(item!.prompt).toBe("User: Hi there\n\nAssistant: Hello! How can I help?\n\nUser: Name a fruit");
  });

  it("reads LLMBar's label, skipping and counting ties", async () => {
    const summary = await importFile(
      suite.files.jsonl("llmbar.jsonl", [
        { input: "Q1", output_1: "good", output_2: "bad", label: 1 },
        { input: "Q2", output_1: "bad", output_2: "good", label: 2 },
        { input: "Q3", output_1: "same-ish", output_2: "same", label: "tie" },
      ]),
    );
    expect(summary).toMatchObject({ rows: 2, skippedTies: 1 });
    expect(itemsOf(suite.temp.db, summary.datasetId).map((i) => [i.prompt, i.chosen, i.rejected])).toEqual([
      ["Q1", "good", "bad"],
      ["Q2", "good", "bad"],
    ]);
  });

  it("reads OpenAI/TRL preference message lists", async () => {
    const summary = await importFile(
      suite.files.jsonl("trl.jsonl", [
        {
          prompt: [
            { role: "system", content: "Be brief" },
            { role: "user", content: "Capital of France?" },
          ],
          chosen: [{ role: "assistant", content: "Paris." }],
          rejected: [{ role: "assistant", content: "Lyon." }],
        },
      ]),
    );
    const [item] = itemsOf(suite.temp.db, summary.datasetId);
    expect(item).toMatchObject({ chosen: "Paris.", rejected: "Lyon.", prompt: "System: Be brief\n\nUser: Capital of France?" });
    expect(item!.messages).toHaveLength(2);
  });

  it("maps any table through columns picked by hand, keeping the rest as metadata", async () => {
    const csv = "question,answer_good,answer_bad,topic,score\nWhy?,Because.,No.,misc,0.9\n";
    const summary = await importFile(suite.files.write("custom.csv", csv), {
      kind: "pairs",
      mapping: { prompt: "question", chosen: "answer_good", rejected: "answer_bad", subset: "topic" },
    });
    expect(summary.layout).toBe("custom column mapping");
    const [item] = itemsOf(suite.temp.db, summary.datasetId);
    expect(item).toMatchObject({ prompt: "Why?", chosen: "Because.", rejected: "No.", subset: "misc", metadata: { score: "0.9" } });
  });

  it("maps a label column that names the better of two response columns", async () => {
    const csv = "q,left,right,winner\nA or B?,first answer,second answer,right\nC or D?,third,fourth,left\nE?,x,y,tie (bothbad)\n";
    const summary = await importFile(suite.files.write("arena.csv", csv), {
      kind: "pairs",
      mapping: { prompt: "q", responseA: "left", responseB: "right", label: "winner" },
    });
    expect(summary).toMatchObject({ rows: 2, skippedTies: 1 });
    expect(itemsOf(suite.temp.db, summary.datasetId).map((i) => [i.chosen, i.rejected])).toEqual([
      ["second answer", "first answer"],
      ["third", "fourth"],
    ]);
  });

  it("reads instruction pools with categories, from text or messages", async () => {
    const summary = await importFile(
      suite.files.jsonl("pool.jsonl", [
        { id: "a", instruction: "Plan a trip", category: "planning" },
        { id: "b", instruction: [{ role: "user", content: "Write a haiku" }] },
      ]),
    );
    expect(summary.kind).toBe("instructions");
    expect(itemsOf(suite.temp.db, summary.datasetId).map((i) => [i.sourceId, i.prompt, i.category, i.chosen])).toEqual([
      ["a", "Plan a trip", "planning", null],
      ["b", "Write a haiku", null, null],
    ]);
  });

  it("keeps an instruction pool's baseline responses (response, output or baseline column), empty ones as none", async () => {
    for (const column of ["response", "output", "baseline"]) {
      const summary = await importFile(
        suite.files.jsonl(`baseline-${column}.jsonl`, [
          { id: "a", instruction: `Plan a trip (${column})`, [column]: "Day 1: arrive. Day 2: explore." },
          { id: "b", instruction: `Write a haiku (${column})`, [column]: "" },
          { id: "c", instruction: `Name a color (${column})`, [column]: [{ role: "assistant", content: "Blue." }] },
        ]),
      );
      expect(summary.kind).toBe("instructions");
      expect(summary.layout).toBe("instruction pool with baseline responses");
      expect(summary.mapping).toMatchObject({ kind: "instructions", prompt: "instruction", chosen: column });
      expect(itemsOf(suite.temp.db, summary.datasetId).map((i) => i.chosen)).toEqual(["Day 1: arrive. Day 2: explore.", null, "Blue."]);
    }
  });
});
