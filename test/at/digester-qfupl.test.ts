/** AT+QFUPL data entry (spec 5.2): `CONNECT` is the go-ahead, then `+QFUPL: <size>,<checksum>` and OK. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Digester } from '../../src/at/digester';
import { digest, everySplit, plain, whole, type Exchange } from './digest-helpers';

const summary = (events: unknown[]) =>
  events.map((e) => {
    const event = e as { type: string; text?: string };
    return `${event.type}:${event.text ?? ''}`;
  });
const UPLOAD = 'AT+QFUPL="UFS:cacert.pem",4,100';

function assertSplitInvariant(exchanges: Exchange[]): unknown[] {
  const reference = digest(exchanges, whole);
  for (const run of everySplit(exchanges)) assert.deepEqual(run.events, reference, run.label);
  return reference;
}

test('a CONNECT line is the prompt of AT+QFUPL; the confirmation is its information line', () => {
  const events = assertSplitInvariant([
    { command: UPLOAD, payload: Buffer.from('abcd'), rx: '\r\nCONNECT\r\n' },
    { rx: '\r\n+QFUPL: 4,2264\r\n\r\nOK\r\n' },
  ]);
  assert.deepEqual(summary(events), ['prompt:CONNECT', 'response-line:+QFUPL: 4,2264', 'final:OK']);
});

test('AT+QFUPL never takes ">" for its prompt', () => {
  const digester = new Digester();
  digester.startCommand(UPLOAD, { payload: Buffer.from('abcd') });
  const events = digester.feed(Buffer.from('\r\n>'), 0);
  assert.ok(!events.some((e) => e.type === 'prompt'), JSON.stringify(events));
});

test('QMTPUBEX never takes a CONNECT line for its prompt', () => {
  const digester = new Digester();
  digester.startCommand('AT+QMTPUBEX=0,0,0,0,"t",2', { payload: Buffer.from('hi') });
  const events = plain(digester.feed(Buffer.from('\r\nCONNECT\r\n'), 0));
  assert.deepEqual(summary(events), ['urc:CONNECT']);
});

test('without a payload to send, CONNECT is not a prompt (the upload was not asked for)', () => {
  const events = digest([{ command: UPLOAD, rx: '\r\nCONNECT\r\n' }], whole);
  assert.deepEqual(summary(events), ['urc:CONNECT']);
});

test('an upload refused with an error ends the command without a prompt', () => {
  const events = assertSplitInvariant([
    { command: UPLOAD, payload: Buffer.from('abcd'), rx: '\r\n+CME ERROR: 407\r\n' },
  ]);
  assert.deepEqual(summary(events), ['final:+CME ERROR: 407']);
});
