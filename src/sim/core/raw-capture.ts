/**
 * Captures exactly `length` raw bytes after a `>` prompt or a `CONNECT` (spec 3.3.8, 5.2).
 *
 * Input shorter than `length`: the simulator keeps waiting (no timeout of its own; a QFUPL
 * upload has its own <timeout>). Bytes beyond `length`: with `dropExtra` (the prompt, spec 3.3.8
 * "the extra bytes are deleted") the rest of the chunk that completed the capture is discarded;
 * later chunks are command input again. Without `dropExtra` (QFUPL) the rest is command input.
 */
export interface CaptureRequest {
  readonly length: number;
  readonly dropExtra: boolean;
  /** Fault hook: keep bytes beyond `length` that arrive in the completing chunk. */
  readonly keepExtraInChunk?: boolean;
  readonly onData: (data: Buffer) => void;
}

export class RawCapture {
  private readonly parts: Buffer[] = [];
  private received = 0;

  constructor(readonly request: CaptureRequest) {}

  /** Bytes still to come. */
  get remaining(): number {
    return Math.max(this.request.length - this.received, 0);
  }

  get done(): boolean {
    return this.received >= this.request.length;
  }

  /** Takes what it needs from `data`; returns the number of bytes the caller must not re-read. */
  feed(data: Buffer): number {
    const wanted = this.request.length - this.received;
    if (this.request.keepExtraInChunk && data.length >= wanted) {
      this.parts.push(data);
      this.received += data.length;
      return data.length;
    }
    const part = data.subarray(0, wanted);
    this.parts.push(part);
    this.received += part.length;
    if (!this.done) return data.length;
    return this.request.dropExtra ? data.length : part.length;
  }

  data(): Buffer {
    return Buffer.concat(this.parts);
  }
}
