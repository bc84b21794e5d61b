/**
 * The SerialOut one running command writes to. It knows when the command has ended (final
 * result sent) so the module can take the next command line, and it turns `prompt` into a
 * raw capture of the following input bytes.
 */
import type { SerialOut } from '../types';
import { errorText } from './framing';
import type { CaptureRequest } from './raw-capture';
import type { UartWriter } from './uart-writer';

/** SerialOut plus what only the core's own handlers need. */
export interface CoreSerialOut extends SerialOut {
  /** `+CME ERROR: <code>` when CMEE>0, else plain ERROR (spec shows plain ERROR). */
  cmeError(code: number): void;
  /**
   * Sends `marker` (e.g. `>` or the CONNECT line) and captures raw bytes per `request`.
   * Returns a cancel function (QFUPL <timeout>); after cancelling, input is command lines again.
   */
  capture(marker: () => void, request: CaptureRequest): () => void;
  /** Ends the command without a final result (e.g. the A13 "qmtping" query without OK). */
  endSilently(): void;
}

export interface CommandOutputHooks {
  readonly writer: UartWriter;
  /** The `>` prompt's bytes for this variant (framing.ts promptBytes). */
  readonly prompt: Buffer;
  cmee(): number;
  startCapture(request: CaptureRequest): () => void;
  /** Called once, when the command's final result has been written. */
  finished(): void;
}

export class CommandOutput implements CoreSerialOut {
  private ended = false;
  private capturing = false;

  constructor(private readonly hooks: CommandOutputHooks) {}

  get hasEnded(): boolean {
    return this.ended;
  }

  get isCapturing(): boolean {
    return this.capturing;
  }

  line(text: string): void {
    this.hooks.writer.line(text);
  }

  ok(): void {
    this.final('OK');
  }

  error(): void {
    this.cmeError(50);
  }

  cmeError(code: number): void {
    this.final(errorText(this.hooks.cmee(), code));
  }

  urc(text: string): void {
    this.hooks.writer.line(text);
  }

  raw(bytes: Buffer): void {
    this.hooks.writer.raw(bytes);
  }

  prompt(length: number, onData: (data: Buffer) => void, options: { keepExtraInChunk?: boolean } = {}): void {
    this.capture(() => this.hooks.writer.raw(this.hooks.prompt), {
      length,
      dropExtra: true,
      keepExtraInChunk: options.keepExtraInChunk,
      onData,
    });
  }

  capture(marker: () => void, request: CaptureRequest): () => void {
    this.capturing = true;
    marker();
    const cancel = this.hooks.startCapture({
      ...request,
      onData: (data) => {
        this.capturing = false;
        request.onData(data);
      },
    });
    return () => {
      this.capturing = false;
      cancel();
    };
  }

  /** Ends the command without a final result (e.g. the A13 "qmtping" query without OK). */
  endSilently(): void {
    if (this.ended) return;
    this.ended = true;
    this.hooks.finished();
  }

  private final(text: string): void {
    this.hooks.writer.line(text);
    if (this.ended) return;
    this.ended = true;
    this.hooks.finished();
  }
}
