/**
 * The Judge Lab command line (`npm run judge-lab -- <command>`), sharing the app's code and database
 * (DATABASE_URL respected). Commands: import, datasets, score, run control, judge, judge-jobs.
 */
import path from "node:path";
import { openDatabase, type Db } from "@/lib/db/client";
import { removeStaleImports } from "@/lib/db/queries/datasets";
import { databaseFile } from "@/lib/env";
import { datasetsCommand } from "./commands/datasets";
import { IMPORT_USAGE, importCommand } from "./commands/import";
import { JUDGE_USAGE, judgeCommand, judgeJobsCommand } from "./commands/judge";
import { controlCommand, exportCommand, resumeCommand, runCommand, runsCommand, statusCommand } from "./commands/runs";
import { scoreCommand } from "./commands/score";
import { CliError, processIo, UsageError, type Io } from "./output";

export const USAGE = `Usage: npm run judge-lab -- <command> [options]

Commands:
  import <file | hf:owner/name>   import a dataset (see: import --help)
  datasets [--json]               list datasets with kinds, rows and subsets
  score <results.jsonl> [--json]  RewardBench scoring of a judge's results
  run <config.json>               start a run and drive it here until it ends or pauses
  run --preset demo [--eval NAME ...] [--name N] [--seed S] [--iterations K]
  resume <run>                    resume a paused, failed or interrupted run and drive it here
  pause <run> | cancel <run>      pause (resumable) or cancel (final) a run
  runs [--json]                   list runs
  status <run> [--json]           a run's state, counts and scores per iteration
  export <run> [--out DIR]        the config (to clone the run), status and training sets
  judge <file> --judge <ref> ...  judge responses (or two systems' outputs with --versus FILE) with one or
                                  more judges, here, and print win rates and agreement (see: judge --help)
  judge-jobs [--json]             list judge jobs

The database is DATABASE_URL (default ./data/judge-lab.db).`;

export async function runCli(argv: string[], options: { io?: Io; migrationsFolder?: string } = {}): Promise<number> {
  const io = options.io ?? processIo;
  const [command, ...args] = argv;
  let db: Db | null = null;
  const openDb = () => {
    db = openDatabase({ file: databaseFile(), migrationsFolder: options.migrationsFolder });
    removeStaleImports(db);
    return db;
  };
  try {
    if (!command || command === "help" || command === "--help" || command === "-h") {
      io.stdout(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    if (args.includes("--help") || args.includes("-h")) {
      io.stdout(`${command === "import" ? IMPORT_USAGE : command === "judge" ? JUDGE_USAGE : USAGE}\n`);
      return 0;
    }
    switch (command) {
      case "import":
        await importCommand(openDb(), args, io);
        return 0;
      case "datasets":
        datasetsCommand(openDb(), args, io);
        return 0;
      case "score":
        await scoreCommand(args, io);
        return 0;
      case "run":
        return await runCommand(openDb(), args, io);
      case "resume":
        return await resumeCommand(openDb(), args, io);
      case "pause":
      case "cancel":
        return controlCommand(openDb(), command, args, io);
      case "runs":
        return runsCommand(openDb(), args, io);
      case "status":
        return statusCommand(openDb(), args, io);
      case "export":
        return exportCommand(openDb(), args, io);
      case "judge":
        return await judgeCommand(openDb(), args, io);
      case "judge-jobs":
        return judgeJobsCommand(openDb(), args, io);
      default:
        throw new UsageError(`Unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`judge-lab ${command}: ${error.message}\n`);
      for (const detail of error.details) io.stderr(`  ${detail}\n`);
      return error.exitCode;
    }
    if (error instanceof Error && error.name === "TypeError" && /Unknown option|Unexpected argument/.test(error.message)) {
      io.stderr(`judge-lab ${command}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`judge-lab ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    (db as Db | null)?.$client.close();
  }
}

export function defaultMigrationsFolder(scriptDir: string): string {
  return path.join(scriptDir, "..", "drizzle");
}
