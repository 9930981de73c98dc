/**
 * Spreads requests over a backend's replicas, least in-flight first. A replica that fails several
 * times in a row is rested (skipped) for a while, longer each time it keeps failing; when every
 * replica is resting, the one whose rest ends first is used rather than stopping.
 */
export type Replica = {
  url: string;
  inFlight: number;
  requests: number;
  failures: number;
  consecutiveFailures: number;
  restingUntil: number;
  restMs: number;
};

export type ReplicaPoolOptions = { failuresBeforeRest?: number; firstRestMs?: number; maxRestMs?: number; now?: () => number };

export class ReplicaPool {
  readonly replicas: Replica[];
  private readonly failuresBeforeRest: number;
  private readonly firstRestMs: number;
  private readonly maxRestMs: number;
  private readonly now: () => number;
  private cursor = 0;

  constructor(urls: readonly string[], options: ReplicaPoolOptions = {}) {
    if (urls.length === 0) throw new Error("A backend needs at least one base URL");
    this.failuresBeforeRest = options.failuresBeforeRest ?? 3;
    this.firstRestMs = options.firstRestMs ?? 5_000;
    this.maxRestMs = options.maxRestMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.replicas = urls.map((url) => ({
      url: url.replace(/\/+$/, ""),
      inFlight: 0,
      requests: 0,
      failures: 0,
      consecutiveFailures: 0,
      restingUntil: 0,
      restMs: 0,
    }));
  }

  /** The replica to send the next request to (ties rotate, so equal replicas share the load). */
  pick(): Replica {
    const now = this.now();
    const awake = this.replicas.filter((replica) => replica.restingUntil <= now);
    const candidates = awake.length > 0 ? awake : [this.replicas.reduce((a, b) => (a.restingUntil <= b.restingUntil ? a : b))];
    const n = candidates.length;
    let best = candidates[this.cursor % n]!;
    for (let i = 1; i < n; i++) {
      const replica = candidates[(this.cursor + i) % n]!;
      if (replica.inFlight < best.inFlight) best = replica;
    }
    this.cursor = (this.cursor + 1) % Math.max(1, this.replicas.length);
    return best;
  }

  succeeded(replica: Replica): void {
    replica.consecutiveFailures = 0;
    replica.restMs = 0;
  }

  failed(replica: Replica): void {
    replica.failures++;
    replica.consecutiveFailures++;
    if (replica.consecutiveFailures >= this.failuresBeforeRest) {
      replica.restMs = replica.restMs === 0 ? this.firstRestMs : Math.min(this.maxRestMs, replica.restMs * 2);
      replica.restingUntil = this.now() + replica.restMs;
      replica.consecutiveFailures = 0;
    }
  }
}
