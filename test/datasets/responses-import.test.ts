// Responses to judge, imported from small files in each published layout (kind "responses"):
// best-of-n lists, Auto-J, PandaLM (annotators' votes by majority), MT-Bench human judgments
// (conversations and turns), JudgeBench, plain two-column files with and without a label (JSONL,
// CSV, a JSON array). Each item keeps its responses as a JSON list and its label as the best
// response's index ("0", "1", …) or "tie". Bad rows are refused naming the file, the line or row
// and the field, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { importDataset, ImportFailure, type ImportRequest } from "@/lib/datasets/import-dataset";
import { describeSourceFile } from "@/lib/datasets/source-file";
import { findDatasetByName, getDatasetById } from "@/lib/db/queries/datasets";
import { datasetItems } from "@/lib/db/schema";
import { tableCounts, type FileMaker } from "../helpers/files";
import { importSuite } from "../helpers/import-suite";

const suite = importSuite();

const importResponses = (file: string, options: Partial<ImportRequest> = {}) => suite.importFile(file, { kind: "responses", ...options });

const itemsOf = (datasetId: number) =>
  suite.temp.db.select().from(datasetItems).where(eq(datasetItems.datasetId, datasetId)).orderBy(datasetItems.position).all();

/** The stored columns as SQLite holds them: responses is a JSON text. */
const storedColumns = (datasetId: number) =>
  suite.temp.db.$client
    .prepare("select source_id as sourceId, responses, label from dataset_items where dataset_id = ? order by position")
    .all(datasetId) as { sourceId: string; responses: string; label: string | null }[];

