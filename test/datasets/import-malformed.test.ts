// A corpus of malformed files written by the test: each is refused with the file, the line or row
// and the field, and the database is left exactly as it was. Also: the report shows the first 20
// problems with the total count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDataset, ImportFailure, MAX_REPORTED_PROBLEMS } from "@/lib/datasets/import-dataset";
import { describeSourceFile, SourceError } from "@/lib/datasets/source-file";
import { tableCounts, type FileMaker } from "../helpers/files";
import { importSuite } from "../helpers/import-suite";

const suite = importSuite();

const ok = { prompt: "Q", chosen: "good", rejected: "bad" };
const okLine = JSON.stringify(ok);

type Case = {
  name: string;
  make: (f: FileMaker) => string;
  /** Expected in the problem or failure text: the location (line/row) and the field, when the input has them. */
  location?: RegExp;
  field?: string;
  message: RegExp;
  kind?: "pairs" | "instructions";
  mapping?: Record<string, string>;
};

const cases: Case[] = [
  {
    name: "bad UTF-8 in a JSONL line",
    make: (f) =>
      f.write(
        "bad-utf8.jsonl",
        Buffer.concat([
          Buffer.from(`${okLine}\n{"prompt": "`),
          Buffer.from([0xff, 0xfe]),
          Buffer.from(`", "chosen": "a", "rejected": "b"}\n`),
        ]),
      ),
    location: /line 2/,
    message: /not valid UTF-8/,
  },
  {
    name: "missing field",
    make: (f) => f.jsonl("missing.jsonl", [ok, ok, { prompt: "Q", rejected: "r" }]),
    location: /line 3/,
    field: "chosen",
    message: /is missing/,
  },
  {
    name: "wrong type (number prompt)",
    make: (f) => f.jsonl("number-prompt.jsonl", [ok, { prompt: 42, chosen: "a", rejected: "b" }]),
    location: /line 2/,
    field: "prompt",
    message: /expected text or a list of messages, got a number/,
  },
  {
    name: "wrong type (object chosen)",
    make: (f) => f.jsonl("object-chosen.jsonl", [{ prompt: "Q", chosen: { text: "a" }, rejected: "b" }]),
    location: /line 1/,
    field: "chosen",
    message: /got an object/,
  },
  {
    name: "empty prompt",
    make: (f) => f.jsonl("empty-prompt.jsonl", [{ prompt: "   ", chosen: "a", rejected: "b" }]),
    location: /line 1/,
    field: "prompt",
    message: /is empty/,
  },
  {
    name: "null rejected",
    make: (f) => f.jsonl("null-rejected.jsonl", [{ prompt: "Q", chosen: "a", rejected: null }]),
    location: /line 1/,
    field: "rejected",
    message: /got null/,
  },
  {
    name: "invalid JSON line",
    make: (f) => f.write("invalid.jsonl", `${okLine}\n{"prompt": "Q", chosen: "a"}\n`),
    location: /line 2/,
    message: /not valid JSON/,
  },
  {
    name: "truncated last line",
    make: (f) => f.write("truncated.jsonl", `${okLine}\n${okLine.slice(0, 20)}`),
    location: /line 2/,
    message: /not valid JSON/,
  },
  {
    name: "a JSONL line that is a list",
    make: (f) => f.write("list-line.jsonl", `${okLine}\n["Q", "a", "b"]\n`),
    location: /line 2/,
    message: /expected an object/,
  },
  {
    name: "a JSONL line that is a string",
    make: (f) => f.write("string-line.jsonl", `"just text"\n`),
    location: /line 1|file/,
    message: /expected an object/,
  },
  { name: "JSON array never closed", make: (f) => f.write("unclosed.json", `[${okLine}, ${okLine}`), message: /not valid JSON|ended/i },
  {
    name: "JSON document that is not an array",
    make: (f) => f.write("scalar.json", `"hello"`),
    message: /expected a JSON array|Could not tell/,
  },
  {
    name: "JSON array holding a number",
    make: (f) => f.write("numbers.json", `[${okLine}, 5]`),
    location: /row 1/,
    message: /expected an object/,
  },
  {
    name: "JSON array of arrays",
    make: (f) => f.write("arrays.json", `[["Q","a","b"]]`),
    location: /row 0/,
    message: /expected an object/,
  },
  {
    name: "CSV with an unterminated quote",
    make: (f) => f.write("unterminated.csv", 'prompt,chosen,rejected\nQ,"never closed,b\nQ2,a,b\n'),
    location: /line \d/,
    message: /quoted field is never closed|quote/i,
  },
  {
    name: "CSV row with too many fields",
    make: (f) => f.write("extra-fields.csv", "prompt,chosen,rejected\nQ,a,b\nQ,a,b,c,d\n"),
    location: /line 3/,
    message: /fields where the header has 3/,
  },
  {
    name: "CSV with an empty required cell",
    make: (f) => f.write("empty-cell.csv", "prompt,chosen,rejected\nQ,,b\n"),
    location: /line 2/,
    field: "chosen",
    message: /is empty/,
  },
  {
    name: "CSV missing the rejected column",
    make: (f) => f.write("no-rejected.csv", "prompt,chosen,other\nQ,a,b\n"),
    kind: "pairs",
    field: "rejected",
    message: /rejected/,
  },
  { name: "CSV header only", make: (f) => f.write("header-only.csv", "prompt,chosen,rejected\n"), message: /no rows|empty|Could not tell/ },
  {
    name: "truncated gzip",
    make: (f) => f.write("cut.jsonl.gz", f.gzipBuffer(`${okLine}\n`.repeat(2000)).subarray(0, 200)),
    message: /gzip data is truncated or corrupt/,
  },
  {
    name: "gzip header then garbage",
    make: (f) =>
      f.write("garbage.jsonl.gz", Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from("not really gzip at all, just text")])),
    message: /gzip data is (truncated or )?corrupt/,
  },
  {
    name: "parquet with the wrong columns",
    make: (f) => f.parquet("wrong.parquet", { question: ["Q"], answer: ["A"] }),
    kind: "pairs",
    field: "chosen",
    message: /chosen/,
  },
  {
    name: "truncated parquet",
    make: (f) => f.write("cut.parquet", Buffer.from(f.parquetBuffer({ prompt: ["Q"], chosen: ["a"], rejected: ["b"] })).subarray(0, 40)),
    message: /not a readable parquet file|could not be read/,
  },
  { name: "empty file", make: (f) => f.write("empty.jsonl", ""), message: /empty/ },
  { name: "only blank lines", make: (f) => f.write("blank.jsonl", "\n\n   \n"), message: /no rows|Could not tell/ },
  {
    name: "duplicate ids",
    make: (f) =>
      f.jsonl("dup-ids.jsonl", [
        { ...ok, id: 1 },
        { ...ok, id: 2, prompt: "Q2" },
        { ...ok, id: 1, prompt: "Q3" },
      ]),
    location: /line 3/,
    field: "id",
    message: /duplicate id "1" \(row 0 has it too\)/,
  },
  {
    name: "id that is an object",
    make: (f) => f.jsonl("object-id.jsonl", [{ ...ok, id: { a: 1 } }]),
    location: /line 1/,
    field: "id",
    message: /expected a text or number id/,
  },
  {
    name: "a huge line",
    make: (f) => f.write("huge.jsonl", `${okLine}\n{"prompt": "${"x".repeat(65 * 1024 * 1024)}", "chosen": "a", "rejected": "b"}\n`),
    location: /line 2/,
    message: /longer than 64 MB/,
  },
  {
    name: "LLMBar label out of range",
    make: (f) => f.jsonl("bad-label.jsonl", [{ input: "Q", output_1: "a", output_2: "b", label: 3 }]),
    location: /line 1/,
    field: "label",
    message: /expected 1 or 2/,
  },
  {
    name: "HH dialogues that do not share a prompt",
    make: (f) => f.jsonl("hh-mismatch.jsonl", [{ chosen: "\n\nHuman: A\n\nAssistant: x", rejected: "\n\nHuman: B\n\nAssistant: y" }]),
    location: /line 1/,
    field: "rejected",
    message: /does not share/,
  },
  {
    name: "HH dialogue without an assistant turn",
    make: (f) =>
      f.jsonl("hh-no-answer.jsonl", [{ chosen: "\n\nHuman: A\n\nAssistant: x\n\nHuman: more?", rejected: "\n\nHuman: A\n\nAssistant: y" }]),
    location: /line 1/,
    field: "chosen",
    message: /ending with the assistant/,
  },
  {
    name: "chosen identical to rejected",
    make: (f) => f.jsonl("same.jsonl", [{ prompt: "Q", chosen: "same", rejected: "same" }]),
    location: /line 1/,
    field: "rejected",
    message: /identical to the chosen/,
  },
  {
    name: "message with an unknown role",
    make: (f) => f.jsonl("bad-role.jsonl", [{ prompt: [{ role: "wizard", content: "hi" }], chosen: "a", rejected: "b" }]),
    location: /line 1/,
    field: "prompt[0].role",
    message: /expected user, assistant or system/,
  },
  {
    name: "message content that is not text",
    make: (f) =>
      f.jsonl("bad-content.jsonl", [
        {
          prompt: [
            { role: "user", content: "hi" },
            { role: "user", content: 5 },
          ],
          chosen: "a",
          rejected: "b",
        },
      ]),
    location: /line 1/,
    field: "prompt[1].content",
    message: /expected text, got a number/,
  },
  {
    name: "instruction pool with an empty instruction",
    make: (f) =>
      f.jsonl("empty-instruction.jsonl", [
        { id: "a", instruction: "ok" },
        { id: "b", instruction: "" },
      ]),
    location: /line 2/,
    field: "instruction",
    message: /is empty/,
  },
  {
    name: "binary garbage",
    make: (f) => f.write("random.csv", Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256))),
    message: /UTF-8|Could not tell|fields|quote/i,
  },
];

