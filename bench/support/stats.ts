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

/**
 * The throughput comparison both the judge stage and judge jobs report: work done per second by the
 * system under test and by the bare client against the same server, their ratio, and the ratio to
 * the ideal C/L (requests the server can hold at once over its latency).
 */
export function throughputFigures(
  done: { count: number; wallMs: number },
  bare: { requests: number; wallMs: number },
  inFlight: number,
  latencyMs: number,
) {
  const ideal = (inFlight / latencyMs) * 1000;
  const perS = done.count / (done.wallMs / 1000);
  const barePerS = bare.requests / (bare.wallMs / 1000);
  return {
    latency_ms: latencyMs,
    server_in_flight: inFlight,
    judgments_per_s: round(perS),
    bare_per_s: round(barePerS),
    ideal_per_s: ideal,
    ratio_to_bare: round(perS / barePerS, 3),
    ratio_to_ideal: round(perS / ideal, 3),
    bare_wall_s: round(bare.wallMs / 1000, 2),
  };
}
