/**
 * `npm run bench [-- section ...] [--quick]`: Judge Lab's performance benchmark. Each section starts
 * what it measures (SimJudge standalone, the real runner in a worker process, seeded databases),
 * prints its rows, and the whole run ends with one table and `bench/results.json` (one object per
 * section with its figures as numbers, and the machine). `--quick` scales every section down to
 * seconds, which CI runs so the bench cannot rot; the full bench is for people (README, Performance).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { costSection } from "./sections/cost";
import { importSection } from "./sections/import";
import { judgingSection } from "./sections/judging";
import { memorySection } from "./sections/memory";
import { nsamplingSection } from "./sections/nsampling";
import { pagesSection } from "./sections/pages";
import { peerSection } from "./sections/peer";
import { throughputSection } from "./sections/throughput";
import { describeMachine } from "./support/machine";
import type { BenchRow, BenchSection } from "./support/section";

const SECTIONS: BenchSection[] = [
  throughputSection,
  costSection,
  nsamplingSection,
  peerSection,
  pagesSection,
  memorySection,
  importSection,
  judgingSection,
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { quick: { type: "boolean", default: false }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
});
if (values.help) {
  console.log(`Usage: npm run bench -- [${SECTIONS.map((s) => s.name).join("|")} ...] [--quick] [--out bench/results.json]`);
  process.exit(0);
}
const unknown = positionals.filter((name) => !SECTIONS.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`bench: unknown section ${unknown.join(", ")}; sections are ${SECTIONS.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
const chosen = positionals.length > 0 ? SECTIONS.filter((s) => positionals.includes(s.name)) : SECTIONS;
const outFile = path.resolve(values.out ?? path.join(import.meta.dirname, "results.json"));
const quick = values.quick ?? false;

const machine = describeMachine();
console.log(`Judge Lab bench${quick ? " (--quick)" : ""}: ${chosen.map((s) => s.name).join(", ")}`);
console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GiB, ${machine.os}, Node ${machine.node}\n`);

const results: Record<string, unknown> = { machine, quick, started_at: new Date().toISOString() };
const table: { section: string; row: BenchRow }[] = [];
let failed = false;
for (const section of chosen) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `judge-lab-bench-${section.name}-`));
  const started = performance.now();
  console.log(`== ${section.title} (${section.name})`);
  try {
    const result = await section.run({ quick, dir, log: (line) => console.log(`   ${line}`) });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    results[section.name] = { ...result.figures, section_seconds: seconds };
    for (const row of result.rows) {
      table.push({ section: section.name, row });
      console.log(
        `   ${row.measure}: ${row.value}${row.goal ? `  (goal ${row.goal}: ${row.met ? "met" : row.met === false ? "NOT met" : "-"})` : ""}`,
      );
    }
    console.log(`   (${seconds} s)\n`);
  } catch (error) {
    failed = true;
    const message = error instanceof Error ? error.message : String(error);
    results[section.name] = { error: message };
    console.error(`   FAILED: ${message}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const widths = [10, 62, 34, 14, 7];
const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ");
console.log(line(["section", "measure", "value", "goal", "met"]));
console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
for (const { section, row } of table)
  console.log(line([section, row.measure, row.value, row.goal, row.met === null ? "" : row.met ? "yes" : "NO"]));

fs.writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nFigures written to ${path.relative(process.cwd(), outFile)}`);
process.exitCode = failed ? 1 : 0;
