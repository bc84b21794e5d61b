/**
 * +QMTRECV payload layouts (spec 4.2 and A33; FIELD-NOTES): with a length the length is the
 * authority, whatever bytes the payload holds; split layout behind an option; no length with
 * unescaped inner quotes; unquoted; and the buffer notice form. Each at every split point.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DigesterOptions } from '../../src/at/digester';
import { digest, everySplit, whole } from './digest-helpers';

interface PlainUrc {
  type: string;
  name: string;
  fields: string[];
  payload?: string;
  text: string;
}

/** Feeds `rx` while idle (so +QMTRECV lines are URCs) and checks split invariance. */
function urcsOf(rx: string | Buffer, options: DigesterOptions = {}): PlainUrc[] {
  const exchanges = [{ rx }];
  const reference = digest(exchanges, whole, options);
  for (const run of everySplit(exchanges, options)) assert.deepEqual(run.events, reference, run.label);
  return reference as PlainUrc[];
}

const payloadOf = (urc: PlainUrc) => Buffer.from(urc.payload ?? '', 'hex').toString('utf8');

test('length + quoted payload (EC200x driver form)', () => {
  const [urc] = urcsOf('\r\n+QMTRECV: 0,0,"test",10,"1234567890"\r\n');
  assert.deepEqual(urc.fields, ['0', '0', 'test', '10', '1234567890']);
  assert.equal(payloadOf(urc), '1234567890');
});

test('length + quoted payload containing commas, quotes, CR and LF is cut by the length', () => {
  const payload = '{"a":1,\r\n"b":"x,y"}\n';
  const urcs = urcsOf(`\r\n+QMTRECV: 1,7,"pump/01/cmd",${Buffer.byteLength(payload)},"${payload}"\r\n\r\n+QMTSTAT: 1,1\r\n`);
  assert.equal(urcs.length, 2);
  assert.equal(payloadOf(urcs[0]), payload);
  assert.deepEqual(urcs[0].fields.slice(0, 4), ['1', '7', 'pump/01/cmd', String(Buffer.byteLength(payload))]);
  assert.equal(urcs[1].text, '+QMTSTAT: 1,1');
});

test('length + unquoted payload (spec 5.1 example) with commas', () => {
  const [urc, next] = urcsOf('\r\n+QMTRECV: 0,0,"topic/pub",30,This is test data, hello MQTT.\r\n\r\n+QMTPING: 0,1\r\n');
  assert.equal(payloadOf(urc), 'This is test data, hello MQTT.');
  assert.equal(urc.text, '+QMTRECV: 0,0,"topic/pub",30,This is test data, hello MQTT.');
  assert.equal(next.name, '+QMTPING');
});

test('length + unquoted payload that itself starts with a quote and holds CR LF', () => {
  const payload = '"ab\r\ncd';
  const [urc, next] = urcsOf(`\r\n+QMTRECV: 0,3,"t",${payload.length},${payload}\r\n\r\nRDY\r\n`);
  assert.equal(payloadOf(urc), payload);
  assert.equal(next.text, 'RDY');
});

test('length 0 with and without quotes', () => {
  assert.equal(urcsOf('\r\n+QMTRECV: 0,0,"t",0,""\r\n')[0].payload, '');
  const [bare, next] = urcsOf('\r\n+QMTRECV: 0,0,"t",0,\r\n\r\nRDY\r\n');
  assert.equal(bare.payload, '');
  assert.equal(next.text, 'RDY');
});

test('length counts bytes: a UTF-8 payload and topic survive', () => {
  const payload = 'température';
  const [urc] = urcsOf(Buffer.from(`\r\n+QMTRECV: 0,0,"capteur/é",${Buffer.byteLength(payload)},"${payload}"\r\n`));
  assert.equal(payloadOf(urc), payload);
  assert.equal(urc.fields[2], 'capteur/é');
});

test('split layout: header with length, payload alone on the next line (option on)', () => {
  const payload = '{"relay1":1,\r\n"r2":0}';
  const len = Buffer.byteLength(payload);
  const [urc, next] = urcsOf(`\r\n+QMTRECV: 0,0,"pump/01/cmd",${len}\r\n${payload}\r\n\r\n+QMTSTAT: 0,1\r\n`, { splitRecvPayload: true });
  assert.equal(payloadOf(urc), payload);
  assert.deepEqual(urc.fields.slice(0, 4), ['0', '0', 'pump/01/cmd', String(len)]);
  assert.equal(next.text, '+QMTSTAT: 0,1');
  // With bare LF line ends too.
  const [lf] = urcsOf(`+QMTRECV: 0,0,"t",3\nabc\n`, { splitRecvPayload: true });
  assert.equal(payloadOf(lf), 'abc');
});

test('without the split option a trailing number after the topic is an unquoted payload', () => {
  const [urc, next] = urcsOf('\r\n+QMTRECV: 0,0,"t",23\r\n\r\nRDY\r\n');
  assert.equal(payloadOf(urc), '23');
  assert.equal(next.text, 'RDY');
});

test('no length, quoted payload with unescaped inner quotes: first to last quote', () => {
  const [urc] = urcsOf('\r\n+QMTRECV: 0,0,"pump/01/cmd","{"relay1":1,"relay2":0}"\r\n');
  assert.equal(payloadOf(urc), '{"relay1":1,"relay2":0}');
  assert.deepEqual(urc.fields, ['0', '0', 'pump/01/cmd', '{"relay1":1,"relay2":0}']);
});

test('no length, unquoted payload is the rest of the line', () => {
  const [urc] = urcsOf('\r\n+QMTRECV: 2,5,"a/b",hello, world\r\n');
  assert.equal(payloadOf(urc), 'hello, world');
});

test('recvLengthField "absent": digits after the topic are payload, not a length', () => {
  const [urc] = urcsOf('\r\n+QMTRECV: 0,0,"t",12,34\r\n', { recvLengthField: 'absent' });
  assert.equal(payloadOf(urc), '12,34');
  const [auto] = urcsOf('\r\n+QMTRECV: 0,0,"t",2,34\r\n');
  assert.equal(payloadOf(auto), '34', 'auto reads the same digits as a length');
});

test('buffer notice form +QMTRECV: <idx>,<recv_id> has no payload', () => {
  const [urc] = urcsOf('\r\n+QMTRECV: 0,3\r\n');
  assert.deepEqual(urc.fields, ['0', '3']);
  assert.equal(urc.payload, undefined);
});

test('while AT+QMTRECV=<idx> runs, messages are its information lines with payloads', () => {
  const events = digest([{ command: 'AT+QMTRECV=0', rx: '\r\n+QMTRECV: 0,1,"t",3,"a\nb"\r\n+QMTRECV: 0,2,"t",2,xy\r\n\r\nOK\r\n' }], whole) as {
    type: string;
    payload?: string;
  }[];
  assert.deepEqual(events.map((e) => e.type), ['response-line', 'response-line', 'final']);
  assert.deepEqual(events.slice(0, 2).map((e) => Buffer.from(e.payload!, 'hex').toString()), ['a\nb', 'xy']);
});
