// Two systems' outputs joined into responses to judge: by id when both files have one (ids as
// numbers or text, any order), else by the prompt's text; JSONL and CSV; system names given, from
// the generator column, or from the file names; every problem refused together with its file,
// line and field (rows alone in either file, duplicate ids and prompts, one id with two prompts,
// empty outputs, missing columns), capped with a total; the joined file imports as a dataset.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblem, importDataset, ImportFailure } from "@/lib/datasets/import-dataset";
import { describeSourceFile } from "@/lib/datasets/source-file";
import { joinTwoSystems, MAX_JOIN_PROBLEMS, type JoinTwoSystemsRequest } from "@/lib/datasets/two-systems";
import { datasetItems, datasets } from "@/lib/db/schema";
import type { FileMaker } from "../helpers/files";
import { importSuite } from "../helpers/import-suite";

const suite = importSuite();

let counter = 0;
const join = (request: Omit<JoinTwoSystemsRequest, "dir">) =>
  joinTwoSystems({ ...request, dir: path.join(suite.files.dir, `joined-${counter++}`) });
const readJoined = (file: string) =>
  fs
    .readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

/** The refusal's problems as "file, line, field: message" lines. */
async function refusal(request: Omit<JoinTwoSystemsRequest, "dir">): Promise<{ error: ImportFailure; lines: string[] }> {
  try {
    await join(request);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFailure);
    return { error: error as ImportFailure, lines: (error as ImportFailure).problems.map(formatProblem) };
  }
  throw new Error("joined");
}

