/** A tiny in-process channel: actions tell the scheduler a run or a judge job changed, so it reacts at once. */
type Listener = (id: number) => void;
const globalForSignal = globalThis as unknown as { judgeLabRunListeners?: Set<Listener>; judgeLabJobListeners?: Set<Listener> };
const runListeners = (globalForSignal.judgeLabRunListeners ??= new Set());
const jobListeners = (globalForSignal.judgeLabJobListeners ??= new Set());

const subscribe = (listeners: Set<Listener>, listener: Listener) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const onRunChanged = (listener: Listener): (() => void) => subscribe(runListeners, listener);
export const onJobChanged = (listener: Listener): (() => void) => subscribe(jobListeners, listener);

export function notifyRunChanged(runId: number): void {
  for (const listener of runListeners) listener(runId);
}

export function notifyJobChanged(jobId: number): void {
  for (const listener of jobListeners) listener(jobId);
}
