/**
 * spec 3.3.9: AT+QMTRECV=<idx>[,<recv_id>] answers the stored messages as
 * `+QMTRECV: <client_idx>,<msgid>,<topic>[,<payload_len>],<payload>` lines, then OK. The payload's
 * layout (quoted or bare, A33; with or without <payload_len>; on its own line) is the firmware's
 * and the AT digester's business; a scenario compares what the lines carry: client, msgid, topic
 * and payload bytes, and a <payload_len> that is present must count the payload.
 */
import type { QmtHost } from './host';
import { PUBLISH_MSGID } from './urc-match';
import type { Urc } from '../at/types';
import { nonConformance } from './verdict';

export interface StoredMessage {
  readonly client: string;
  readonly msgid: string;
  readonly topic: string;
  readonly payload: string;
}

const HEADER = /^\+QMTRECV:\s*(\d+),(\d+),"([^"]*)",/;

/** What one answer line carries, or why it cannot be read. */
export function readStoredLine(text: string, payload: Buffer | undefined): StoredMessage | string {
  const match = HEADER.exec(text);
  if (!match) return `"${text}" is not a +QMTRECV message line`;
  if (payload === undefined) return `"${text}" carries no payload the harness could read`;
  const printed = payload.toString('latin1');
  const rest = text.slice(match[0].length);
  const bare = (s: string) => s === printed || s === `"${printed}"` || s === '';
  if (!bare(rest)) {
    // Split layout (docs/field-evidence.md#split-layout): the payload alone on the line after the header's <payload_len>.
    const withLength = /^(\d+)(?:,|\r?\n)?([\s\S]*)$/.exec(rest);
    if (!withLength || !bare(withLength[2])) return `"${text}": cannot tell <payload_len> from <payload>`;
    if (Number(withLength[1]) !== payload.length)
      return `"${text}": <payload_len> ${withLength[1]} but the payload has ${payload.length} bytes`;
  }
  return {
    client: match[1],
    msgid: match[2],
    topic: Buffer.from(match[3], 'latin1').toString('utf8'),
    payload: payload.toString('utf8'),
  };
}

/**
 * The last command answered exactly these messages (in order), then OK. A msgid written
 * `{publish-msgid}` must be the packet identifier of the PUBLISH the broker sent with that topic
 * and payload (src/qmt/publish-msgid.ts; any of 0~65535 for a QoS 0 one, spec 3.3.9).
 */
export function expectStoredMessages(host: QmtHost, expected: readonly StoredMessage[]): void {
  host.expectFinal('OK');
  const { response } = host.last;
  const read = response.lines.map((line, i) => readStoredLine(line, response.payloads?.[i]));
  const problem = read.find((r): r is string => typeof r === 'string');
  if (problem) throw nonConformance(`${response.command}: ${problem}`);
  const got = read as StoredMessage[];
  const same = (a: StoredMessage, b: StoredMessage) =>
    a.client === b.client &&
    (b.msgid === PUBLISH_MSGID ? host.isPublishMsgid(recvUrc(a)) : a.msgid === b.msgid) &&
    a.topic === b.topic &&
    a.payload === b.payload;
  if (got.length !== expected.length || !got.every((m, i) => same(m, expected[i]))) {
    const show = (m: StoredMessage) =>
      `client ${m.client}, msgid ${m.msgid}, "${m.topic}": ${JSON.stringify(m.payload)}`;
    throw nonConformance(
      `${response.command} answered\n  ${got.map(show).join('\n  ') || '(no message)'}\nexpected\n  ${expected.map(show).join('\n  ')}`,
    );
  }
}

/** spec 3.3.9: AT+QMTRECV=<idx>[,<recv_id>] listed `count` buffered messages as +QMTRECV lines, then OK. */
export function expectBufferedCount(host: QmtHost, count: number): void {
  host.expectFinal('OK');
  const messages = host.last.response.lines.filter((l) => l.startsWith('+QMTRECV:'));
  if (messages.length === count) return;
  throw nonConformance(`AT+QMTRECV listed ${messages.length} messages, expected ${count}:\n  ${messages.join('\n  ')}`);
}

/** A stored message as the +QMTRECV URC that would have carried it, for the <msgid> check. */
function recvUrc(m: StoredMessage): Urc {
  const text = `+QMTRECV: ${m.client},${m.msgid},"${m.topic}"`;
  return { text, name: '+QMTRECV', fields: [m.client, m.msgid, m.topic], payload: Buffer.from(m.payload), at: 0 };
}