describe("responses to judge: the published layouts", () => {
  it("best-of-n: a responses list with a best letter (C is the third: index 2); unlabelled rows have no label", async () => {
    const summary = await importResponses(
      suite.files.jsonl("best-of-n.jsonl", [
        { id: "q1", prompt: "Name a prime above 10.", responses: ["12", "13", "15"], best: "C" },
        { id: "q2", prompt: "Capital of France?", responses: ["Paris", "Lyon", "Nice", "Lille"], best: "A" },
        { id: "q3", prompt: "2 + 2?", responses: ["4", "5"], best: null },
      ]),
    );
    expect(summary).toMatchObject({ rows: 3, kind: "responses", layout: "best-of-n (prompt, responses)" });
    expect(summary.mapping).toMatchObject({ prompt: "prompt", responses: "responses", label: "best", id: "id" });
    expect(storedColumns(summary.datasetId)).toEqual([
      { sourceId: "q1", responses: JSON.stringify(["12", "13", "15"]), label: "2" },
      { sourceId: "q2", responses: JSON.stringify(["Paris", "Lyon", "Nice", "Lille"]), label: "0" },
      { sourceId: "q3", responses: JSON.stringify(["4", "5"]), label: null },
    ]);
    const items = itemsOf(summary.datasetId);
    expect(items[0]).toMatchObject({ prompt: "Name a prime above 10.", responses: ["12", "13", "15"], chosen: null, rejected: null });
    // A list of responses has no response columns to name them.
    expect(getDatasetById(suite.temp.db, summary.datasetId)!.responseNames).toBeNull();
  });

  it("best-of-n numbers count from 1 by default (2 = the second), from 0 with the zero-based scheme", async () => {
    const rows = [{ prompt: "Pick one", responses: ["x", "y", "z"], best: 2 }];
    const auto = await importResponses(suite.files.jsonl("best-number.jsonl", rows));
    expect(itemsOf(auto.datasetId)[0]!.label).toBe("1");
    const zeroBased = await importResponses(suite.files.jsonl("best-number-0.jsonl", rows), { mapping: { labelScheme: "zero-based" } });
    expect(itemsOf(zeroBased.datasetId)[0]!.label).toBe("2");
  });

  it("Auto-J: response 1 / response 2 with 0 = the first, 1 = the second, 2 = a tie; the scenario is the category", async () => {
    const summary = await importResponses(
      suite.files.jsonl("auto-j.jsonl", [
        { scenario: "code_generation", label: 0, prompt: "Reverse a list in Python.", "response 1": "xs[::-1]", "response 2": "xs.sort()" },
        { scenario: "chitchat", label: 1, prompt: "How are you?", "response 1": "No.", "response 2": "Fine, thanks!" },
        { scenario: "chitchat", label: 2, prompt: "Say hi.", "response 1": "Hi!", "response 2": "Hello!" },
      ]),
    );
    expect(summary.layout).toMatch(/^Auto-J pairwise/);
    expect(summary.mapping).toMatchObject({ responseA: "response 1", responseB: "response 2", label: "label", labelScheme: "auto-j" });
    // A tie is kept as a label (a judge job measures agreement on ties), not skipped as pair sets do.
    expect(summary.skippedTies).toBe(0);
    expect(itemsOf(summary.datasetId).map((i) => [i.category, i.responses, i.label])).toEqual([
      ["code_generation", ["xs[::-1]", "xs.sort()"], "0"],
      ["chitchat", ["No.", "Fine, thanks!"], "1"],
      ["chitchat", ["Hi!", "Hello!"], "tie"],
    ]);
    expect(getDatasetById(suite.temp.db, summary.datasetId)!.responseNames).toEqual(["response 1", "response 2"]);
  });

  it("PandaLM (a JSON array): three annotators' votes (0 = tie, 1 = response 1, 2 = response 2) by majority; a 3-way split is a tie", async () => {
    const row = (idx: number, votes: [number, number, number]) => ({
      idx,
      motivation_app: "Grammarly",
      cmp_key: "llama-7b_opt-7b",
      instruction: `Fix the grammar of sentence ${idx}.`,
      response1: `Fixed ${idx} one way.`,
      response2: `Fixed ${idx} another way.`,
      annotator1: votes[0],
      annotator2: votes[1],
      annotator3: votes[2],
    });
    const summary = await importResponses(
      suite.files.write(
        "pandalm.json",
        JSON.stringify([row(0, [2, 2, 2]), row(1, [1, 1, 0]), row(2, [0, 1, 2]), row(3, [0, 0, 2]), row(4, [1, 2, 2])]),
      ),
    );
    expect(summary.layout).toMatch(/^PandaLM/);
    expect(summary.mapping).toMatchObject({
      prompt: "instruction",
      responseA: "response1",
      responseB: "response2",
      label: "annotator1+annotator2+annotator3",
      labelScheme: "pandalm",
      id: "idx",
      category: "motivation_app",
    });
    const items = itemsOf(summary.datasetId);
    // [2,2,2] → response 2; [1,1,0] → response 1; [0,1,2] → no majority, a tie; [0,0,2] → tie by majority; [1,2,2] → response 2.
    expect(items.map((i) => [i.sourceId, i.label])).toEqual([
      ["0", "1"],
      ["1", "0"],
      ["2", "tie"],
      ["3", "tie"],
      ["4", "1"],
    ]);
    expect(items[0]).toMatchObject({ prompt: "Fix the grammar of sentence 0.", responses: ["Fixed 0 one way.", "Fixed 0 another way."] });
    // The votes are the label; the columns no field uses stay as metadata.
    expect(items[0]!.metadata).toEqual({ cmp_key: "llama-7b_opt-7b" });
  });

  it("MT-Bench human judgments: the winner as the label, turn 1 and turn 2 of the same question both kept", async () => {
    const conversation = (model: string) => [
      { role: "user", content: "Write a haiku about rain." },
      { role: "assistant", content: `${model}: drops on the window` },
      { role: "user", content: "Now make it about snow." },
      { role: "assistant", content: `${model}: flakes on the window` },
    ];
    const base = { question_id: 81, model_a: "gpt-4", model_b: "llama-13b", judge: "author_2" };
    const summary = await importResponses(
      suite.files.jsonl("mt-bench-human.jsonl", [
        { ...base, winner: "model_a", conversation_a: conversation("gpt-4"), conversation_b: conversation("llama-13b"), turn: 1 },
        { ...base, winner: "model_b", conversation_a: conversation("gpt-4"), conversation_b: conversation("llama-13b"), turn: 2 },
        {
          ...base,
          judge: "author_3",
          winner: "tie",
          conversation_a: conversation("gpt-4"),
          conversation_b: conversation("llama-13b"),
          turn: 2,
        },
        {
          ...base,
          question_id: 82,
          winner: "tie (bothbad)",
          conversation_a: conversation("claude"),
          conversation_b: conversation("alpaca"),
          turn: 1,
        },
      ]),
    );
    expect(summary.layout).toMatch(/^MT-Bench human judgments/);
    expect(summary.rows).toBe(4);
    const items = itemsOf(summary.datasetId);
    // Turn 1: the first question is the prompt, the first answers are judged.
    expect(items[0]).toMatchObject({
      prompt: "Write a haiku about rain.",
      messages: [{ role: "user", content: "Write a haiku about rain." }],
      responses: ["gpt-4: drops on the window", "llama-13b: drops on the window"],
      label: "0",
    });
    // Turn 2: the second answers, with the conversation before them (as conversation_a has it) as the prompt.
    expect(items[1]).toMatchObject({
      prompt: "User: Write a haiku about rain.\n\nAssistant: gpt-4: drops on the window\n\nUser: Now make it about snow.",
      messages: conversation("gpt-4").slice(0, 3),
      responses: ["gpt-4: flakes on the window", "llama-13b: flakes on the window"],
      label: "1",
    });
    expect(items.slice(2).map((i) => i.label)).toEqual(["tie", "tie"]);
    // Many rows share a question: the items are numbered by row, the question id kept in the metadata.
    expect(items.map((i) => i.sourceId)).toEqual(["0", "1", "2", "3"]);
    expect(items[1]!.metadata).toEqual({ question_id: 81, model_a: "gpt-4", model_b: "llama-13b", judge: "author_2", turn: 2 });
    expect(getDatasetById(suite.temp.db, summary.datasetId)!.responseNames).toEqual(["conversation_a", "conversation_b"]);
  });

  it('JudgeBench: question, response_A, response_B, "A>B" → 0 and "B>A" → 1; pair_id is the id', async () => {
    const summary = await importResponses(
      suite.files.jsonl("judgebench.jsonl", [
        {
          pair_id: "p-1",
          original_id: "o1",
          source: "mmlu-pro-math",
          question: "What is 7 * 8?",
          response_model: "gpt-4o",
          response_A: "56",
          response_B: "54",
          label: "A>B",
        },
        {
          pair_id: "p-2",
          original_id: "o2",
          source: "livebench-reasoning",
          question: "Is 91 prime?",
          response_model: "gpt-4o",
          response_A: "Yes.",
          response_B: "No: 7 * 13.",
          label: "B>A",
        },
      ]),
    );
    expect(summary.mapping).toMatchObject({
      prompt: "question",
      responseA: "response_A",
      responseB: "response_B",
      label: "label",
      id: "pair_id",
    });
    expect(summary.mapping.labelScheme).toBeUndefined();
    expect(itemsOf(summary.datasetId).map((i) => [i.sourceId, i.prompt, i.responses, i.label])).toEqual([
      ["p-1", "What is 7 * 8?", ["56", "54"], "0"],
      ["p-2", "Is 91 prime?", ["Yes.", "No: 7 * 13."], "1"],
    ]);
  });

  it("two response columns without a label: responses to compare, unlabelled", async () => {
    const summary = await importResponses(
      suite.files.jsonl("two-systems.jsonl", [
        { prompt: "Summarize: the cat sat.", response_a: "A cat sat.", response_b: "Cat." },
        { prompt: "Translate 'chat'.", response_a: "cat", response_b: "chat" },
      ]),
    );
    expect(summary.layout).toBe("two responses to compare");
    expect(storedColumns(summary.datasetId)).toEqual([
      { sourceId: "0", responses: JSON.stringify(["A cat sat.", "Cat."]), label: null },
      { sourceId: "1", responses: JSON.stringify(["cat", "chat"]), label: null },
    ]);
    expect(getDatasetById(suite.temp.db, summary.datasetId)!.responseNames).toEqual(["response_a", "response_b"]);
  });

  it("a CSV with two response columns and a label: A, 2 (counted from 1) and tie", async () => {
    const csv = 'prompt,response_a,response_b,label\n"Greet, politely",Hello there.,yo,A\nAdd 1+1,3,2,2\nSay yes,Yes,Yes!,tie\n';
    const summary = await importResponses(suite.files.write("two-columns.csv", csv));
    expect(summary.layout).toBe("two responses and a label");
    expect(itemsOf(summary.datasetId).map((i) => [i.prompt, i.responses, i.label])).toEqual([
      ["Greet, politely", ["Hello there.", "yo"], "0"],
      ["Add 1+1", ["3", "2"], "1"],
      ["Say yes", ["Yes", "Yes!"], "tie"],
    ]);
  });
});

