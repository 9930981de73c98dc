/**
 * Live progress of the stage a run (or a judge job) is in: done/total, a rate over the last
 * seconds, ETA, tokens, and errors by kind with a sample message of each. Saved on the run's (or
 * job's) row about once a second, so any page or CLI reading the database sees it without talking
 * to the runner.
 */

export type ProgressSnapshot = {
  stage: string | null;
  iteration: number | null;
  label: string;
  done: number;
  total: number;
  ratePerSecond: number;
  etaSeconds: number | null;
  tokens: { prompt: number; completion: number };
  requests: number;
  errors: Record<string, { count: number; sample: string }>;
  startedAt: number;
  updatedAt: number;
};

const WINDOW_MS = 10_000;

export class ProgressTracker {
  private snapshot: ProgressSnapshot;
  private marks: { at: number; done: number }[] = [];
  private lastSavedAt = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  /** `persist` writes a snapshot where readers look for it (the run's or the job's row). */
  constructor(private readonly persist: (snapshot: ProgressSnapshot) => void) {
    this.snapshot = this.fresh(null, null, "", 0, 0);
  }

  private fresh(stage: string | null, iteration: number | null, label: string, total: number, done: number): ProgressSnapshot {
    const now = Date.now();
    return {
      stage,
      iteration,
      label,
      done,
      total,
      ratePerSecond: 0,
      etaSeconds: null,
      tokens: { prompt: 0, completion: 0 },
      requests: 0,
      errors: {},
      startedAt: now,
      updatedAt: now,
    };
  }

  start(): void {
    this.timer ??= setInterval(() => this.save(), 1000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.save();
  }

  /** A new stage; errors and tokens restart with it. */
  stage(stage: string, iteration: number | null, label: string, total: number, done = 0): void {
    this.snapshot = this.fresh(stage, iteration, label, total, done);
    this.marks = [{ at: Date.now(), done }];
    this.save();
  }

  advance(units: number, usage?: { promptTokens: number; completionTokens: number; requests: number }): void {
    this.snapshot.done += units;
    if (usage) {
      this.snapshot.tokens.prompt += usage.promptTokens;
      this.snapshot.tokens.completion += usage.completionTokens;
      this.snapshot.requests += usage.requests;
    }
    // Stages of a small run can last less than the timer's second: save progress as it happens too
    // (at most every 250 ms), so a page never sees only "0 of N".
    if (units > 0 && this.timer && Date.now() - this.lastSavedAt >= 250) this.save();
  }

  error(kind: string, message: string): void {
    const entry = this.snapshot.errors[kind] ?? { count: 0, sample: message };
    entry.count++;
    entry.sample = message.slice(0, 500);
    this.snapshot.errors[kind] = entry;
  }

  current(): ProgressSnapshot {
    const now = Date.now();
    this.marks.push({ at: now, done: this.snapshot.done });
    while (this.marks.length > 2 && now - this.marks[0]!.at > WINDOW_MS) this.marks.shift();
    const first = this.marks[0]!;
    const seconds = (now - first.at) / 1000;
    const rate = seconds > 0.5 ? (this.snapshot.done - first.done) / seconds : 0;
    this.snapshot.ratePerSecond = Math.round(rate * 10) / 10;
    const remaining = Math.max(0, this.snapshot.total - this.snapshot.done);
    this.snapshot.etaSeconds = rate > 0 ? Math.round(remaining / rate) : remaining === 0 ? 0 : null;
    this.snapshot.updatedAt = now;
    return { ...this.snapshot, tokens: { ...this.snapshot.tokens }, errors: { ...this.snapshot.errors } };
  }

  save(): void {
    this.lastSavedAt = Date.now();
    try {
      this.persist(this.current());
    } catch {
      // Progress is best effort: a busy database must not stop the run.
    }
  }
}
