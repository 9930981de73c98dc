// Runs once when the Next.js server starts: open the database and apply migrations before the
// first request (a broken database file is reported at start-up, not on a page), make sure the
// built-in SimJudge backend and the demo data exist, remove dataset imports a crash left
// half-stored, and start the runner that drives queued runs (and resumes interrupted ones), and the
// judging listener when JUDGE_LAB_API_PORT asks for it. Warns when the server listens beyond this
// machine without an access token.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warnIfExposed } = await import("./lib/access/startup-warning");
  warnIfExposed();
  // Background work (runs, imports) starts in this request-free scope, never in a request's.
  const { captureRootScope } = await import("./lib/background");
  captureRootScope();
  const { getDb } = await import("./lib/db/client");
  const { ensureBuiltinSimJudgeBackend } = await import("./lib/backends/builtin");
  const { removeStaleImports } = await import("./lib/db/queries/datasets");
  const { ensureDemoDatasets } = await import("./lib/demo/seed-demo-datasets");
  const { startScheduler } = await import("./lib/runner/scheduler");
  const db = getDb();
  ensureBuiltinSimJudgeBackend(db);
  const removed = removeStaleImports(db);
  if (removed > 0) console.log(`[judge-lab] removed ${removed} unfinished dataset import(s) left by a crash`);
  await ensureDemoDatasets(db);
  startScheduler(db);
  const { startConfiguredApiListener } = await import("./lib/judge-jobs/api-listener-startup");
  await startConfiguredApiListener();
}
