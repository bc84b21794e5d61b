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
    await this.link.write(data);
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

/**
 * Reopens the module's port after the link closed under it: a module on a labgrid place
 * re-enumerates on restart and comes back on another port (src/rig/labgrid/place-access.ts).
 * Rejects when it cannot; the link is then lost.
 */
export type Reopen = (previous: Transport) => Promise<Transport>;

/**
 * The open hardware link, handing bytes to whichever scenario session is current. With a
 * `reopen`, a link that closes is reopened (writes wait meanwhile) instead of being lost; the
 * scenario session carries on and sees the module's bytes from the new port.
 */
export class SharedLink {
  private current: SessionTransport | undefined;
  private lostError: Error | undefined;
  private now!: Transport;
  private reopening: Promise<void> | undefined;
  private closing = false;
  private readonly lostListeners: ((error: Error) => void)[] = [];
  private readonly movedListeners: ((from: string, to: string) => void)[] = [];

  constructor(
    transport: Transport,
    private readonly reopen?: Reopen,
  ) {
    this.adopt(transport);
  }

  get transport(): Transport {
    return this.now;
  }

  private adopt(transport: Transport): void {
    this.now = transport;
    transport.onData((chunk) => {
      if (this.now === transport) this.current?.deliver(chunk);
    });
    transport.onClose((error) => {
      if (this.now !== transport || this.closing || this.lostError) return;
      if (this.reopen) this.reopening ??= this.reopenAfter(transport, error);
      else this.fail(error ?? new Error(`rig: ${transport.description} closed`));
    });
  }

  private async reopenAfter(previous: Transport, error?: Error): Promise<void> {
    try {
      const next = await this.reopen!(previous);
      if (this.closing) {
        await next.close().catch(() => {});
        return;
      }
      this.adopt(next);
      for (const listener of this.movedListeners) listener(previous.description, next.description);
    } catch (reason) {
      this.fail(
        new Error(
          `rig: ${previous.description} closed (${error?.message ?? 'closed by the far end'}) and could not be reopened: ${(reason as Error).message}`,
        ),
      );
    } finally {
      this.reopening = undefined;
    }
  }

  private fail(error: Error): void {
    this.lostError = error;
    this.current?.lost(error);
    for (const listener of this.lostListeners) listener(error);
  }

  /** Writes to the port, after a reopening under way has finished. */
  async write(data: Buffer): Promise<void> {
    if (this.reopening) await this.reopening;
    if (this.lostError) throw this.lostError;
    await this.now.write(data);
  }

  /** Tells `listener` when the link goes away for good. */
  onLost(listener: (error: Error) => void): void {
    this.lostListeners.push(listener);
  }

  /** Tells `listener` when the link was reopened on another port. */
  onMoved(listener: (from: string, to: string) => void): void {
    this.movedListeners.push(listener);
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

  /** The run is over: closes the port (no reopening). */
  async close(): Promise<void> {
    this.closing = true;
    await this.now.close();
  }
}
