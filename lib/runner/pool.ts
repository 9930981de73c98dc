/**
 * Runs an async worker over items with at most `concurrency` in flight, stopping to take new items
 * as soon as the signal aborts (the ones in flight finish or fail on their own, quickly, since
 * they share the signal). The backend client enforces the real request cap; this keeps its queue full.
 */
export async function runPool<T>(
  items: Iterable<T>,
  concurrency: number,
  worker: (item: T) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let failure: unknown = null;
  const lanes = Array.from({ length: Math.max(1, concurrency) }, async () => {
    for (;;) {
      if (signal.aborted || failure) return;
      const next = iterator.next();
      if (next.done) return;
      try {
        await worker(next.value);
      } catch (error) {
        failure ??= error;
        return;
      }
    }
  });
  await Promise.all(lanes);
  if (failure) throw failure;
}
