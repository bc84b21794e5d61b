/**
 * Two connected in-memory Duplex streams: bytes written to one are readable from the other. Joins
 * the harness and the in-process simulator without a socket. Delivery is deferred to the next
 * tick so a write never re-enters the writer (the other side answers "later", as on a wire).
 */
import { Duplex } from 'node:stream';

export function createDuplexPair(): [Duplex, Duplex] {
  let a: Duplex;
  let b: Duplex;
  const makeEnd = (peer: () => Duplex): Duplex =>
    new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        const copy = Buffer.from(chunk);
        process.nextTick(() => {
          const other = peer();
          if (!other.destroyed) other.push(copy);
        });
        callback();
      },
      final(callback) {
        process.nextTick(() => {
          const other = peer();
          if (!other.destroyed) other.push(null);
        });
        callback();
      },
      destroy(error, callback) {
        // Closing one end is the wire going away for the other end too.
        process.nextTick(() => {
          const other = peer();
          if (!other.destroyed) other.push(null);
        });
        callback(error);
      },
    });
  a = makeEnd(() => b);
  b = makeEnd(() => a);
  return [a, b];
}