describe("responses to judge: refusals name the file, the line and the field, and store nothing", () => {
  type Refusal = {
    name: string;
    make: (f: FileMaker) => string;
    location: string;
    field: string;
    message: RegExp;
    mapping?: Partial<ImportRequest["mapping"]>;
  };
  const good = { prompt: "Pick the best", responses: ["one", "two", "three"], best: "B" };
  const pair = { prompt: "Q", response_a: "x", response_b: "y", label: "A" };
  const autoJ = { scenario: "s", label: 0, prompt: "P", "response 1": "r1", "response 2": "r2" };

  const refusals: Refusal[] = [
    {
      name: "responses that are not a list",
      make: (f) => f.jsonl("not-a-list.jsonl", [good, { ...good, responses: "one, two" }]),
      location: "line 2",
      field: "responses",
      message: /expected a list of responses, got a string/,
    },
    {
      name: "a single response",
      make: (f) => f.jsonl("single.jsonl", [good, good, { ...good, responses: ["only one"], best: null }]),
      location: "line 3",
      field: "responses",
      message: /needs at least 2 responses to compare, got 1/,
    },
    {
      name: "an empty response in a list",
      make: (f) => f.jsonl("empty-in-list.jsonl", [{ ...good, responses: ["one", "  ", "three"] }]),
      location: "line 1",
      field: "responses[1]",
      message: /is empty/,
    },
    {
      name: "a response that is not text",
      make: (f) => f.jsonl("number-in-list.jsonl", [good, { ...good, responses: ["one", 2] }]),
      location: "line 2",
      field: "responses[1]",
      message: /expected text, got a number/,
    },
    {
      name: "an empty response column",
      make: (f) => f.jsonl("empty-column.jsonl", [pair, { ...pair, response_b: "" }]),
      location: "line 2",
      field: "response_b",
      message: /is empty/,
    },
    {
      name: "an Auto-J label outside 0/1/2",
      make: (f) => f.jsonl("auto-j-bad.jsonl", [autoJ, { ...autoJ, label: 3 }]),
      location: "line 2",
      field: "label",
      message: /cannot read 3 as a label \(label scheme "auto-j"\)/,
    },
    {
      name: "a PandaLM vote outside 0/1/2",
      make: (f) =>
        f.write(
          "pandalm-bad.json",
          JSON.stringify([
            { instruction: "I", response1: "a", response2: "b", annotator1: 1, annotator2: 1, annotator3: 1 },
            { instruction: "I", response1: "a", response2: "b", annotator1: 1, annotator2: 5, annotator3: 1 },
          ]),
        ),
      location: "row 1",
      field: "annotator2",
      message: /cannot read 5 as a label \(label scheme "pandalm"\)/,
    },
    {
      name: "a label word the auto scheme does not know",
      make: (f) => f.jsonl("auto-bad.jsonl", [{ ...pair, label: "maybe" }]),
      location: "line 1",
      field: "label",
      message: /cannot read "maybe" as a label \(label scheme "auto"\)/,
    },
    {
      name: "0 under the auto scheme (numbers count from 1)",
      make: (f) => f.jsonl("auto-zero.jsonl", [pair, { ...pair, label: 0 }]),
      location: "line 2",
      field: "label",
      message: /cannot read 0 as a label \(label scheme "auto"\)/,
    },
    {
      name: "a best letter past the last response",
      make: (f) => f.jsonl("letter-past.jsonl", [good, { ...good, best: "D" }]),
      location: "line 2",
      field: "best",
      message: /cannot read "D" as a label/,
    },
    {
      name: "a tie label with 3 responses",
      make: (f) => f.jsonl("tie-of-three.jsonl", [good, { ...good, best: "tie" }]),
      location: "line 2",
      field: "best",
      message: /a tie label needs exactly two responses/,
    },
  ];

  for (const refusal of refusals) {
    it(refusal.name, async () => {
      const file = refusal.make(suite.files);
      const label = file.split("/").at(-1)!;
      const before = tableCounts(suite.temp.db);
      const name = `refused ${refusal.name}`;
      let failure: unknown;
      try {
        await importResponses(file, { name, mapping: refusal.mapping });
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(ImportFailure);
      const f = failure as ImportFailure;
      expect(f.reason).toBe("invalid_rows");
      expect(f.message).toMatch(/nothing was imported/);
      expect(f.problems[0]).toMatchObject({ file: label, location: refusal.location, field: refusal.field });
      expect(f.problems[0]!.message).toMatch(refusal.message);
      expect(tableCounts(suite.temp.db)).toEqual(before);
      expect(findDatasetByName(suite.temp.db, name)).toBeUndefined();
    });
  }
});
