// Rate limits, replica choice and backoff, with a fake clock.
import { describe, expect, it } from "vitest";
import { Semaphore } from "@/lib/inference/concurrency";
import { InferenceError } from "@/lib/inference/errors";
import { RateLimiter, TokenBucket } from "@/lib/inference/rate-limiter";
import { ReplicaPool } from "@/lib/inference/replicas";
import { isRetryable, retryDelayMs } from "@/lib/inference/retry-policy";

describe("TokenBucket", () => {
  it("allows a burst of five seconds' worth, then the steady rate", () => {
    let now = 0;
    const bucket = new TokenBucket(60, () => now); // 1 per second, capacity 5
    expect(bucket.capacity).toBe(5);
    for (let i = 0; i < 5; i++) {
      expect(bucket.waitMs(1)).toBe(0);
      bucket.take(1);
    }
    expect(bucket.waitMs(1)).toBeCloseTo(1000);
    now += 1000;
    expect(bucket.waitMs(1)).toBe(0);
  });

  it("lets a request bigger than the bucket go once the bucket is full, and carries debt", () => {
    let now = 0;
    const bucket = new TokenBucket(6000, () => now); // 100 per second, capacity 500
    expect(bucket.waitMs(2000)).toBe(0);
    bucket.take(2000); // level -1500
    expect(bucket.waitMs(1)).toBeCloseTo(15_010);
  });
});

describe("RateLimiter", () => {
  it("waits for the slower of the request and token limits", () => {
    let now = 0;
    const limiter = new RateLimiter({ requestsPerMinute: 600, tokensPerMinute: 6000 }, () => now);
    expect(limiter.waitMs(400)).toBe(0);
    limiter.charge(0);
    // Take 400 of the 500-token burst through acquire's path:
    return limiter.acquire(400).then(() => {
      expect(limiter.waitMs(400)).toBeCloseTo(3000); // needs 300 more tokens at 100/s
      now += 3000;
      expect(limiter.waitMs(400)).toBe(0);
    });
  });

  it("does nothing when there are no limits", () => {
    expect(new RateLimiter({ requestsPerMinute: null, tokensPerMinute: null }).limited).toBe(false);
  });
});

describe("ReplicaPool", () => {
  it("picks the least busy replica and rotates ties", () => {
    const pool = new ReplicaPool(["http://a/v1", "http://b/v1"]);
    const first = pool.pick();
    first.inFlight++;
    const second = pool.pick();
    expect(second).not.toBe(first);
  });

  it("rests a replica after three failures in a row, longer each time", () => {
    let now = 0;
    const pool = new ReplicaPool(["http://a/v1", "http://b/v1"], { now: () => now, firstRestMs: 1000 });
    const a = pool.replicas[0]!;
    pool.failed(a);
    pool.failed(a);
    expect(a.restingUntil).toBe(0);
    pool.failed(a);
    expect(a.restingUntil).toBe(1000);
    for (let i = 0; i < 10; i++) expect(pool.pick().url).toBe("http://b/v1");
    now = 1000;
    pool.failed(a);
    pool.failed(a);
    pool.failed(a);
    expect(a.restingUntil).toBe(3000); // doubled
    pool.succeeded(a);
    expect(a.restMs).toBe(0);
  });

  it("uses the replica whose rest ends first when all are resting", () => {
    const pool = new ReplicaPool(["http://a/v1", "http://b/v1"], { now: () => 0 });
    pool.replicas[0]!.restingUntil = 500;
    pool.replicas[1]!.restingUntil = 200;
    expect(pool.pick().url).toBe("http://b/v1");
  });
});

describe("retry policy", () => {
  it("retries what another try can fix, only", () => {
    expect(isRetryable(new InferenceError("rate_limited", "", { status: 429 }))).toBe(true);
    expect(isRetryable(new InferenceError("bad_request", "", { status: 409 }))).toBe(true);
    expect(isRetryable(new InferenceError("server_error", "", { status: 502 }))).toBe(true);
    expect(isRetryable(new InferenceError("timeout", ""))).toBe(true);
    expect(isRetryable(new InferenceError("unreachable", ""))).toBe(true);
    expect(isRetryable(new InferenceError("bad_response", ""))).toBe(true);
    for (const status of [400, 401, 403, 404, 422]) expect(isRetryable(new InferenceError("bad_request", "", { status }))).toBe(false);
    expect(isRetryable(new InferenceError("canceled", ""))).toBe(false);
  });

  it("grows the wait exponentially with jitter, capped, and honors Retry-After", () => {
    const options = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 };
    expect(retryDelayMs(new InferenceError("timeout", ""), 0, options)).toBe(75);
    expect(retryDelayMs(new InferenceError("timeout", ""), 2, options)).toBe(300);
    expect(retryDelayMs(new InferenceError("timeout", ""), 10, options)).toBe(750);
    expect(retryDelayMs(new InferenceError("rate_limited", "", { retryAfterSeconds: 4 }), 0, options)).toBe(4125);
  });
});

describe("Semaphore", () => {
  it("hands slots over in order and drops aborted waiters", async () => {
    const slots = new Semaphore(1);
    await slots.acquire();
    const order: number[] = [];
    const controller = new AbortController();
    const first = slots.acquire().then(() => order.push(1));
    const aborted = slots.acquire(controller.signal).catch(() => order.push(-1));
    const third = slots.acquire().then(() => order.push(3));
    controller.abort();
    await aborted;
    slots.release();
    await first;
    slots.release();
    await third;
    expect(order).toEqual([-1, 1, 3]);
    expect(slots.queued).toBe(0);
  });
});
