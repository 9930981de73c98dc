/**
 * Slows down guessing the access token: a client address gets a few wrong tokens free, then each
 * further wrong one locks sign-in for that address for twice as long as the last (30 s, 1 min,
 * 2 min, … at most an hour). The address comes from a header a client can forge, so a second
 * counter covers all addresses together with a larger allowance: however the addresses are
 * spread, guesses stay a few per minute. A right token clears its address's count. In memory (a
 * restart forgets); pure apart from the clock it is given.
 */

export type ThrottlePolicy = {
  /** Wrong tokens allowed before the first lock. */
  freeFailures: number;
  /** The first lock; each further failure doubles it. */
  baseLockMs: number;
  maxLockMs: number;
  /** A count with no failure for this long starts again from zero. */
  forgetAfterMs: number;
};

export const PER_ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 5, baseLockMs: 30_000, maxLockMs: 3_600_000, forgetAfterMs: 3_600_000 };
export const ALL_ADDRESSES_POLICY: ThrottlePolicy = { freeFailures: 50, baseLockMs: 30_000, maxLockMs: 900_000, forgetAfterMs: 3_600_000 };

const ALL = "\0all";
const MAX_TRACKED = 10_000;

type Failures = { failures: number; lastFailureAt: number; lockedUntil: number };

export class SignInThrottle {
  private readonly records = new Map<string, Failures>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly perAddress: ThrottlePolicy = PER_ADDRESS_POLICY,
    private readonly allAddresses: ThrottlePolicy = ALL_ADDRESSES_POLICY,
  ) {}

  /** Milliseconds until this address may try again; 0 when it may now. */
  retryAfterMs(address: string): number {
    const now = this.now();
    const waits = [this.live(address, this.perAddress, now), this.live(ALL, this.allAddresses, now)].map((r) =>
      r ? Math.max(0, r.lockedUntil - now) : 0,
    );
    return Math.max(...waits);
  }

  /** Count a wrong token; answers the wait now in force for this address (0 when none). */
  recordFailure(address: string): number {
    const now = this.now();
    this.bump(address, this.perAddress, now);
    this.bump(ALL, this.allAddresses, now);
    return this.retryAfterMs(address);
  }

  recordSuccess(address: string): void {
    this.records.delete(address);
  }

  private live(key: string, policy: ThrottlePolicy, now: number): Failures | null {
    const record = this.records.get(key);
    if (!record) return null;
    if (now - record.lastFailureAt > policy.forgetAfterMs && now >= record.lockedUntil) {
      this.records.delete(key);
      return null;
    }
    return record;
  }

  private bump(key: string, policy: ThrottlePolicy, now: number): void {
    const record = this.live(key, policy, now) ?? { failures: 0, lastFailureAt: now, lockedUntil: 0 };
    record.failures += 1;
    record.lastFailureAt = now;
    const over = record.failures - policy.freeFailures;
    if (over >= 0) record.lockedUntil = now + Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** over);
    this.records.delete(key);
    this.records.set(key, record);
    // Oldest first in a Map: drop the least recently failing addresses beyond the cap.
    while (this.records.size > MAX_TRACKED) {
      const oldest = this.records.keys().next().value as string;
      if (oldest === ALL) {
        const all = this.records.get(ALL)!;
        this.records.delete(ALL);
        this.records.set(ALL, all);
        continue;
      }
      this.records.delete(oldest);
    }
  }
}

/** The process's throttle, shared by every request (kept on globalThis across route bundles). */
export function signInThrottle(): SignInThrottle {
  const holder = globalThis as unknown as { judgeLabSignInThrottle?: SignInThrottle };
  holder.judgeLabSignInThrottle ??= new SignInThrottle();
  return holder.judgeLabSignInThrottle;
}

/** The client address of a request as this server sees it (Next.js fills x-forwarded-for). */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const nearest = forwarded?.split(",").at(-1)?.trim();
  return nearest || headers.get("x-real-ip")?.trim() || "unknown";
}
