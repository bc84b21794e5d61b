/**
 * An in-memory, connected pair of duplex streams: what one end writes, the other end reads.
 * The tap hands one end to `aedes.handle()` so module traffic reaches Aedes without a second
 * TCP hop, and helper clients (mqtt.js) talk to Aedes the same way, unseen by the tap.
 * (Node 20 has no `stream.duplexPair()`; it arrived in Node 22.6.)
 */
import { Duplex } from 'node:stream';

class PairEnd extends Duplex {
  peer: PairEnd | undefined;
  private pendingRead: (() => void) | undefined;

  _read(): void {
    // Flow control: the peer's write completes once this end wants more data.
    const resume = this.pendingRead;
    this.pendingRead = undefined;
    resume?.();
  }

  _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const peer = this.peer;
    if (!peer || peer.destroyed) {
      callback();
      return;
    }
    if (peer.push(chunk)) callback();
    else peer.pendingRead = () => callback();
  }

  _final(callback: (error?: Error | null) => void): void {
    if (this.peer && !this.peer.destroyed) this.peer.push(null);
    callback();
  }

  _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const peer = this.peer;
    this.peer = undefined;
    const resume = this.pendingRead;
    this.pendingRead = undefined;
    resume?.();
    // A destroyed end looks to its peer like a connection that went away.
    if (peer && !peer.destroyed) {
      peer.peer = undefined;
      peer.push(null);
      peer.destroy();
    }
    callback(error);
  }
}

export function duplexPair(): [Duplex, Duplex] {
  const a = new PairEnd();
  const b = new PairEnd();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
