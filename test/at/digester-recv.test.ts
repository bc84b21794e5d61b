/**
 * +QMTRECV payload layouts (spec 4.2 and A33; docs/field-evidence.md#qmtrecv-layouts): with a length the length is the
 * authority, whatever bytes the payload holds; split layout behind an option; no length with
 * unescaped inner quotes; unquoted; and the buffer notice form. Each at every split point.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Digester, type DigesterOptions } from '../../src/at/digester';
import { digest, everySplit, whole } from './digest-helpers';

interface PlainUrc {
  type: string;
  name: string;
  fields: string[];
  payload?: string;
  recvLayout?: string;
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
  const urcs = urcsOf(
    `\r\n+QMTRECV: 1,7,"pump/01/cmd",${Buffer.byteLength(payload)},"${payload}"\r\n\r\n+QMTSTAT: 1,1\r\n`,
  );
  assert.equal(urcs.length, 2);
  assert.equal(payloadOf(urcs[0]), payload);
  assert.deepEqual(urcs[0].fields.slice(0, 4), ['1', '7', 'pump/01/cmd', String(Buffer.byteLength(payload))]);
  assert.equal(urcs[1].text, '+QMTSTAT: 1,1');
});

test('length + unquoted payload (spec 5.1 example) with commas', () => {
  const [urc, next] = urcsOf(
    '\r\n+QMTRECV: 0,0,"topic/pub",30,This is test data, hello MQTT.\r\n\r\n+QMTPING: 0,1\r\n',
  );
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

test('split layout: header with length, payload alone on the next line, detected from the bytes', () => {
  const payload = '{"relay1":1,\r\n"r2":0}';
  const len = Buffer.byteLength(payload);
  const [urc, next] = urcsOf(`\r\n+QMTRECV: 0,0,"pump/01/cmd",${len}\r\n${payload}\r\n\r\n+QMTSTAT: 0,1\r\n`);
  assert.equal(payloadOf(urc), payload);
  assert.deepEqual(urc.fields.slice(0, 4), ['0', '0', 'pump/01/cmd', String(len)]);
  assert.equal(next.text, '+QMTSTAT: 0,1');
  // With bare LF line ends too.
  const [lf] = urcsOf(`+QMTRECV: 0,0,"t",3\nabc\n`);
  assert.equal(payloadOf(lf), 'abc');
});

test('a trailing number followed by an empty line is an unquoted payload, not a split header', () => {
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

test('a guessed length that does not end at the line end is read again as an unquoted payload', () => {
  // The trap: 12 bytes would swallow the next URC.
  const [urc, next] = urcsOf('\r\n+QMTRECV: 0,0,"t",12,34\r\n\r\n+QMTSTAT: 0,1\r\n');
  assert.equal(payloadOf(urc), '12,34');
  assert.equal(urc.recvLayout, 'unquoted');
  assert.equal(next.text, '+QMTSTAT: 0,1');
});

test('layouts are reported on the URC', () => {
  const layouts = urcsOf(
    '\r\n+QMTRECV: 0,0,"t","a,b"\r\n\r\n+QMTRECV: 0,1,"t",3,"a,b"\r\n\r\n+QMTRECV: 0,2,"t",3,a,b\r\n' +
      '\r\n+QMTRECV: 0,3,"t",a,b\r\n\r\n+QMTRECV: 0,4,"t",3\r\na,b\r\n',
  ).map((u) => [u.recvLayout, payloadOf(u)]);
  assert.deepEqual(layouts, [
    ['quoted', 'a,b'],
    ['quoted-length', 'a,b'],
    ['unquoted-length', 'a,b'],
    ['unquoted', 'a,b'],
    ['split', 'a,b'],
  ]);
});

test('buffer notice form +QMTRECV: <idx>,<recv_id> has no payload', () => {
  const [urc] = urcsOf('\r\n+QMTRECV: 0,3\r\n');
  assert.deepEqual(urc.fields, ['0', '3']);
  assert.equal(urc.payload, undefined);
});

test('while AT+QMTRECV=<idx> runs, messages are its information lines with payloads', () => {
  const events = digest(
    [{ command: 'AT+QMTRECV=0', rx: '\r\n+QMTRECV: 0,1,"t",3,"a\nb"\r\n+QMTRECV: 0,2,"t",2,xy\r\n\r\nOK\r\n' }],
    whole,
  ) as {
    type: string;
    payload?: string;
  }[];
  assert.deepEqual(
    events.map((e) => e.type),
    ['response-line', 'response-line', 'final'],
  );
  assert.deepEqual(
    events.slice(0, 2).map((e) => Buffer.from(e.payload!, 'hex').toString()),
    ['a\nb', 'xy'],
  );
});

test('the length the host configured decides: msg_len_enable 0 keeps "12,34" whole, 1 cuts by the length', () => {
  const bytes = Buffer.from('\r\n+QMTRECV: 0,0,"t",2,34\r\n\r\n+QMTRECV: 0,0,"t",5\r\nhello\r\n');
  for (const [present, expected] of [
    [false, ['2,34', '5']],
    [true, ['34', 'hello']],
  ] as const) {
    const digester = new Digester();
    digester.setRecvLength(0, present);
    const urcs = digester.feed(bytes, 0).flatMap((e) => (e.type === 'urc' && e.urc.name === '+QMTRECV' ? [e.urc] : []));
    assert.deepEqual(
      urcs.map((u) => u.payload?.toString()),
      expected,
      `present=${present}`,
    );
  }
});

test('RDY forgets the configured length: back to reading the bytes', () => {
  const digester = new Digester();
  digester.setRecvLength(0, false);
  const events = digester.feed(Buffer.from('\r\nRDY\r\n\r\n+QMTRECV: 0,0,"t",2,34\r\n'), 0);
  const recv = events.flatMap((e) => (e.type === 'urc' && e.urc.name === '+QMTRECV' ? [e.urc] : []));
  assert.equal(recv[0].payload?.toString(), '34');
});
