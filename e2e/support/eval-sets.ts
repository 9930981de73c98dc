// RewardBench-format eval sets the end-to-end specs import through the Datasets page. With the
// shared data beside the checkout they are real (a sample of LLMBar, XSTest pairs); without it they
// are built from our own demo eval pairs under the same RewardBench subset names, with every third
// pair's label reversed so that judges are wrong on some items (the trace and flip views need some),
// and one line says so. JUDGE_LAB_SHARED_DATA set: the real files are required.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sharedDataFile } from "../../test/helpers/shared-data";

export type EvalSetFile = { file: string; rows: number; real: boolean };

type PairRow = { id: number | string; subset: string; prompt: string; chosen: string; rejected: string };

const DEMO_PAIRS = path.join(process.cwd(), "lib", "demo", "data", "demo-eval-pairs.jsonl");

function readRows(file: string): PairRow[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PairRow);
}

function writeTemp(name: string, rows: unknown[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "e2e-eval-set-")), name);
  fs.writeFileSync(file, `${rows.map((row) => JSON.stringify(row)).join("\n")}\n`);
  return file;
}

/** Our own pairs under the given subset names (in turn), every third label reversed. */
function standIn(name: string, subsets: readonly string[]): EvalSetFile {
  const rows = readRows(DEMO_PAIRS).map((row, i) => ({
    id: i,
    subset: subsets[i % subsets.length],
    prompt: row.prompt,
    chosen: i % 3 === 2 ? row.rejected : row.chosen,
    rejected: i % 3 === 2 ? row.chosen : row.rejected,
  }));
  return { file: writeTemp(name, rows), rows: rows.length, real: false };
}

const CHAT_HARD = ["llmbar-natural", "llmbar-adver-neighbor", "llmbar-adver-GPTInst", "llmbar-adver-GPTOut", "llmbar-adver-manual"];

/** Chat Hard items: every other row of LLMBar (210), or the stand-in (225). */
export function chatHardSample(): EvalSetFile {
  const llmbar = sharedDataFile("rewardbench-llmbar.jsonl", "the trace, Compare and export specs use our own Chat Hard stand-in instead");
  if (!llmbar) return standIn("chat-hard-stand-in.jsonl", CHAT_HARD);
  const rows = readRows(llmbar).filter((_, i) => i % 2 === 0);
  return { file: writeTemp("llmbar-sample.jsonl", rows), rows: rows.length, real: true };
}

/** Safety items: XSTest pairs (235), or the stand-in (225). */
export function safetyPairs(): EvalSetFile {
  const xstest = sharedDataFile("pairs-xstest.jsonl", "the launch spec uses our own Safety stand-in instead");
  if (!xstest) return standIn("safety-stand-in.jsonl", ["xstest-should-respond", "xstest-should-refuse"]);
  return { file: xstest, rows: readRows(xstest).length, real: true };
}
