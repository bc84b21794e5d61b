/**
 * Checks over the packets the broker fixture recorded: retransmission count and spacing (spec
 * figure 1, T1 / Excep2) and the DUP flag of resends (MQTT 3.1.1 §3.3.1.1). Pure functions.
 */
import type { Packet } from 'mqtt-packet';
import type { RecordedPacket } from '../broker/types';

/**
 * spec figure 1 T1 / Excep2: `times` sends in all, consecutive ones <pkt_timeout> apart, all the
 * same message. Virtual time is exact (50 ms slack); a real module gets 10 % or 0.5 s.
 */
export function retransmissionProblem(sends: readonly RecordedPacket[], times: number, apartMs: number, virtualTime: boolean): string | undefined {
  const at = sends.map((s) => s.at);
  if (sends.length !== times) return `reached the broker ${sends.length} times (at ${at.join(', ')} ms), expected ${times}`;
  const slack = virtualTime ? 50 : Math.max(500, apartMs * 0.1);
  for (let i = 1; i < sends.length; i++) {
    const gap = at[i] - at[i - 1];
    if (Math.abs(gap - apartMs) > slack) return `send ${i + 1} came ${gap} ms after send ${i}, expected ${apartMs} ms (<pkt_timeout>) ± ${slack} ms`;
  }
  const first = sameMessageKey(sends[0].packet);
  const other = sends.find((s) => sameMessageKey(s.packet) !== first);
  if (other) return `a resend differs from the first send (${sameMessageKey(other.packet)} vs ${first})`;
  return undefined;
}

/** MQTT 3.1.1 §3.3.1.1: DUP 0 on the first delivery attempt, 1 on every re-delivery. */
export function dupProblem(publishes: readonly Packet[]): string | undefined {
  if (publishes.length < 2) return `only ${publishes.length} send(s) seen: no resend to check`;
  const dups = publishes.map((p) => (p.cmd === 'publish' && p.dup ? 1 : 0));
  if (dups[0] !== 0) return `the first send has DUP 1`;
  const bad = dups.findIndex((d, i) => i > 0 && d !== 1);
  return bad > 0 ? `resend ${bad} has DUP 0 (DUP per send: ${dups.join(',')})` : undefined;
}

function sameMessageKey(packet: Packet): string {
  if (packet.cmd === 'publish') return `${packet.topic} qos=${packet.qos} retain=${packet.retain} ${Buffer.from(packet.payload).toString('base64')}`;
  if (packet.cmd === 'subscribe') return packet.subscriptions.map((s) => `${s.topic}@${s.qos}`).join(' ');
  if (packet.cmd === 'unsubscribe') return packet.unsubscriptions.join(' ');
  return packet.cmd;
}
