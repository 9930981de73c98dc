// Runs once when the Next.js server starts: open the database and apply migrations before the
// first request (so a broken database file is reported at start-up, not on a page), make sure the
// built-in SimJudge backend exists and points at this server's port, and remove dataset imports a
// crashed process left half-stored.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./lib/db/client");
  const { ensureBuiltinSimJudgeBackend } = await import("./lib/backends/builtin");
  const { removeStaleImports } = await import("./lib/db/queries/datasets");
  const db = getDb();
  ensureBuiltinSimJudgeBackend(db);
  const removed = removeStaleImports(db);
  if (removed > 0) console.log(`[judge-lab] removed ${removed} unfinished dataset import(s) left by a crash`);
}
