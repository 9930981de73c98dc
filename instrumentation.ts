// Runs once when the Next.js server starts: open the database and apply migrations before the
// first request (so a broken database file is reported at start-up, not on a page), and make sure
// the built-in SimJudge backend exists and points at this server's port.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./lib/db/client");
  const { ensureBuiltinSimJudgeBackend } = await import("./lib/backends/builtin");
  ensureBuiltinSimJudgeBackend(getDb());
}
