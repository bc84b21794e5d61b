/**
 * One scenario's view of a long-lived hardware link: the serial port stays open for the whole
 * run, each scenario gets its own listener (and so its own transcript) and detaches at the end.
 */
import type { Transport } from '../at/types';

export class SessionTransport implements Transport {
  private dataListener: ((chunk: Buffer) => void) | undefined;
  private closeListener: ((error?: Error) => void) | undefined;
  private detached = false;

  constructor(private readonly link: SharedLink) {
    link.attach(this);
  }

  get description(): string {
    return this.link.transport.description;
  }

  async open(): Promise<void> {}

  async write(data: Buffer): Promise<void> {
    if (this.detached) throw new Error('harness: write on a finished scenario session');
    await this.link.transport.write(data);
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.dataListener = listener;
  }

  onClose(listener: (error?: Error) => void): void {
    this.closeListener = listener;
  }

  async close(): Promise<void> {
    this.detached = true;
    this.link.detach(this);
  }

  deliver(chunk: Buffer): void {
    if (!this.detached) this.dataListener?.(chunk);
  }

  lost(error?: Error): void {
    if (!this.detached) this.closeListener?.(error);
  }
}

/** The open hardware link, handing bytes to whichever scenario session is current. */
export class SharedLink {
  private current: SessionTransport | undefined;
  private lostError: Error | undefined;

  constructor(readonly transport: Transport) {
    transport.onData((chunk) => this.current?.deliver(chunk));
    transport.onClose((error) => {
      this.lostError = error ?? new Error(`rig: ${transport.description} closed`);
      this.current?.lost(this.lostError);
      for (const listener of this.lostListeners) listener(this.lostError);
    });
  }

  private readonly lostListeners: ((error: Error) => void)[] = [];

  /** Tells `listener` when the link goes away for good. */
  onLost(listener: (error: Error) => void): void {
    this.lostListeners.push(listener);
  }

  get lost(): Error | undefined {
    return this.lostError;
  }

  attach(session: SessionTransport): void {
    this.current = session;
  }

  detach(session: SessionTransport): void {
    if (this.current === session) this.current = undefined;
  }
}
