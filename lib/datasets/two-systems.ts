/**
 * Two systems compared on the same prompts, from two files of outputs (model version A's and
 * version B's; AlpacaEval-style rows `{instruction, output, generator}`, or `{id, prompt, response}`):
 * in each file the prompt column (instruction, prompt, question, input), the output column (output,
 * response, completion, answer, text) and an id column (id, question_id, prompt_id, idx) are found
 * (or given); rows are joined by id when both files have one, otherwise by the prompt's exact text
 * (leading and trailing blanks aside). The result is a JSONL file of responses to judge,
 * `{id, prompt, response_a, response_b, category?}`, in a fresh staging folder, with the two
 * systems' names (given, else the files' one `generator` value, else the file names).
 * All or nothing: every problem (a row with no partner in the other file, duplicate ids or prompts,
 * one id with two prompts, empty outputs, missing columns, unreadable rows) names the file, the line
 * and the field, and they are reported together as an ImportFailure, as an import's are.
 * Both files are held in memory while joining (outputs for the same prompts: thousands of rows).
 */
import fs from "node:fs";
import path from "node:path";
import { ImportFailure, sampleSource, type ImportProblem } from "./import-dataset";
import { readRecords } from "./readers";
import { describeSourceFile, SourceError, type SourceFile } from "./source-file";
import { nameFromFile, newStagingDir } from "./staging";

/** Problems listed in a refusal (the total is counted beyond it). */
export const MAX_JOIN_PROBLEMS = 50;

export const SYSTEM_COLUMN_CANDIDATES = {
  prompt: ["instruction", "prompt", "question", "input"],
  output: ["output", "response", "completion", "answer", "text"],
  id: ["id", "question_id", "prompt_id", "idx"],
  category: ["category", "cluster", "subset", "dataset"],
} as const;

export type SystemColumns = { prompt?: string; output?: string; id?: string; category?: string };

export type JoinTwoSystemsRequest = {
  /** A file (as described by describeSourceFile) or a path on disk. */
  fileA: SourceFile | string;
  fileB: SourceFile | string;
  nameA?: string | null;
  nameB?: string | null;
  /** Columns to use instead of the detected ones, for both files; columnsA/columnsB win per file. */
  columns?: SystemColumns;
  columnsA?: SystemColumns;
  columnsB?: SystemColumns;
  /** Folder to write the joined file into (default: a fresh staging folder). */
  dir?: string;
};

export type JoinedSystems = {
  /** The joined JSONL file. */
  path: string;
  /** The folder holding it (the caller removes it after the import). */
  dir: string;
  /** [system A, system B]: ImportRequest.responseNames. */
  responseNames: [string, string];
  rows: number;
  joinedBy: "id" | "prompt";
  /** "a.jsonl vs b.jsonl": ImportRequest.source. */
  source: string;
  /** "A vs B": a dataset name to suggest. */
  suggestedName: string;
};

type Columns = { prompt?: string; output?: string; id?: string; category?: string; generator?: string };
/** output null: the row's output (or prompt) has a problem; it is still matched, so its partner is not reported as alone. */
type SystemRow = { location: string; id?: string; prompt?: string; output: string | null; category?: string };
type SystemSide = { file: SourceFile; names: string[]; columns: Columns; rows: SystemRow[]; generators: Set<string> };

/** Problems are gathered from every file, the first MAX_JOIN_PROBLEMS kept, all counted. */
class Problems {
  readonly list: ImportProblem[] = [];
  total = 0;
  add(problem: ImportProblem): void {
    this.total++;
    if (this.list.length < MAX_JOIN_PROBLEMS) this.list.push(problem);
  }
}

const describeType = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : `a ${typeof value}`;

/** The columns of one file: those given, else the first of each candidate list the file has. */
function detectColumns(file: SourceFile, columns: string[], given: SystemColumns, problems: Problems): Columns {
  const found: Columns = {};
  for (const field of ["prompt", "output", "id", "category"] as const) {
    const wanted = given[field];
    if (wanted !== undefined) {
      if (columns.includes(wanted)) found[field] = wanted;
      else
        problems.add({
          file: file.label,
          location: "columns",
          field: wanted,
          message: `there is no column "${wanted}" for the ${field} (its columns: ${columns.join(", ") || "none"})`,
        });
    } else found[field] = SYSTEM_COLUMN_CANDIDATES[field].find((c) => columns.includes(c));
  }
  // One column cannot be both the prompt and the output (e.g. a file with only "text").
  if (found.output && found.output === found.prompt) found.output = undefined;
  if (columns.includes("generator")) found.generator = "generator";
  return found;
}

