/**
 * A module connection to the fixture that never leaves the process: two connected Duplex ends that
 * behave like the two ends of a TCP connection on loopback, so a simulated module on a virtual
 * clock can reach the tap without the kernel (whose bytes in flight the virtual clock cannot see).
 *
 * - Bytes arrive on a later tick, never inside the writer's call (a wire answers "later").
 * - An end that has read its peer's end of data ends its own side too (net.Socket's default,
 *   allowHalfOpen false), so `end()` on one side closes both, as a FIN does.
 * - `resetLink(end)` is an RST: the peer fails with ECONNRESET.
 *
 * (Node 20 has no `stream.duplexPair()`; ./duplex-pair.ts is the synchronous, half-open pair used
 * between the tap and Aedes.)
 */
import { Duplex } from 'node:stream';

class LinkEnd extends Duplex {
  peer: LinkEnd | undefined;
  /** This end's end of data has been sent to the peer (once only). */
  private finSent = false;

  constructor() {
    super({ allowHalfOpen: false });
  }

  _read(): void {}

  _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const peer = this.peer;
    process.nextTick(() => {
      if (peer && !peer.destroyed) peer.push(chunk);
    });
    callback();
  }

  _final(callback: (error?: Error | null) => void): void {
    this.sendFin();
    callback();
  }

  _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // A socket destroyed without end() still closes the connection (FIN) for its peer.
    this.sendFin();
    this.peer = undefined;
    callback(error);
  }

  private sendFin(): void {
    const peer = this.peer;
    if (this.finSent || !peer) return;
    this.finSent = true;
    process.nextTick(() => {
      if (!peer.destroyed) peer.push(null);
    });
  }
}

/** [fixture end, module end] of one in-process connection. */
export function inProcessLink(): [Duplex, Duplex] {
  const fixture = new LinkEnd();
  const module = new LinkEnd();
  fixture.peer = module;
  module.peer = fixture;
  return [fixture, module];
}

export function isInProcessLink(stream: unknown): boolean {
  return stream instanceof LinkEnd;
}

/** RST: this end goes away at once and its peer fails with ECONNRESET, as after a TCP reset. */
export function resetLink(end: Duplex): void {
  if (!(end instanceof LinkEnd)) {
    end.destroy();
    return;
  }
  const peer = end.peer;
  end.peer = undefined;
  end.destroy();
  process.nextTick(() => {
    if (peer && !peer.destroyed) peer.destroy(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
  });
}