describe("malformed files are refused, naming file, line and field, and nothing changes", () => {
  it(`has at least 30 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, testCase) => {
    const file = testCase.make(suite.files);
    const label = file.split("/").at(-1)!;
    const before = tableCounts(suite.temp.db);
    let failure: unknown;
    try {
      await importDataset(suite.temp.db, {
        files: [await describeSourceFile(file, label)],
        name: label,
        kind: testCase.kind,
        mapping: testCase.mapping,
        source: file,
      });
    } catch (error) {
      failure = error;
    }
    expect(failure instanceof ImportFailure || failure instanceof SourceError).toBe(true);
    const text =
      failure instanceof ImportFailure
        ? [
            failure.message,
            ...failure.problems.map((p) => `${p.file} | ${p.location} | ${p.field ?? ""} | ${p.message}`),
            JSON.stringify(failure.fieldErrors ?? {}),
          ].join("\n")
        : (failure as Error).message;
    expect(text).toMatch(testCase.message);
    if (failure instanceof ImportFailure && failure.problems.length > 0) {
      const problem = failure.problems[0]!;
      expect(problem.file).toBe(label);
      if (testCase.location) expect(problem.location).toMatch(testCase.location);
      if (testCase.field) expect(problem.field).toBe(testCase.field);
    } else {
      expect(text).toContain(testCase.field ?? (failure instanceof SourceError ? label : ""));
    }
    expect(tableCounts(suite.temp.db)).toEqual(before);
  });

  it("reports the first 20 problems and the total count", async () => {
    const rows = Array.from({ length: 57 }, (_, i) => ({ prompt: `Q${i}`, chosen: i % 2 ? "a" : "", rejected: "b" }));
    const file = suite.files.jsonl("many-problems.jsonl", rows);
    const error = await importDataset(suite.temp.db, {
      files: [await describeSourceFile(file, "many-problems.jsonl")],
      name: "many",
      source: file,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportFailure);
    expect(error.totalProblems).toBe(29);
    expect(error.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(error.message).toBe("29 problems found; nothing was imported");
    expect(error.problems[0]).toEqual({ file: "many-problems.jsonl", location: "line 1", field: "chosen", message: "is empty" });
  });
});
