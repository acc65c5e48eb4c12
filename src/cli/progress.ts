/** The part of a stream the progress line needs. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * A one-line "Linting 120/4000 files" indicator on stderr. It shows only on a terminal, only
 * after the run has taken a moment (short runs print nothing), and erases itself when done, so
 * it never ends up in piped or redirected output.
 */
export class Progress {
  private readonly enabled: boolean;
  private readonly now: () => number;
  private readonly delayMs: number;
  private readonly startedAt: number;
  private shown = false;
  private lastDraw = 0;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    options: { enabled?: boolean; delayMs?: number; now?: () => number } = {},
  ) {
    this.enabled = (options.enabled ?? true) && Boolean(stream.isTTY) && total > 1;
    this.now = options.now ?? Date.now;
    this.delayMs = options.delayMs ?? 500;
    this.startedAt = this.now();
  }

  /** `done` files of `total` are linted. */
  update(done: number, current?: string): void {
    if (!this.enabled) return;
    const now = this.now();
    if (now - this.startedAt < this.delayMs) return;
    // At most ten redraws a second.
    if (this.shown && now - this.lastDraw < 100 && done < this.total) return;
    this.lastDraw = now;
    this.shown = true;
    const percent = Math.floor((done / this.total) * 100);
    let line = `Linting ${done}/${this.total} files (${percent}%)`;
    if (current) line += ` ${current}`;
    // A pseudo-terminal may report 0 columns.
    const columns = this.stream.columns && this.stream.columns > 0 ? this.stream.columns : 80;
    const width = Math.max(20, columns - 1);
    if (line.length > width) line = `${line.slice(0, width - 1)}…`;
    this.stream.write(`\r\u001b[2K${line}`);
  }

  /** Erases the line, if one was drawn. */
  finish(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
