/**
 * `judge-lab import <file | hf:owner/name> [--kind pairs|instructions] [--name N] [--map prompt=col,...]
 *  [--config default] [--split train] [--description D]`: the Datasets page's importer from a shell,
 * with a progress line on stderr. Exit 0 on success; 1 with the file/line/field problems on stderr.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { downloadHubDataset, hfRefSchema, HubError } from "@/lib/datasets/hugging-face";
import { formatProblem, importDataset, ImportFailure } from "@/lib/datasets/import-dataset";
import { parseMapArgument } from "@/lib/datasets/mapping";
import { describeSourceFile, SourceError, type SourceFile } from "@/lib/datasets/source-file";
import { nameFromFile } from "@/lib/datasets/staging";
import type { Db } from "@/lib/db/client";
import { formatBytes, formatCount, formatDuration } from "@/lib/format/numbers";
import { CliError, progressReporter, UsageError, type Io } from "../output";

export const IMPORT_USAGE = `judge-lab import <file | hf:owner/name> [options]
  --kind pairs|instructions   what the file holds (detected when omitted)
  --name NAME                 dataset name (default: the file name)
  --map field=column,...      columns for prompt, chosen, rejected, responseA, responseB, label, subset, id, category
  --config NAME --split NAME  for hf: datasets (defaults: default, train)
  --description TEXT`;

export async function importCommand(db: Db, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kind: { type: "string" },
      name: { type: "string" },
      map: { type: "string" },
      config: { type: "string", default: "default" },
      split: { type: "string", default: "train" },
      description: { type: "string" },
    },
  });
  const target = positionals[0];
  if (!target || positionals.length > 1) throw new UsageError(`import takes one file or hf:owner/name\n\n${IMPORT_USAGE}`);
  if (values.kind !== undefined && values.kind !== "pairs" && values.kind !== "instructions")
    throw new UsageError(`--kind must be pairs or instructions (got "${values.kind}")`);
  let mapping;
  try {
    mapping = values.map ? parseMapArgument(values.map) : undefined;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  const progress = progressReporter(io);
  let files: SourceFile[];
  let source: string;
  let defaultName: string;
  let tempDir: string | null = null;
  try {
    if (target.startsWith("hf:")) {
      const ref = hfRefSchema.safeParse({ repo: target.slice(3), config: values.config, split: values.split });
      if (!ref.success) throw new UsageError(ref.error.issues[0]!.message);
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "judge-lab-hf-"));
      const downloaded = await downloadHubDataset(ref.data, tempDir, {
        onProgress: (p) =>
          progress.update(
            `Downloading ${target} file ${p.file}/${p.files}: ${formatBytes(p.bytes)}${p.totalBytes ? ` of ${formatBytes(p.totalBytes)}` : ""}`,
          ),
      });
      files = await Promise.all(downloaded.map((file) => describeSourceFile(file.path, file.label)));
      source = `hf:${ref.data.repo}@${ref.data.config}/${ref.data.split}`;
      defaultName = `${ref.data.repo} (${ref.data.split})`;
    } else {
      const file = path.resolve(target);
      files = [await describeSourceFile(file, path.basename(file))];
      source = file;
      defaultName = nameFromFile(file);
    }
    const summary = await importDataset(db, {
      files,
      name: values.name ?? defaultName,
      kind: values.kind as "pairs" | "instructions" | undefined,
      mapping,
      source,
      description: values.description ?? null,
      onProgress: (p) => {
        const percent = p.totalBytes > 0 ? ` ${Math.min(100, Math.round((p.bytes / p.totalBytes) * 100))}%` : "";
        progress.update(
          `${p.phase === "checking" ? "Checking" : "Storing"}${percent}: ${formatCount(p.rows)} rows, ${formatCount(p.rowsPerSecond)} rows/s`,
        );
      },
    });
    progress.done();
    io.stdout(
      `Imported ${formatCount(summary.rows)} ${summary.rows === 1 ? "row" : "rows"} into "${summary.name}" (#${summary.datasetId}, ${summary.kind}, ${summary.layout}) in ${formatDuration(summary.durationMs)}, ${formatCount(summary.rowsPerSecond)} rows/s` +
        `${summary.skippedTies > 0 ? `; ${formatCount(summary.skippedTies)} ties skipped` : ""}\n`,
    );
  } catch (error) {
    progress.done();
    if (error instanceof ImportFailure) {
      const more =
        error.totalProblems > error.problems.length ? [`… and ${formatCount(error.totalProblems - error.problems.length)} more`] : [];
      throw new CliError(error.message, 1, [
        ...error.problems.map(formatProblem),
        ...Object.entries(error.fieldErrors ?? {}).map(([field, message]) => `${field}: ${message}`),
        ...more,
      ]);
    }
    if (error instanceof SourceError || error instanceof HubError) throw new CliError(error.message);
    throw error;
  } finally {
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}
