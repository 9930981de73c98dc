/**
 * Section 7, import: writes a 1 GB RewardBench-format JSONL file (prompt, chosen, rejected,
 * subset, id; varied texts of a few hundred words), then imports it in a worker process through
 * the app's importer and reports rows/s and the worker's peak resident memory. The file is
 * streamed in and never held in memory, so the peak stays far below its size.
 */
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import type { ImportWorkerInput, ImportWorkerResult } from "../support/import-worker";
import { runWorker } from "../support/processes";
import type { BenchSection } from "../support/section";
import { fmt, round } from "../support/stats";
import { createRandom } from "@/lib/pipeline/random";

const WORDS =
  "the judge compares two answers to the same question and explains which one follows the instruction more closely with evidence".split(
    " ",
  );
const SUBSETS = ["alpacaeval-easy", "mt-bench-hard", "llmbar-natural", "refusals-dangerous", "math-prm", "hep-python"];

async function writeJsonl(file: string, bytes: number): Promise<number> {
  const random = createRandom(3);
  const text = (words: number) => Array.from({ length: words }, () => WORDS[Math.floor(random.next() * WORDS.length)]).join(" ");
  const out = fs.createWriteStream(file);
  let written = 0;
  let rows = 0;
  while (written < bytes) {
    const line = `${JSON.stringify({
      id: `row-${rows}`,
      subset: SUBSETS[rows % SUBSETS.length],
      prompt: `Question ${rows}: ${text(30)}?`,
      chosen: text(90 + Math.floor(random.next() * 60)),
      rejected: text(60 + Math.floor(random.next() * 60)),
    })}\n`;
    written += Buffer.byteLength(line);
    rows++;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return rows;
}

export const importSection: BenchSection = {
  name: "import",
  title: "Import",
  async run({ quick, dir, log }) {
    const bytes = quick ? 10 * 1e6 : 1e9;
    const source = path.join(dir, "pairs.jsonl");
    const rows = await writeJsonl(source, bytes);
    log(`wrote ${fmt(rows)} rows, ${fmt(fs.statSync(source).size / 1e6)} MB; importing`);
    const result = await runWorker<ImportWorkerResult>(
      "bench/support/import-worker.ts",
      { database: path.join(dir, "import.db"), source } satisfies ImportWorkerInput,
      (line) => log(`  ${line}`),
    );
    if (result.rows !== rows) throw new Error(`imported ${result.rows} rows, expected ${rows}`);
    return {
      figures: {
        file_mb: round(fs.statSync(source).size / 1e6),
        rows,
        rows_per_s: round(result.rowsPerSecond),
        mb_per_s: round(fs.statSync(source).size / 1e6 / (result.wallMs / 1000)),
        wall_s: round(result.wallMs / 1000, 1),
        peak_rss_mb: result.peakRssMb,
      },
      rows: [
        {
          measure: `import ${fmt(fs.statSync(source).size / 1e6)} MB JSONL (${fmt(rows)} rows)`,
          value: `${fmt(result.rowsPerSecond)} rows/s, ${fmt(result.wallMs / 1000, 1)} s`,
          goal: "",
          met: null,
        },
        { measure: "importer peak RSS", value: `${fmt(result.peakRssMb)} MB`, goal: "constant", met: result.peakRssMb < 500 },
      ],
    };
  },
};
