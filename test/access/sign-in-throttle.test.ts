// Sign-in throttling: five wrong tokens are free, the sixth within the lock is refused with a wait,
// and each further failure doubles the wait; a right token clears the address; addresses are
// counted apart, and all together with a larger allowance (a forged address does not escape it).
import { describe, expect, it } from "vitest";
import { clientAddress, SignInThrottle } from "@/lib/access/sign-in-throttle";
import { sameSecret } from "@/lib/access/token";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("sign-in throttle", () => {
  it("refuses the sixth wrong attempt within a minute, with a wait that doubles", () => {
    const time = clock();
    const throttle = new SignInThrottle(time.now);
    for (let i = 1; i <= 4; i++) {
      expect(throttle.retryAfterMs("10.0.0.1")).toBe(0);
      expect(throttle.recordFailure("10.0.0.1")).toBe(0);
      time.advance(1_000);
    }
    expect(throttle.recordFailure("10.0.0.1")).toBe(30_000); // the fifth locks for 30 s
    time.advance(10_000);
    expect(throttle.retryAfterMs("10.0.0.1")).toBe(20_000); // the sixth, 14 s after the first: refused
    time.advance(20_000);
    expect(throttle.retryAfterMs("10.0.0.1")).toBe(0);
    expect(throttle.recordFailure("10.0.0.1")).toBe(60_000);
    time.advance(60_000);
    expect(throttle.recordFailure("10.0.0.1")).toBe(120_000);
    expect(throttle.retryAfterMs("10.0.0.2")).toBe(0); // another address is not locked
  });

  it("caps the wait at an hour, forgets after an hour of quiet, and clears on a right token", () => {
    const time = clock();
    const throttle = new SignInThrottle(time.now);
    let wait = 0;
    for (let i = 0; i < 20; i++) {
      wait = throttle.recordFailure("a");
      time.advance(wait);
    }
    expect(wait).toBe(3_600_000);
    time.advance(3_600_001);
    expect(throttle.recordFailure("a")).toBe(0);
    for (let i = 0; i < 3; i++) throttle.recordFailure("b");
    throttle.recordSuccess("b");
    for (let i = 0; i < 4; i++) expect(throttle.recordFailure("b")).toBe(0);
  });

  it("counts every address together too, so forged addresses do not escape", () => {
    const time = clock();
    const throttle = new SignInThrottle(time.now);
    for (let i = 0; i < 49; i++) throttle.recordFailure(`forged-${i}`);
    expect(throttle.retryAfterMs("someone-new")).toBe(0);
    throttle.recordFailure("forged-49");
    expect(throttle.retryAfterMs("someone-new")).toBe(30_000);
  });

  it("takes the address the nearest proxy saw", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.1.1.1, 198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});

describe("token comparison", () => {
  it("matches only the exact token, whatever the lengths", () => {
    expect(sameSecret("s3cret-token", "s3cret-token")).toBe(true);
    expect(sameSecret("s3cret-tokeN", "s3cret-token")).toBe(false);
    expect(sameSecret("s3cret", "s3cret-token")).toBe(false);
    expect(sameSecret("s3cret-token-and-more", "s3cret-token")).toBe(false);
    expect(sameSecret("", "s3cret-token")).toBe(false);
    expect(sameSecret(undefined, "s3cret-token")).toBe(false);
  });
});
