/** Spec 3.1.2 framing and echo, read from the AT transcript's raw bytes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerBytes,
  answerEchoes,
  expectEcho,
  expectFramedAnswer,
  framingViolations,
} from '../../src/qmt/answer-bytes';
import type { TranscriptEntry } from '../../src/at/transcript';

const entry = (direction: 'tx' | 'rx', text: string): TranscriptEntry => ({
  direction,
  at: 0,
  wallTime: '',
  bytes: Buffer.from(text, 'latin1'),
});

test('the answer is every rx byte after the last tx entry', () => {
  const entries = [
    entry('tx', 'AT\r'),
    entry('rx', '\r\nOK\r\n'),
    entry('tx', 'ATI\r'),
    entry('rx', '\r\nQuectel\r\n'),
    entry('rx', '\r\nOK\r\n'),
  ];
  assert.equal(answerBytes(entries).toString('latin1'), '\r\nQuectel\r\n\r\nOK\r\n');
});

test('lines framed <CR><LF>…<CR><LF> pass, with or without an information line', () => {
  assert.deepEqual(framingViolations(Buffer.from('\r\nOK\r\n')), []);
  assert.deepEqual(framingViolations(Buffer.from('\r\n+QMTCFG: "keepalive",120\r\n\r\nOK\r\n')), []);
  assert.deepEqual(framingViolations(Buffer.from('\r\nERROR\r\n')), []);
});

test('bytes after the final result are not judged (a URC may be arriving)', () => {
  assert.deepEqual(framingViolations(Buffer.from('\r\nOK\r\n+QMTSTAT: 0,1')), []);
});

test('LF-only line ends and a missing leading <CR><LF> are violations', () => {
  assert.equal(framingViolations(Buffer.from('OK\n')).length, 1);
  assert.equal(framingViolations(Buffer.from('+QMTCFG: "keepalive",120\nOK\n')).length, 1);
  assert.equal(
    framingViolations(Buffer.from('AT\r\r\nOK\r\n')).length,
    1,
    'an echo is one violation, the OK after it is framed',
  );
  assert.equal(framingViolations(Buffer.from('\r\nOK\n')).length, 1);
  assert.equal(
    framingViolations(Buffer.from('\r\n+X: 1\r\nOK\r\n')).length,
    1,
    'OK must have its own leading <CR><LF>',
  );
});

test('expectFramedAnswer names the bytes and fails on an empty answer', () => {
  assert.throws(
    () => expectFramedAnswer([entry('tx', 'AT\r'), entry('rx', 'OK\n')]),
    /non-conformance.*3\.1\.2.*OK<LF>/,
  );
  assert.throws(() => expectFramedAnswer([entry('tx', 'AT\r')]), /no answer/);
  expectFramedAnswer([entry('tx', 'AT\r'), entry('rx', '\r\nOK\r\n')]);
});

test('echo: the answer starts with the command line itself', () => {
  assert.equal(answerEchoes(Buffer.from('at\r\r\nOK\r\n'), 'at'), true);
  assert.equal(answerEchoes(Buffer.from('\r\nOK\r\n'), 'at'), false);
  const echoed = [entry('tx', 'AT+CSQ\r'), entry('rx', 'AT+CSQ\r\r\nOK\r\n')];
  expectEcho(echoed, 'AT+CSQ', true);
  assert.throws(() => expectEcho(echoed, 'AT+CSQ', false), /echoed although ATE0/);
  assert.throws(() => expectEcho([entry('tx', 'AT+CSQ\r'), entry('rx', '\r\nOK\r\n')], 'AT+CSQ', true), /not echoed/);
});
