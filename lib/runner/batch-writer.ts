/**
 * Collects finished rows and writes them in batches (one transaction per batch), every `size`
 * rows or `intervalMs`, whichever comes first, and on flush(). Completed work is never held back
 * long, and SQLite sees few large transactions instead of many small ones.
 */
export class BatchWriter<T> {
  private rows: T[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly write: (rows: T[]) => void,
    private readonly size = 250,
    private readonly intervalMs = 250,
  ) {}

  push(...rows: T[]): void {
    this.rows.push(...rows);
    if (this.rows.length >= this.size) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    this.write(rows);
  }
}
