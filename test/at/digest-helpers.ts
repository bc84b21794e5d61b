/** Shared by the digester tests: run exchanges through a Digester with any chunking. */
import { Digester, type DigestEvent, type DigesterOptions } from '../../src/at/digester';

export interface Exchange {
  /** Command written before these bytes arrive (undefined: bytes arrive while idle). */
  command?: string;
  payload?: Buffer;
  rx: string | Buffer;
}

/** Chunks one exchange's bytes; gets the exchange's index so a run can split only one of them. */
export type Splitter = (bytes: Buffer, exchangeIndex: number) => Buffer[];

export const whole: Splitter = (bytes) => [bytes];
export const byteByByte: Splitter = (bytes) => [...bytes].map((b) => Buffer.from([b]));

/** Events as plain data (payload buffers as hex) so runs compare with deepStrictEqual. */
export function plain(events: DigestEvent[]): unknown[] {
  return events.map((e) => {
    if (e.type === 'urc') return { type: 'urc', ...e.urc, payload: e.urc.payload?.toString('hex') };
    if (e.type === 'response-line') return { ...e, payload: e.payload?.toString('hex') };
    return e;
  });
}

export function bytesOf(exchange: Exchange): Buffer {
  return Buffer.isBuffer(exchange.rx) ? exchange.rx : Buffer.from(exchange.rx, 'utf8');
}

export function digest(exchanges: Exchange[], splitter: Splitter, options: DigesterOptions = {}): unknown[] {
  const digester = new Digester(options);
  const events: DigestEvent[] = [];
  exchanges.forEach((exchange, i) => {
    if (exchange.command !== undefined) digester.startCommand(exchange.command, { payload: exchange.payload });
    // Every chunk of one exchange carries the same time so chunking cannot change the events.
    for (const chunk of splitter(bytesOf(exchange), i)) events.push(...digester.feed(chunk, i * 1000));
  });
  return plain(events);
}

/** The session fed byte by byte, and with each exchange split in two at every boundary. */
export function everySplit(
  exchanges: Exchange[],
  options: DigesterOptions = {},
): { label: string; events: unknown[] }[] {
  const runs = [{ label: 'byte by byte', events: digest(exchanges, byteByByte, options) }];
  exchanges.forEach((exchange, target) => {
    const length = bytesOf(exchange).length;
    for (let point = 1; point < length; point++) {
      const splitter: Splitter = (bytes, index) =>
        index === target ? [bytes.subarray(0, point), bytes.subarray(point)] : [bytes];
      runs.push({ label: `exchange ${target} split at byte ${point}`, events: digest(exchanges, splitter, options) });
    }
  });
  return runs;
}
