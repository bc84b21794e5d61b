/**
 * `{publish-msgid}` (src/qmt/publish-msgid.ts): the <msgid> of +QMTRECV is the packet identifier of
 * the PUBLISH the broker sent with that topic and payload; 0 only for QoS 0 (spec 3.3.9), where any
 * value of 0~65535 passes. Without the broker's record nothing matches.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Packet } from 'mqtt-packet';
import type { Urc } from '../../src/at/types';
import { publishMsgidCheck } from '../../src/qmt/publish-msgid';
import { parseExpectedUrc, urcConflicts, urcMatches } from '../../src/qmt/urc-match';

function recv(client: number, msgid: number, topic: string, payload: string): Urc {
  const text = `+QMTRECV: ${client},${msgid},"${topic}",${payload.length},"${payload}"`;
  const fields = [String(client), String(msgid), topic, String(payload.length), payload];
  return { text, name: '+QMTRECV', fields, payload: Buffer.from(payload), at: 0 };
}

function publish(topic: string, payload: string, qos: 0 | 1 | 2, messageId?: number): { packet: Packet } {
  return {
    packet: { cmd: 'publish', topic, payload: Buffer.from(payload), qos, dup: false, retain: false, messageId },
  };
}

const sent = [publish('t/one', 'hello', 1, 7), publish('t/two', 'again', 2, 9), publish('t/zero', 'q0', 0)];
const check = publishMsgidCheck(() => sent);
const expected = (topic: string, payload: string) =>
  parseExpectedUrc(`+QMTRECV: 0,{publish-msgid},"${topic}",${payload.length},"${payload}"`, check);

test('QoS 1 and 2: only the PUBLISH packet identifier matches', () => {
  assert.equal(urcMatches(recv(0, 7, 't/one', 'hello'), expected('t/one', 'hello')), true);
  assert.equal(urcMatches(recv(0, 0, 't/one', 'hello'), expected('t/one', 'hello')), false);
  assert.equal(urcMatches(recv(0, 8, 't/one', 'hello'), expected('t/one', 'hello')), false);
  assert.equal(urcMatches(recv(0, 9, 't/two', 'again'), expected('t/two', 'again')), true);
  assert.equal(urcMatches(recv(0, 0, 't/two', 'again'), expected('t/two', 'again')), false);
});

test('the wrong <msgid> for the awaited message settles the wait as a conflict', () => {
  assert.equal(urcConflicts(recv(0, 0, 't/one', 'hello'), expected('t/one', 'hello')), true);
  assert.equal(urcConflicts(recv(0, 0, 't/one', 'other'), expected('t/one', 'hello')), false);
});

test('QoS 0: 0 or any other value of 0~65535 (spec 3.3.9 says only that 0 is allowed there)', () => {
  assert.equal(urcMatches(recv(0, 0, 't/zero', 'q0'), expected('t/zero', 'q0')), true);
  assert.equal(urcMatches(recv(0, 12, 't/zero', 'q0'), expected('t/zero', 'q0')), true);
  assert.equal(urcMatches(recv(0, 65_536, 't/zero', 'q0'), expected('t/zero', 'q0')), false);
});

test('a message the broker never sent, or no broker record at all, matches nothing', () => {
  assert.equal(urcMatches(recv(0, 7, 't/one', 'forged'), expected('t/one', 'forged')), false);
  const blind = parseExpectedUrc('+QMTRECV: 0,{publish-msgid},"t/one",5,"hello"');
  assert.equal(urcMatches(recv(0, 7, 't/one', 'hello'), blind), false);
});
