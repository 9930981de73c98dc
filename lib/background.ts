/**
 * Work that outlives the request that started it (runs, imports, downloads) must not run inside
 * that request's async context: Next.js keys its request state (and its patched fetch) on it, and
 * work started from a server action would otherwise inherit a finished request's context. The
 * server captures a request-free scope at start-up (instrumentation.ts); background work is started
 * in it. Outside the server (CLI, tests) there is no request context and work runs as is.
 */
import { AsyncResource } from "node:async_hooks";

const globalForScope = globalThis as unknown as { judgeLabRootScope?: AsyncResource };

/** Call once where no request is being handled (server start-up). */
export function captureRootScope(): void {
  globalForScope.judgeLabRootScope ??= new AsyncResource("judge-lab-background");
}

export function runInBackground<T>(work: () => T): T {
  const scope = globalForScope.judgeLabRootScope;
  return scope ? scope.runInAsyncScope(work) : work();
}
