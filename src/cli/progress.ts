/**
 * A progress bar on stderr for large files, only when stderr is a terminal:
 * pipes and CI logs stay clean. Steps are the job's phases (read, score, lay out, write).
 */
export class Progress {
  private step = 0;
  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly steps: number,
    private readonly enabled: boolean,
  ) {}

  static for(stream: NodeJS.WriteStream, steps: number, bytes: number): Progress {
    const LARGE = 1 << 20; // a megabyte of sheet is tens of thousands of rows: worth a bar
    return new Progress(stream, steps, Boolean(stream.isTTY) && bytes >= LARGE);
  }

  /** Marks the start of the next phase. */
  next(label: string): void {
    if (!this.enabled) return;
    const width = 24;
    const filled = Math.round((this.step / this.steps) * width);
    this.stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${label}…\x1b[K`);
    this.step++;
  }

  done(): void {
    if (this.enabled) this.stream.write("\r\x1b[K");
  }
}
