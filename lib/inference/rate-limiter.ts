/**
 * Requests-per-minute and tokens-per-minute limits as token buckets. A request takes one request
 * token and its estimated prompt tokens before it is sent; its completion tokens are charged
 * afterwards (the bucket may go into debt, which delays the next requests), so the average rate
 * holds without guessing the answer's length. Buckets hold five seconds' worth, bounding bursts.
 */
import { sleep } from "./sleep";

const BURST_SECONDS = 5;

export class TokenBucket {
  private level: number;
  private updatedAt: number;
  readonly capacity: number;
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.perMs = perMinute / 60_000;
    this.capacity = Math.max(1, Math.ceil((perMinute / 60) * BURST_SECONDS));
    this.level = this.capacity;
    this.updatedAt = now();
  }

  private refill(): void {
    const now = this.now();
    this.level = Math.min(this.capacity, this.level + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
  }

  /** Milliseconds until `amount` can be taken (a request larger than the bucket waits for a full bucket). */
  waitMs(amount: number): number {
    this.refill();
    const needed = Math.min(amount, this.capacity);
    return this.level >= needed ? 0 : (needed - this.level) / this.perMs;
  }

  take(amount: number): void {
    this.refill();
    this.level -= amount;
  }
}

export class RateLimiter {
  private readonly requests: TokenBucket | null;
  private readonly tokens: TokenBucket | null;

  constructor(limits: { requestsPerMinute: number | null; tokensPerMinute: number | null }, now?: () => number) {
    this.requests = limits.requestsPerMinute ? new TokenBucket(limits.requestsPerMinute, now) : null;
    this.tokens = limits.tokensPerMinute ? new TokenBucket(limits.tokensPerMinute, now) : null;
  }

  get limited(): boolean {
    return this.requests !== null || this.tokens !== null;
  }

  /** Milliseconds to wait before a request of `promptTokens` may go; 0 means take it now. */
  waitMs(promptTokens: number): number {
    return Math.max(this.requests?.waitMs(1) ?? 0, this.tokens?.waitMs(promptTokens) ?? 0);
  }

  async acquire(promptTokens: number, signal?: AbortSignal): Promise<void> {
    if (!this.limited) return;
    for (;;) {
      const wait = this.waitMs(promptTokens);
      if (wait <= 0) break;
      await sleep(Math.ceil(wait), signal);
    }
    this.requests?.take(1);
    this.tokens?.take(promptTokens);
  }

  /** Charge what the answer cost beyond the estimate. */
  charge(tokens: number): void {
    if (tokens > 0) this.tokens?.take(tokens);
  }
}
