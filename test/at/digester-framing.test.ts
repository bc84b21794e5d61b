/** Framing cases of the digester: echo off/on, bare LF, missing CRLF, prompt forms, attribution. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Digester, type DigestEvent } from '../../src/at/digester';
import { digest, everySplit, whole, type Exchange } from './digest-helpers';

const summary = (events: unknown[]) =>
  events.map((e) => `${(e as { type: string }).type}:${(e as { text?: string }).text ?? ''}`);

function assertSplitInvariant(exchanges: Exchange[], options = {}): unknown[] {
  const reference = digest(exchanges, whole, options);
  for (const run of everySplit(exchanges, options)) assert.deepEqual(run.events, reference, run.label);
  return reference;
}

test('echo off: no echo event, info line and OK', () => {
  const events = assertSplitInvariant([
    { command: 'AT+QMTCFG="keepalive",0', rx: '\r\n+QMTCFG: "keepalive",120\r\n\r\nOK\r\n' },
  ]);
  assert.deepEqual(summary(events), ['response-line:+QMTCFG: "keepalive",120', 'final:OK']);
});

test('echo on: the echoed command (CR alone, or CR LF) is dropped as echo', () => {
  for (const echo of ['AT+CSQ\r', 'AT+CSQ\r\n']) {
    const events = assertSplitInvariant([{ command: 'AT+CSQ', rx: `${echo}\r\n+CSQ: 20,99\r\n\r\nOK\r\n` }], {
      echo: true,
    });
    assert.deepEqual(summary(events), ['echo:AT+CSQ', 'response-line:+CSQ: 20,99', 'final:OK']);
    assert.equal((events[0] as { expected: boolean }).expected, true);
  }
});

test('an echo while echo is believed off is still dropped but flagged unexpected', () => {
  const events = digest([{ command: 'AT', rx: 'AT\r\r\nOK\r\n' }], whole, { echo: false });
  assert.deepEqual(summary(events), ['echo:AT', 'final:OK']);
  assert.equal((events[0] as { expected: boolean }).expected, false);
});

test('bare LF line ends, a missing leading CRLF and runs of empty lines are tolerated', () => {
  const events = assertSplitInvariant([
    { command: 'AT+QMTCFG="version",0', rx: '+QMTCFG: "version",4\n\n\r\n\r\nOK\n' },
    { rx: '+QMTSTAT: 0,2\n' },
  ]);
  assert.deepEqual(summary(events), ['response-line:+QMTCFG: "version",4', 'final:OK', 'urc:+QMTSTAT: 0,2']);
});

test('prompt ">" and "> " without a line ending, only while a payload command runs', () => {
  for (const prompt of ['>', '> ']) {
    const events = assertSplitInvariant([
      { command: 'AT+QMTPUBEX=0,0,0,0,"t",2', payload: Buffer.from('hi'), rx: `\r\n${prompt}` },
    ]);
    assert.deepEqual(summary(events), ['prompt:>'], JSON.stringify(prompt));
  }
  const idle = new Digester();
  assert.deepEqual(idle.feed(Buffer.from('\r\n> '), 0), [], 'no prompt while no command expects one');
  const plain = new Digester();
  plain.startCommand('AT+QMTOPEN?');
  assert.deepEqual(plain.feed(Buffer.from('\r\n> '), 0), [], 'no prompt for a command without payload');
});

test('after the prompt, the answer follows whether the module echoes the payload or not', () => {
  const command = 'AT+QMTPUBEX=0,1,1,0,"t",5';
  const payload = Buffer.from('a\r\nbc');
  const echoed = assertSplitInvariant([{ command, payload, rx: '\r\n> a\r\nbc\r\nOK\r\n\r\n+QMTPUBEX: 0,1,0\r\n' }], {
    echo: true,
  });
  assert.deepEqual(summary(echoed), ['prompt:>', 'echo:a\r\nbc', 'final:OK', 'urc:+QMTPUBEX: 0,1,0']);
  const silent = assertSplitInvariant([{ command, payload, rx: '\r\n> \r\nOK\r\n\r\n+QMTPUBEX: 0,1,0\r\n' }], {
    echo: false,
  });
  assert.deepEqual(summary(silent), ['prompt:>', 'final:OK', 'urc:+QMTPUBEX: 0,1,0']);
});

test('URCs between a command and its final result stay URCs; lines after the final are URCs', () => {
  const rx =
    '\r\n+QMTOPEN: 0,"broker",1883\r\n\r\nAPP RDY\r\n\r\n+CFUN: 1\r\n\r\n+QUSIM: 1\r\n\r\n+QIURC: "pdpdeact",1\r\n' +
    '\r\n+QMTPING: 0,1\r\n\r\n+QMTRECV: 1,2\r\n\r\nOK\r\n\r\n+QMTOPEN: 1,0\r\n';
  const events = assertSplitInvariant([{ command: 'AT+QMTOPEN?', rx }]);
  assert.deepEqual(summary(events), [
    'response-line:+QMTOPEN: 0,"broker",1883',
    'urc:APP RDY',
    'urc:+CFUN: 1',
    'urc:+QUSIM: 1',
    'urc:+QIURC: "pdpdeact",1',
    'urc:+QMTPING: 0,1',
    'urc:+QMTRECV: 1,2',
    'final:OK',
    'urc:+QMTOPEN: 1,0',
  ]);
});

test('a same-name result overtaking OK of an action set command is a URC (spec 3.3.2: result comes as URC)', () => {
  const events = digest([{ command: 'AT+QMTOPEN=0,"127.0.0.1",1883', rx: '\r\n+QMTOPEN: 0,0\r\n\r\nOK\r\n' }], whole);
  assert.deepEqual(summary(events), ['urc:+QMTOPEN: 0,0', 'final:OK']);
});

test('read forms own their same-name lines: AT+CPIN? and AT+QMTRECV?', () => {
  const events = digest(
    [
      { command: 'AT+CPIN?', rx: '\r\n+CPIN: READY\r\n\r\nOK\r\n' },
      { command: 'AT+QMTRECV?', rx: '\r\n+QMTRECV: 0,0,1,0,0,0\r\n\r\nOK\r\n' },
    ],
    whole,
  );
  assert.deepEqual(summary(events), [
    'response-line:+CPIN: READY',
    'final:OK',
    'response-line:+QMTRECV: 0,0,1,0,0,0',
    'final:OK',
  ]);
});

test('after abortCommand a late OK is reported as a URC, not taken as the next answer', () => {
  const digester = new Digester();
  digester.startCommand('AT+QMTCONN=0,"c"');
  digester.abortCommand();
  const events: DigestEvent[] = digester.feed(Buffer.from('\r\nOK\r\n'), 7);
  assert.deepEqual(events, [{ type: 'urc', urc: { text: 'OK', name: 'OK', fields: [], at: 7 } }]);
});

test('the time of an event is the time of the chunk that completed it', () => {
  const digester = new Digester();
  digester.startCommand('AT');
  assert.deepEqual(digester.feed(Buffer.from('\r\nO'), 100), []);
  assert.deepEqual(digester.feed(Buffer.from('K\r\n'), 250), [
    { type: 'final', result: { kind: 'OK' }, text: 'OK', at: 250 },
  ]);
});
