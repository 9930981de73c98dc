/**
 * Links a request's own AbortController to its caller's signal in O(1): one listener per caller
 * signal, however many requests share it. A run's signal is shared by hundreds of in-flight
 * requests, and adding and removing a listener on an EventTarget with hundreds of them costs time
 * proportional to their number, on every request.
 */
const linked = new WeakMap<AbortSignal, Set<AbortController>>();

/** Aborts `controller` when `signal` aborts; returns the function that undoes the link. */
export function linkAbort(signal: AbortSignal | undefined, controller: AbortController): () => void {
  if (!signal) return () => {};
  if (signal.aborted) {
    controller.abort(signal.reason);
    return () => {};
  }
  let controllers = linked.get(signal);
  if (!controllers) {
    const set = new Set<AbortController>();
    linked.set(signal, (controllers = set));
    signal.addEventListener(
      "abort",
      () => {
        for (const c of set) c.abort(signal.reason);
        set.clear();
      },
      { once: true },
    );
  }
  controllers.add(controller);
  return () => controllers.delete(controller);
}
