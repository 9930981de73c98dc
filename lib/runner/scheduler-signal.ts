/** A tiny in-process channel: actions tell the scheduler a run changed, so it reacts at once. */
type Listener = (runId: number) => void;
const globalForSignal = globalThis as unknown as { judgeLabRunListeners?: Set<Listener> };
const listeners = (globalForSignal.judgeLabRunListeners ??= new Set());

export function onRunChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyRunChanged(runId: number): void {
  for (const listener of listeners) listener(runId);
}
