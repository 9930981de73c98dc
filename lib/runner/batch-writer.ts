/**
 * Collects finished rows and writes them in batches (one transaction per batch), every `size`
 * rows or `intervalMs`, whichever comes first, and on flush(). Completed work is never held back
 * long, and SQLite sees few large transactions instead of many small ones. A write that fails on
 * the timer (disk full, read-only file) is kept and thrown by the next push or flush, in the
 * stage's own flow, rather than escaping as an uncaught exception.
 */
export class BatchWriter<T> {
  private rows: T[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failure: unknown = null;

  constructor(
    private readonly write: (rows: T[]) => void,
    private readonly size = 250,
    private readonly intervalMs = 250,
  ) {}

  push(...rows: T[]): void {
    this.rethrow();
    this.rows.push(...rows);
    if (this.rows.length >= this.size) this.flush();
    else
      this.timer ??= setTimeout(() => {
        try {
          this.flush();
        } catch (error) {
          this.failure ??= error;
        }
      }, this.intervalMs);
  }

  private rethrow(): void {
    if (this.failure === null) return;
    const failure = this.failure;
    this.failure = null;
    throw failure;
  }

  flush(): void {
    this.rethrow();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    this.write(rows);
  }
}
