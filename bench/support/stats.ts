/** Small numeric helpers of the benchmark: percentiles, timing a function, rounding for the table. */

export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Times `fn` `reps` times after one warm-up call; p50 and p95 in milliseconds. */
export function timeQuery(reps: number, fn: (i: number) => unknown): { p50: number; p95: number } {
  fn(0);
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    fn(i + 1);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: round(percentile(samples, 0.5), 2), p95: round(percentile(samples, 0.95), 2) };
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export const fmt = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
