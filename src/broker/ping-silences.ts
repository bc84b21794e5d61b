/**
 * spec figure 1 T2, MQTT 3.1.1 §3.1.2.10: for every PINGREQ from the module, how long the module
 * had been silent before it and the keep-alive its CONNECT declared on that connection.
 */
import type { RecordedPacket } from './types';

/** One PINGREQ and the silence before it. */
export interface PingSilence {
  /** Clock time the PINGREQ arrived. */
  readonly at: number;
  readonly connection: number;
  /** Clock ms since the module's previous packet on that connection. */
  readonly silenceMs: number;
  /** Keep-alive (s) the CONNECT on that connection declared. */
  readonly keepAliveS: number;
}

/** `fromModule`: the module's packets in the order the fixture recorded them. */
export function pingSilences(fromModule: readonly RecordedPacket[]): PingSilence[] {
  const result: PingSilence[] = [];
  for (const [i, ping] of fromModule.entries()) {
    if (ping.packet.cmd !== 'pingreq') continue;
    const earlier = fromModule.slice(0, i).filter((p) => p.connection === ping.connection);
    const previous = earlier.at(-1);
    const connect = earlier.find((p) => p.packet.cmd === 'connect');
    if (!previous || !connect || connect.packet.cmd !== 'connect') continue;
    result.push({
      at: ping.at,
      connection: ping.connection,
      silenceMs: ping.at - previous.at,
      keepAliveS: connect.packet.keepalive ?? 0,
    });
  }
  return result;
}
