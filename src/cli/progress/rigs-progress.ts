/**
 * The console of a multi-port run: one progress line per module, fed by the workers' progress
 * messages (src/cli/progress/worker-events.ts). On a terminal the block of lines is redrawn in
 * place and every other line (a failure, a worker's message) is printed above it; otherwise each
 * module's line is printed at most every PLAIN_INTERVAL_MS, and when it is done.
 */
import { progressLine, type ProgressSnapshot } from './progress-state';

const PLAIN_INTERVAL_MS = 10_000;
const TTY_INTERVAL_MS = 250;

export class RigsProgress {
  private readonly snapshots = new Map<string, ProgressSnapshot>();
  private readonly printedAt = new Map<string, number>();
  private readonly printedDone = new Set<string>();
  private drawn = 0;
  private lastDraw = 0;
  private pending: NodeJS.Timeout | undefined;
  private readonly tty: boolean;

  constructor(
    private readonly modules: readonly string[],
    private readonly out: NodeJS.WriteStream = process.stdout,
  ) {
    this.tty = Boolean(out.isTTY);
    // Workers take a few seconds to start: the block says so at once.
    if (this.tty) this.draw();
  }

  update(module: string, snapshot: ProgressSnapshot): void {
    this.snapshots.set(module, snapshot);
    if (this.tty) return this.scheduleDraw();
    const last = this.printedAt.get(module) ?? 0;
    const done = snapshot.finished && !this.printedDone.has(module);
    if (!done && Date.now() - last < PLAIN_INTERVAL_MS) return;
    if (snapshot.finished) this.printedDone.add(module);
    this.printedAt.set(module, Date.now());
    this.out.write(`${progressLine(snapshot)}\n`);
  }

  /** A line of its own, above the block. */
  line(text: string): void {
    if (!this.tty) return void this.out.write(`${text}\n`);
    this.clearBlock();
    this.out.write(`${text}\n`);
    this.draw();
  }

  /** Leaves the last state of every module on screen. */
  finish(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    if (this.tty) this.draw();
    else
      for (const [module, snapshot] of this.snapshots)
        if (!this.printedDone.has(module)) this.out.write(`${progressLine(snapshot)}\n`);
    this.drawn = 0;
  }

  private scheduleDraw(): void {
    const wait = TTY_INTERVAL_MS - (Date.now() - this.lastDraw);
    if (wait <= 0) return this.draw();
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      this.draw();
    }, wait);
  }

  private clearBlock(): void {
    if (this.drawn) this.out.write(`\x1b[${this.drawn}A\r\x1b[J`);
    this.drawn = 0;
  }

  private draw(): void {
    this.clearBlock();
    const width = (this.out.columns || 120) - 1;
    for (const module of this.modules) {
      const snapshot = this.snapshots.get(module);
      const text = snapshot ? progressLine(snapshot) : `${module}: starting`;
      this.out.write(`${text.length > width ? `${text.slice(0, width - 1)}…` : text}\n`);
    }
    this.drawn = this.modules.length;
    this.lastDraw = Date.now();
  }
}
