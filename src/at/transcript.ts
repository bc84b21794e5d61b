/**
 * Every byte of the AT link, both ways, with clock time and wall-clock time — what a reviewer
 * reads to see what the module really said. One entry per line-ish chunk: an entry ends after a
 * LF (after a CR for commands we send), or when the direction changes (the `>` prompt has no line
 * end). Secrets are masked when an entry is stored and again when rendering, so a secret never
 * sits in a finished entry and one registered late still disappears from the report.
 */
import type { Clock } from '../clock/clock';
import type { SecretMasker } from '../secrets/masker';
import { escapeBytes, hexDump } from './byte-text';

export type Direction = 'tx' | 'rx';

export interface TranscriptEntry {
  readonly direction: Direction;
  /** Clock time (ms) of the entry's first byte. */
  readonly at: number;
  /** Wall-clock ISO time of the entry's first byte. */
  readonly wallTime: string;
  readonly bytes: Buffer;
}

interface OpenEntry {
  direction: Direction;
  at: number;
  wallTime: string;
  bytes: number[];
}

const CR = 0x0d;
const LF = 0x0a;
/** An entry without a line end (binary junk, a stuck prompt) is cut here to bound what is held raw. */
const MAX_ENTRY_BYTES = 1024;

export class Transcript {
  private readonly closed: TranscriptEntry[] = [];
  private open: OpenEntry | undefined;
  private readonly origin: number;

  constructor(
    private readonly clock: Clock,
    private readonly masker: SecretMasker,
    origin?: number,
  ) {
    this.origin = origin ?? clock.now();
  }

  record(direction: Direction, bytes: Buffer, at: number = this.clock.now()): void {
    if (this.open && this.open.direction !== direction) this.closeOpen();
    for (const b of bytes) {
      if (!this.open) this.open = { direction, at, wallTime: new Date().toISOString(), bytes: [] };
      const entry = this.open;
      entry.bytes.push(b);
      const endsLine = b === LF || (b === CR && direction === 'tx');
      // Leading CR/LF belong to the line they introduce (`<CR><LF>OK<CR><LF>` is one entry).
      if ((endsLine && entry.bytes.some((x) => x !== CR && x !== LF)) || entry.bytes.length >= MAX_ENTRY_BYTES)
        this.closeOpen();
    }
  }

  /** Masks text for messages that leave the AT layer (errors naming a command with a password). */
  mask(text: string): string {
    return this.masker.mask(text);
  }

  /** All entries so far, the unfinished one included, masked. */
  entries(): readonly TranscriptEntry[] {
    const all = this.closed.map((e) => ({ ...e, bytes: this.masker.maskBuffer(e.bytes) }));
    if (this.open) all.push(this.masked(this.open));
    return all;
  }

  /** `[  12.345 s] >> AT+QMTCFG="keepalive",0<CR>` — one line per entry. */
  render(): string {
    const entries = this.entries();
    const head = entries.length
      ? `# AT transcript, first byte at ${entries[0].wallTime}`
      : '# AT transcript (no bytes)';
    return (
      [
        head,
        ...entries.map((e) => `${this.stamp(e)} ${e.direction === 'tx' ? '>>' : '<<'} ${escapeBytes(e.bytes)}`),
      ].join('\n') + '\n'
    );
  }

  /** The same entries as hex dumps, with wall-clock times, for byte-level disputes. */
  renderHex(): string {
    return (
      this.entries()
        .map((e) => `${this.stamp(e)} ${e.wallTime} ${e.direction} ${e.bytes.length} bytes\n${hexDump(e.bytes)}`)
        .join('\n') + '\n'
    );
  }

  private stamp(entry: TranscriptEntry): string {
    return `[${((entry.at - this.origin) / 1000).toFixed(3).padStart(8)} s]`;
  }

  private closeOpen(): void {
    if (!this.open) return;
    this.closed.push(this.masked(this.open));
    this.open = undefined;
  }

  private masked(entry: OpenEntry): TranscriptEntry {
    return {
      direction: entry.direction,
      at: entry.at,
      wallTime: entry.wallTime,
      bytes: this.masker.maskBuffer(Buffer.from(entry.bytes)),
    };
  }
}