function missingColumn(side: SystemSide, field: "prompt" | "output", why: string): ImportProblem {
  return {
    file: side.file.label,
    location: "columns",
    field,
    message: `no ${field} column ${why} (looked for ${SYSTEM_COLUMN_CANDIDATES[field].join(", ")}; its columns: ${side.names.join(", ") || "none"})`,
  };
}

/** A text cell: a string that is not blank, else a problem and null (undefined when the column is not used). */
function readText(
  record: Record<string, unknown>,
  column: string | undefined,
  where: Omit<ImportProblem, "message">,
  problems: Problems,
  allowNumber = false,
): string | null | undefined {
  if (!column) return undefined;
  const value = record[column];
  if (value === undefined || value === null) problems.add({ ...where, field: column, message: "is missing" });
  else if (allowNumber && typeof value === "number" && Number.isFinite(value)) return String(value);
  else if (typeof value !== "string") problems.add({ ...where, field: column, message: `expected text, got ${describeType(value)}` });
  else if (value.trim() === "") problems.add({ ...where, field: column, message: "is empty" });
  else return value;
  return null;
}

/** A file's columns (from its first rows) and the ones the join uses; null when it has no rows. */
async function openSide(file: SourceFile, given: SystemColumns, problems: Problems): Promise<SystemSide | null> {
  const sampled = await sampleSource(file);
  if (sampled.sample.length === 0) {
    for (const problem of sampled.problems) problems.add(problem);
    if (sampled.problems.length === 0) problems.add({ file: file.label, location: "file", message: "has no rows" });
    return null;
  }
  const side: SystemSide = {
    file,
    names: sampled.columns,
    columns: detectColumns(file, sampled.columns, given, problems),
    rows: [],
    generators: new Set(),
  };
  if (!side.columns.output && given.output === undefined) problems.add(missingColumn(side, "output", "(the system's responses)"));
  return side;
}

/** One row's cells; null when its join key cannot be read (the problem is reported). */
function readRow(
  side: SystemSide,
  value: Record<string, unknown>,
  location: string,
  by: "id" | "prompt",
  problems: Problems,
): SystemRow | null {
  const where = { file: side.file.label, location };
  const id = readText(value, side.columns.id, where, problems, true);
  const prompt = readText(value, side.columns.prompt, where, problems);
  const output = readText(value, side.columns.output, where, problems);
  const category = value[side.columns.category ?? ""];
  const generator = value[side.columns.generator ?? ""];
  if (typeof generator === "string" && generator.trim()) side.generators.add(generator.trim());
  if ((by === "id" ? id : prompt) == null) return null;
  return {
    location,
    output: typeof output === "string" && prompt !== null && id !== null ? output : null,
    ...(typeof prompt === "string" ? { prompt } : {}),
    ...(typeof id === "string" ? { id } : {}),
    ...(typeof category === "string" || typeof category === "number" ? { category: String(category) } : {}),
  };
}

