/**
 * What the CLI writes: results on stdout, progress and errors on stderr, and the exit codes
 * (0 success, 1 failure, 2 bad usage). A progress line redraws itself on a terminal and prints
 * every few seconds otherwise (CI logs stay readable).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = "CliError";
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = "UsageError";
  }
}

export type Io = { stdout: (text: string) => void; stderr: (text: string) => void; stderrIsTty: boolean };

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTty: Boolean(process.stderr.isTTY),
};

export function progressReporter(io: Io, intervalMs = io.stderrIsTty ? 100 : 3000) {
  // Quick work prints nothing: the first line waits one interval.
  let last = Date.now();
  let shown = false;
  return {
    update(line: string, force = false) {
      const now = Date.now();
      if (!force && now - last < intervalMs) return;
      last = now;
      if (io.stderrIsTty) io.stderr(`\r\x1b[2K${line}`);
      else io.stderr(`${line}\n`);
      shown = true;
    },
    done() {
      if (shown && io.stderrIsTty) io.stderr("\n");
    },
  };
}

/** A plain text table with aligned columns. */
export function table(headers: string[], rows: (string | number)[][], alignRight: boolean[] = []): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  return cells
    .map((row) =>
      row
        .map((cell, i) => (alignRight[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