describe("joining two systems' outputs", () => {
  it("joins by id when both files have one, in A's order, with names from the generator column", async () => {
    const a = suite.files.jsonl("v1.jsonl", [
      { id: 1, prompt: "Say hi", response: "Hi!", generator: "model-v1", category: "chat" },
      { id: 2, prompt: "Add 2+2", response: "4", generator: "model-v1", category: "math" },
    ]);
    const b = suite.files.jsonl("v2.jsonl", [
      { id: "2", prompt: "Add 2+2", response: "2+2 = 4", generator: "model-v2" },
      { id: "1", prompt: "Say hi", response: "Hello.", generator: "model-v2" },
    ]);
    const joined = await join({ fileA: a, fileB: b });
    expect(joined).toMatchObject({ rows: 2, joinedBy: "id", responseNames: ["model-v1", "model-v2"], source: "v1.jsonl vs v2.jsonl" });
    expect(joined.suggestedName).toBe("model-v1 vs model-v2");
    expect(readJoined(joined.path)).toEqual([
      { id: "1", prompt: "Say hi", response_a: "Hi!", response_b: "Hello.", category: "chat" },
      { id: "2", prompt: "Add 2+2", response_a: "4", response_b: "2+2 = 4", category: "math" },
    ]);
    // Only one file needs the prompt when joining by id.
    const bare = suite.files.jsonl("bare.jsonl", [
      { question_id: 2, answer: "four" },
      { question_id: 1, answer: "hey" },
    ]);
    const byIdOnly = await join({ fileA: a, fileB: bare, nameB: "bare model" });
    expect(byIdOnly.responseNames).toEqual(["model-v1", "bare model"]);
    expect(readJoined(byIdOnly.path).map((r) => [r.id, r.prompt, r.response_b])).toEqual([
      ["1", "Say hi", "hey"],
      ["2", "Add 2+2", "four"],
    ]);
  });

  it("joins by prompt text when a file has no id (AlpacaEval rows, a CSV), names from the file names or as given", async () => {
    const a = suite.files.jsonl("alpaca-v1.jsonl", [
      { instruction: "Name a color.", output: "Blue.", generator: "v1", dataset: "helpful_base" },
      { instruction: "Name a fruit.", output: "Apple.", generator: "v1", dataset: "koala" },
    ]);
    const b = suite.files.write("outputs-v2.csv", 'instruction,output\n"Name a fruit.  ","A pear,\nripe."\nName a color.,Red.\n');
    const joined = await join({ fileA: a, fileB: b });
    expect(joined).toMatchObject({ rows: 2, joinedBy: "prompt", responseNames: ["v1", "outputs-v2"] });
    expect(readJoined(joined.path)).toEqual([
      { id: "1", prompt: "Name a color.", response_a: "Blue.", response_b: "Red.", category: "helpful_base" },
      { id: "2", prompt: "Name a fruit.", response_a: "Apple.", response_b: "A pear,\nripe.", category: "koala" },
    ]);
    const named = await join({ fileA: a, fileB: b, nameA: "GPT", nameB: "GPT" });
    expect(named.responseNames).toEqual(["GPT (A)", "GPT (B)"]);
    const csvA = suite.files.write("a.csv", "question,completion\nQ1,x\nQ2,y\n");
    const csvB = suite.files.write("b.csv", "question,completion\nQ2,z\nQ1,w\n");
    const csv = await join({ fileA: csvA, fileB: csvB, columns: { prompt: "question" }, columnsB: { output: "completion" } });
    expect(readJoined(csv.path).map((r) => [r.prompt, r.response_a, r.response_b])).toEqual([
      ["Q1", "x", "w"],
      ["Q2", "y", "z"],
    ]);
  });

  it("refuses rows alone in either file, naming the file, line and field", async () => {
    const a = suite.files.jsonl("alone-a.jsonl", [
      { id: 1, prompt: "p1", output: "a1" },
      { id: 2, prompt: "p2", output: "a2" },
    ]);
    const b = suite.files.jsonl("alone-b.jsonl", [
      { id: 1, prompt: "p1", output: "b1" },
      { id: 3, prompt: "p3", output: "b3" },
    ]);
    const { error, lines } = await refusal({ fileA: a, fileB: b });
    expect(error.reason).toBe("invalid_rows");
    expect(error.message).toBe("2 problems joining alone-a.jsonl and alone-b.jsonl; nothing was imported");
    expect(lines).toEqual([
      'alone-a.jsonl, line 2, field "id": no row in alone-b.jsonl has this id "2"',
      'alone-b.jsonl, line 2, field "id": no row in alone-a.jsonl has this id "3"',
    ]);
  });

  it("refuses duplicate ids, duplicate prompts, one id with two prompts and empty outputs, all together", async () => {
    const a = suite.files.jsonl("dup-a.jsonl", [
      { id: "x", prompt: "same", output: "1" },
      { id: "x", prompt: "same", output: "2" },
      { id: "y", prompt: "why?", output: "   " },
      { id: "z", prompt: "zed", output: null },
    ]);
    const b = suite.files.jsonl("dup-b.jsonl", [
      { id: "x", prompt: "same", output: "b" },
      { id: "y", prompt: "why not?", output: "b" },
      { id: "z", prompt: "zed", output: "b" },
    ]);
    const { lines } = await refusal({ fileA: a, fileB: b });
    expect(lines).toEqual([
      'dup-a.jsonl, line 3, field "output": is empty',
      'dup-a.jsonl, line 4, field "output": is missing',
      'dup-a.jsonl, line 2, field "id": duplicate id "x" (line 1 has it too)',
      'dup-b.jsonl, line 2, field "prompt": id "y" has a different prompt in dup-a.jsonl (line 3)',
    ]);
    const byPromptA = suite.files.write("dup-prompts.csv", "prompt,response\nhello,a\nhello,b\nbye,c\n");
    const byPromptB = suite.files.write("dup-prompts-b.csv", "prompt,response\nhello,x\nbye,\n");
    expect((await refusal({ fileA: byPromptA, fileB: byPromptB })).lines).toEqual([
      'dup-prompts-b.csv, line 3, field "response": is empty',
      'dup-prompts.csv, line 3, field "prompt": duplicate prompt "hello" (line 2 has it too)',
    ]);
  });

  it("refuses missing columns: no output column, no prompt to join on, a mapped column that is not there", async () => {
    const a = suite.files.jsonl("cols-a.jsonl", [{ prompt: "p", output: "o" }]);
    const noOutput = suite.files.jsonl("cols-b.jsonl", [{ prompt: "p", score: 3 }]);
    expect((await refusal({ fileA: a, fileB: noOutput })).lines).toEqual([
      'cols-b.jsonl, columns, field "output": no output column (the system\'s responses) (looked for output, response, completion, answer, text; its columns: prompt, score)',
    ]);
    const noPrompt = suite.files.jsonl("cols-c.jsonl", [{ output: "o" }]);
    expect((await refusal({ fileA: a, fileB: noPrompt })).lines).toEqual([
      expect.stringMatching(/^cols-c\.jsonl, columns, field "prompt": no prompt column to join on/),
    ]);
    expect((await refusal({ fileA: a, fileB: a, columnsB: { output: "answer" } })).lines).toEqual([
      'cols-a.jsonl, columns, field "answer": there is no column "answer" for the output (its columns: prompt, output)',
    ]);
    const unreadable = suite.files.write("bad.jsonl", '{"prompt": "p", "output": "o"}\n{not json\n');
    expect((await refusal({ fileA: a, fileB: unreadable })).lines[0]).toMatch(/^bad\.jsonl, line 2: not valid JSON/);
  });

  it(`lists at most ${MAX_JOIN_PROBLEMS} problems and counts them all`, async () => {
    const a = suite.files.jsonl(
      "many-a.jsonl",
      Array.from({ length: 40 }, (_, i) => ({ id: i, prompt: `p${i}`, output: "a" })),
    );
    const b = suite.files.jsonl(
      "many-b.jsonl",
      Array.from({ length: 40 }, (_, i) => ({ id: i + 100, prompt: `p${i}`, output: "b" })),
    );
    const { error } = await refusal({ fileA: a, fileB: b });
    expect(error.problems).toHaveLength(MAX_JOIN_PROBLEMS);
    expect(error.totalProblems).toBe(80);
    expect(error.message).toMatch(/^80 problems/);
  });

  it("the joined file imports as responses to judge, the systems named", async () => {
    const a = suite.files.jsonl("imp-a.jsonl", [
      { prompt: "one", output: "A1", generator: "alpha" },
      { prompt: "two", output: "A2", generator: "alpha" },
    ]);
    const b = suite.files.jsonl("imp-b.jsonl", [
      { prompt: "two", output: "B2", generator: "beta" },
      { prompt: "one", output: "B1", generator: "beta" },
    ]);
    const joined = await join({ fileA: a, fileB: b });
    const summary = await importDataset(suite.temp.db, {
      files: [await describeSourceFile(joined.path, "joined.jsonl")],
      name: joined.suggestedName,
      kind: "responses",
      source: joined.source,
      responseNames: joined.responseNames,
    });
    expect(summary).toMatchObject({ name: "alpha vs beta", kind: "responses", rows: 2 });
    expect(suite.temp.db.select().from(datasets).where(eq(datasets.id, summary.datasetId)).get()!.responseNames).toEqual(["alpha", "beta"]);
    const items = suite.temp.db
      .select()
      .from(datasetItems)
      .where(eq(datasetItems.datasetId, summary.datasetId))
      .orderBy(datasetItems.position)
      .all();
    expect(items.map((i) => [i.prompt, i.responses])).toEqual([
      ["one", ["A1", "B1"]],
      ["two", ["A2", "B2"]],
    ]);
  });
});
