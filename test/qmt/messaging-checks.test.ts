/** Checks of the messaging scenarios that must accept every reading the note allows, and nothing else. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RecordedPacket } from '../../src/broker/types';
import { clientList, textPayloadCommands } from '../../src/qmt/data-format';
import { readStoredLine } from '../../src/qmt/recv-answer';
import { compareSpacingAside, withoutSpacing } from '../../src/qmt/spacing';
import {
  parseSendsAlternative,
  retransmissionProblem,
  sendsByReading,
  spacingSlackMs,
} from '../../src/qmt/wire-checks';

const margin = { fixedMs: 150, percent: 3 };

function publishAt(...times: number[]): RecordedPacket[] {
  return times.map((at, i) => ({
    at,
    direction: 'module->broker',
    connection: 1,
    withheld: false,
    packet: { cmd: 'publish', topic: 't', payload: Buffer.from('x'), qos: 1, retain: false, dup: i > 0, messageId: 30 },
  })) as unknown as RecordedPacket[];
}

test('A20: the sends decide the reading; a surplus or a missing send fits none', () => {
  const alternatives = [
    parseSendsAlternative('after-first', '3 times, 3 seconds apart'),
    parseSendsAlternative('including-first', '2 times, 3 seconds apart'),
  ];
  assert.deepEqual(sendsByReading(publishAt(0, 3000, 6000), alternatives, margin).fitting, ['after-first']);
  assert.deepEqual(sendsByReading(publishAt(0, 3000), alternatives, margin).fitting, ['including-first']);
  assert.deepEqual(sendsByReading(publishAt(0, 3000, 6000, 9000), alternatives, margin).fitting, []);
  assert.deepEqual(sendsByReading(publishAt(0), alternatives, margin).fitting, []);
  // retry_times 0: both readings send once, both fit (the declared one is then taken).
  const once = [
    parseSendsAlternative('after-first', '1 times, 1 seconds apart'),
    parseSendsAlternative('including-first', '1 times, 1 seconds apart'),
  ];
  assert.deepEqual(sendsByReading(publishAt(0), once, margin).fitting, ['after-first', 'including-first']);
});

test('retransmission spacing gets the timing margin on <pkt_timeout>, not more', () => {
  assert.equal(spacingSlackMs(3000, margin), 240);
  assert.equal(retransmissionProblem(publishAt(0, 3230), 2, 3000, 240), undefined);
  assert.match(retransmissionProblem(publishAt(0, 3250), 2, 3000, 240) ?? '', /came 3250 ms after send 1/);
  assert.match(retransmissionProblem(publishAt(0, 2700), 2, 3000, 240) ?? '', /came 2700 ms/);
  assert.throws(() => parseSendsAlternative('x', 'three times'), /harness/);
});

test('test lines: white space outside quotes is typesetting, anything else is a difference', () => {
  const note = ['+QMTSUB: (0-5),<msgid>, list of ["topic",qos]', 'OK'];
  assert.equal(withoutSpacing('+QMTUNS: (0-5),<msgid>, list of ["topic"]'), '+QMTUNS:(0-5),<msgid>,listof["topic"]');
  const spaced = compareSpacingAside(note, ['+QMTSUB: (0-5),<msgid>,list of ["topic",qos]', 'OK']);
  assert.equal(spaced.matches, true);
  assert.equal(spaced.notes.length, 1);
  assert.deepEqual(compareSpacingAside(note, note), { matches: true, notes: [] });
  assert.equal(compareSpacingAside(note, ['+QMTSUB: (0-6),<msgid>, list of ["topic",qos]', 'OK']).matches, false);
  assert.equal(
    compareSpacingAside(note, ['+QMTSUB: (0-5),<msgid>, list of ["topic ",qos]', 'OK']).matches,
    false,
    'inside quotes spacing counts',
  );
  assert.equal(compareSpacingAside(note, ['OK']).matches, false);
});

test('stored messages are read by value, quoted or bare, with or without a length that must count the payload', () => {
  const payload = Buffer.from('second');
  for (const line of [
    '+QMTRECV: 0,0,"t",6,"second"',
    '+QMTRECV: 0,0,"t",6,second',
    '+QMTRECV: 0,0,"t","second"',
    '+QMTRECV: 0,0,"t",second',
  ]) {
    assert.deepEqual(readStoredLine(line, payload), { client: '0', msgid: '0', topic: 't', payload: 'second' }, line);
  }
  assert.match(String(readStoredLine('+QMTRECV: 0,0,"t",7,"second"', payload)), /<payload_len> 7/);
  assert.match(String(readStoredLine('+QMTRECV: 0,0,"t",6,"secon"', payload)), /cannot tell/);
  assert.match(String(readStoredLine('+QMTRECV: 0,0', undefined)), /not a \+QMTRECV message line/);
  // A bare payload that starts with digits and a comma is payload, not a length.
  assert.deepEqual(readStoredLine('+QMTRECV: 0,0,"t",12,34', Buffer.from('12,34')), {
    client: '0',
    msgid: '0',
    topic: 't',
    payload: '12,34',
  });
});

test('string payload format is set on both sub-options, for every client named', () => {
  assert.deepEqual(clientList('0'), [0]);
  assert.deepEqual(clientList('3 and 4'), [3, 4]);
  assert.deepEqual(clientList('0, 1 and 2'), [0, 1, 2]);
  assert.deepEqual(textPayloadCommands(2), ['AT+QMTCFG="send/mode",2,0', 'AT+QMTCFG="dataformat",2,0,0']);
});
