/**
 * Checks over the packets the broker fixture recorded: retransmission count and spacing (spec
 * figure 1, T1 / Excep2) and the DUP flag of resends (MQTT 3.1.1 §3.3.1.1). Pure functions.
 */
import type { Packet } from 'mqtt-packet';
import type { RecordedPacket } from '../broker/types';
import { withMargin, type TimingMargin } from './timing-margin';

/**
 * spec figure 1 T1 / Excep2: `times` sends in all, consecutive ones <pkt_timeout> apart, all the
 * same message. Each gap may differ from <pkt_timeout> by `slackMs`: the run's timing margin on
 * <pkt_timeout> (src/qmt/timing-margin.ts), the same on virtual time as on a rig, so the
 * simulator cannot pass by being exact.
 */
export function retransmissionProblem(
  sends: readonly RecordedPacket[],
  times: number,
  apartMs: number,
  slackMs: number,
): string | undefined {
  const at = sends.map((s) => s.at);
  if (sends.length !== times)
    return `reached the broker ${sends.length} times (at ${at.join(', ')} ms), expected ${times}`;
  for (let i = 1; i < sends.length; i++) {
    const gap = at[i] - at[i - 1];
    if (Math.abs(gap - apartMs) > slackMs)
      return `send ${i + 1} came ${gap} ms after send ${i}, expected ${apartMs} ms (<pkt_timeout>) ± ${Math.round(slackMs)} ms`;
  }
  const first = sameMessageKey(sends[0].packet);
  const other = sends.find((s) => sameMessageKey(s.packet) !== first);
  if (other) return `a resend differs from the first send (${sameMessageKey(other.packet)} vs ${first})`;
  return undefined;
}

/** The slack a gap of `apartMs` between two sends gets: the timing margin on that period. */
export function spacingSlackMs(apartMs: number, margin: TimingMargin): number {
  return withMargin(apartMs, margin) - apartMs;
}

/** One number of sends a reading allows: `| after-first | 3 times, 3 seconds apart |`. */
export interface SendsAlternative {
  readonly value: string;
  readonly times: number;
  readonly apartMs: number;
}

export function parseSendsAlternative(value: string, text: string): SendsAlternative {
  const match = /^(\d+) times?, (\d+(?:\.\d+)?) seconds? apart$/.exec(text.trim());
  if (!match) throw new Error(`harness: "${text}" is not "<n> times, <s> seconds apart"`);
  return { value, times: Number(match[1]), apartMs: Number(match[2]) * 1000 };
}

/**
 * The alternatives (readings) the sends fit, in the table's order; with none, why each fails.
 * A20: how many sends <retry_times> allows is the reading; the spacing and sameness are not.
 */
export function sendsByReading(
  sends: readonly RecordedPacket[],
  alternatives: readonly SendsAlternative[],
  margin: TimingMargin,
): { fitting: string[]; problems: string[] } {
  const fitting: string[] = [];
  const problems: string[] = [];
  for (const alt of alternatives) {
    const problem = retransmissionProblem(sends, alt.times, alt.apartMs, spacingSlackMs(alt.apartMs, margin));
    if (problem) problems.push(`${alt.value}: ${problem}`);
    else fitting.push(alt.value);
  }
  return { fitting, problems };
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
  if (packet.cmd === 'publish')
    return `${packet.topic} qos=${packet.qos} retain=${packet.retain} ${Buffer.from(packet.payload).toString('base64')}`;
  if (packet.cmd === 'subscribe') return packet.subscriptions.map((s) => `${s.topic}@${s.qos}`).join(' ');
  if (packet.cmd === 'unsubscribe') return packet.unsubscriptions.join(' ');
  return packet.cmd;
}
