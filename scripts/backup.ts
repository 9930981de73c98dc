/**
 * `npm run backup [-- path/to/copy.db]`: a consistent copy of the database (DATABASE_URL, default
 * data/judge-lab.db) made with SQLite's online backup, safe while the app or the CLI writes to it.
 * Without a path the copy goes to data/backups/judge-lab-<date>.db. Restore: stop the app and put
 * the copy in place of the database file.
 */
import path from "node:path";
import { backupDatabase } from "@/lib/db/backup";
import { databaseFile } from "@/lib/env";

const source = databaseFile();
const stamp = new Date().toISOString().replace(/[:.]/g, "-").replace("T", "-").slice(0, 19);
const destination = path.resolve(process.argv[2] ?? path.join(path.dirname(source), "backups", `judge-lab-${stamp}.db`));
try {
  const result = await backupDatabase(source, destination);
  console.log(
    `Backed up ${source} to ${result.file}: ${(result.bytes / 1e6).toFixed(1)} MB, ${result.runs} runs, ${result.judgments.toLocaleString("en-US")} judgments, integrity ok, in ${(result.durationMs / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(`backup: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