/** Read every row of one file, keeping only the cells the join uses. */
async function readSide(side: SystemSide, by: "id" | "prompt", problems: Problems): Promise<void> {
  const reader = readRecords(side.file);
  try {
    for await (const record of reader) {
      if ("error" in record) {
        problems.add({ file: side.file.label, location: record.location, message: record.error });
      } else if (!record.value || typeof record.value !== "object" || Array.isArray(record.value)) {
        problems.add({ file: side.file.label, location: record.location, message: "expected an object with named fields" });
      } else {
        const row = readRow(side, record.value as Record<string, unknown>, record.location, by, problems);
        if (row) side.rows.push(row);
      }
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    problems.add({ file: side.file.label, location: "file", message: error.message.replace(`${side.file.label}: `, "") });
  } finally {
    await reader.return(undefined);
  }
}

const keyOf = (row: SystemRow, by: "id" | "prompt") => (by === "id" ? row.id : row.prompt?.trim());

function describeKey(by: "id" | "prompt", key: string): string {
  return by === "id" ? `id ${JSON.stringify(key)}` : `prompt ${JSON.stringify(key.length > 60 ? `${key.slice(0, 57)}...` : key)}`;
}

/** One file's rows by key, duplicates reported at the later row. */
function indexSide(side: SystemSide, by: "id" | "prompt", problems: Problems): Map<string, SystemRow> {
  const index = new Map<string, SystemRow>();
  const column = side.columns[by];
  for (const row of side.rows) {
    const key = keyOf(row, by);
    if (key === undefined) continue;
    const first = index.get(key);
    if (first)
      problems.add({
        file: side.file.label,
        location: row.location,
        field: column,
        message: `duplicate ${describeKey(by, key)} (${first.location} has it too)`,
      });
    else index.set(key, row);
  }
  // Ids are kept in the joined file: when joining by prompt they must still be unique.
  if (by === "prompt" && side.columns.id) indexSide(side, "id", problems);
  return index;
}

type JoinedRow = { id: string; prompt: string; response_a: string; response_b: string; category?: string };

/** Pair every row of A with its row of B, reporting the rows left alone and ids whose prompts differ. */
function pairRows(a: SystemSide, b: SystemSide, by: "id" | "prompt", problems: Problems): JoinedRow[] {
  const indexA = indexSide(a, by, problems);
  const indexB = indexSide(b, by, problems);
  const joined: JoinedRow[] = [];
  for (const [key, rowA] of indexA) {
    const rowB = indexB.get(key);
    if (!rowB) {
      problems.add({
        file: a.file.label,
        location: rowA.location,
        field: a.columns[by],
        message: `no row in ${b.file.label} has this ${describeKey(by, key)}`,
      });
      continue;
    }
    if (by === "id" && rowA.prompt !== undefined && rowB.prompt !== undefined && rowA.prompt.trim() !== rowB.prompt.trim()) {
      problems.add({
        file: b.file.label,
        location: rowB.location,
        field: b.columns.prompt,
        message: `${describeKey(by, key)} has a different prompt in ${a.file.label} (${rowA.location})`,
      });
      continue;
    }
    const prompt = rowA.prompt ?? rowB.prompt;
    if (rowA.output === null || rowB.output === null || prompt === undefined) continue;
    const category = rowA.category ?? rowB.category;
    joined.push({
      id: by === "id" ? key : (rowA.id ?? rowB.id ?? String(joined.length + 1)),
      prompt,
      response_a: rowA.output,
      response_b: rowB.output,
      ...(category !== undefined ? { category } : {}),
    });
  }
  for (const [key, rowB] of indexB)
    if (!indexA.has(key))
      problems.add({
        file: b.file.label,
        location: rowB.location,
        field: b.columns[by],
        message: `no row in ${a.file.label} has this ${describeKey(by, key)}`,
      });
  return joined;
}

/** How the two files are joined (by id when both have one), reporting a prompt column the join needs and a file lacks. */
function joinKey(a: SystemSide, b: SystemSide, problems: Problems): "id" | "prompt" {
  if (a.columns.id && b.columns.id) {
    if (!a.columns.prompt && !b.columns.prompt) for (const side of [a, b]) problems.add(missingColumn(side, "prompt", "in either file"));
    return "id";
  }
  for (const side of [a, b])
    if (!side.columns.prompt) problems.add(missingColumn(side, "prompt", "to join on (not both files have an id column)"));
  return "prompt";
}

/** A system's name: given, else the file's one generator value, else the file name. */
function systemName(given: string | null | undefined, side: SystemSide): string {
  if (given?.trim()) return given.trim();
  if (side.generators.size === 1) return [...side.generators][0]!;
  return nameFromFile(side.file.label);
}

const asSourceFile = async (file: SourceFile | string) => (typeof file === "string" ? describeSourceFile(file, path.basename(file)) : file);

/** Join two systems' outputs into responses to judge (see the top of this file); throws ImportFailure with every problem. */
export async function joinTwoSystems(request: JoinTwoSystemsRequest): Promise<JoinedSystems> {
  const fileA = await asSourceFile(request.fileA);
  const fileB = await asSourceFile(request.fileB);
  const problems = new Problems();
  const a = await openSide(fileA, { ...request.columns, ...request.columnsA }, problems);
  const b = await openSide(fileB, { ...request.columns, ...request.columnsB }, problems);
  let joined: JoinedRow[] = [];
  let by: "id" | "prompt" = "prompt";
  // Rows are read once both files have the columns the join needs.
  if (a && b && problems.total === 0) {
    by = joinKey(a, b, problems);
    if (problems.total === 0) {
      await readSide(a, by, problems);
      await readSide(b, by, problems);
      joined = pairRows(a, b, by, problems);
    }
  }
  if (problems.total > 0)
    throw new ImportFailure(
      "invalid_rows",
      `${problems.total} problem${problems.total === 1 ? "" : "s"} joining ${fileA.label} and ${fileB.label}; nothing was imported`,
      problems.list,
      problems.total,
    );
  if (joined.length === 0) throw new ImportFailure("no_rows", `${fileA.label} and ${fileB.label} have no rows to compare`);
  let names: [string, string] = [systemName(request.nameA, a!), systemName(request.nameB, b!)];
  if (names[0] === names[1]) names = [`${names[0]} (A)`, `${names[1]} (B)`];
  const dir = request.dir ?? newStagingDir().dir;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "two-systems.jsonl");
  fs.writeFileSync(file, joined.map((row) => JSON.stringify(row)).join("\n") + "\n");
  return {
    path: file,
    dir,
    responseNames: names,
    rows: joined.length,
    joinedBy: by,
    source: `${fileA.label} vs ${fileB.label}`,
    suggestedName: `${names[0]} vs ${names[1]}`,
  };
}
