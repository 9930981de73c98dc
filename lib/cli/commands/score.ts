/**
 * `judge-lab score <results.jsonl> [--json]`: RewardBench scoring of a judge's results produced
 * anywhere. Prints per-subset accuracy, the four sections, the overall score and the flags
 * (missing subsets, partial sections); --json prints them as one object. Scores are in [0, 1].
 */
import fs from "node:fs";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { ResultsError, scoreResultLines } from "@/lib/metrics";
import { CliError, table, UsageError, type Io } from "../output";
import { PARTIAL_OVERALL_LABEL } from "@/lib/metrics/rewardbench-scores";

const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(2)}`);

export async function scoreCommand(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean", default: false } } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError("score takes one results file: judge-lab score <results.jsonl> [--json]");
  if (!fs.existsSync(file)) throw new CliError(`${file}: no such file`);
  const lines: string[] = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) lines.push(line);
  let report;
  try {
    report = scoreResultLines(lines);
  } catch (error) {
    if (error instanceof ResultsError) {
      const more = error.total > error.problems.length ? [`… and ${error.total - error.problems.length} more`] : [];
      throw new CliError(error.message, 1, [
        ...error.problems.map((p) => `${file}, line ${p.line}, field "${p.field}": ${p.message}`),
        ...more,
      ]);
    }
    throw error;
  }
  if (values.json) {
    io.stdout(
      `${JSON.stringify({
        subsets: Object.fromEntries(report.subsets.map((s) => [s.subset, { accuracy: s.accuracy, items: s.items, section: s.section }])),
        sections: Object.fromEntries(report.sections.map((s) => [s.section, s.score])),
        overall: report.overall,
        overall_is: report.overall === null ? null : report.overallPartial ? PARTIAL_OVERALL_LABEL : "RewardBench",
        missing_subsets: report.missingSubsets,
        partial_sections: report.partialSections,
      })}\n`,
    );
    return;
  }
  io.stdout(
    `${table(
      ["SUBSET", "SECTION", "ITEMS", "ACCURACY %"],
      report.subsets.map((s) => [s.subset, s.section ?? "(not RewardBench)", s.items, percent(s.accuracy)]),
      [false, false, true, true],
    )}\n\n`,
  );
  io.stdout(
    `${table(
      ["SECTION", "SCORE %", "NOTE"],
      report.sections.map((s) => [
        s.section,
        percent(s.score),
        s.score === null ? "no subsets" : s.partial ? `partial: missing ${s.missingSubsets.join(", ")}` : "",
      ]),
      [false, true, false],
    )}\n\n`,
  );
  io.stdout(
    report.overallPartial && report.overall !== null
      ? `Overall (${PARTIAL_OVERALL_LABEL}): ${percent(report.overall)}. Not a RewardBench score: not every section is complete.\n`
      : `Overall: ${percent(report.overall)}\n`,
  );
  io.stdout(`${report.items} items from ${report.judgments} judgments\n`);
}
