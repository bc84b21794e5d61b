/**
 * Assembles command lines from the UART byte stream (spec 3.1.2: "Entering <CR> terminates a
 * command line"). A <LF> right after the <CR> is tolerated and dropped, as is a <LF> at the
 * start of a line, so hosts that send <CR><LF> work too.
 *
 * Overlong lines: a line longer than MAX_LINE_BYTES is not kept; its bytes are dropped up to
 * the terminating <CR>, and the line is then reported as `overlong` (the module answers ERROR).
 * 1500 bytes is chosen to match the note's largest input size (3.3.8 note 2) — a QMTCFG line
 * with a 256-byte topic and 256-byte message stays far below it.
 */
export const MAX_LINE_BYTES = 1500;

export type AssembledLine = { kind: 'line'; bytes: Buffer } | { kind: 'overlong' };

export class LineAssembler {
  private bytes: number[] = [];
  private overlong = false;
  private lastWasCr = false;

  /**
   * Feeds bytes; returns complete lines and the number of bytes consumed. Consumption stops
   * right after the first complete line so the caller can switch to raw capture (a `>` prompt
   * or CONNECT) before the following bytes are interpreted.
   */
  take(data: Buffer): { line?: AssembledLine; consumed: number } {
    for (let i = 0; i < data.length; i++) {
      const byte = data[i];
      if (byte === 0x0a && (this.lastWasCr || (this.bytes.length === 0 && !this.overlong))) {
        this.lastWasCr = false;
        continue;
      }
      this.lastWasCr = false;
      if (byte === 0x0d) {
        this.lastWasCr = true;
        const line = this.finish();
        if (line) return { line, consumed: i + 1 };
        continue;
      }
      this.append(byte);
    }
    return { consumed: data.length };
  }

  /** Forgets a partial line (reboot). */
  reset(): void {
    this.bytes = [];
    this.overlong = false;
    this.lastWasCr = false;
  }

  private append(byte: number): void {
    if (this.overlong) return;
    if (this.bytes.length >= MAX_LINE_BYTES) {
      this.overlong = true;
      this.bytes = [];
      return;
    }
    this.bytes.push(byte);
  }

  private finish(): AssembledLine | undefined {
    const overlong = this.overlong;
    const bytes = Buffer.from(this.bytes);
    this.bytes = [];
    this.overlong = false;
    if (overlong) return { kind: 'overlong' };
    // An empty line (a lone <CR>) is ignored, as modules do.
    if (bytes.length === 0) return undefined;
    return { kind: 'line', bytes };
  }
}
