/**
 * A realistic session (echo on, URCs between command and final result, prompt, +CME ERROR, a
 * +QMTRECV whose payload holds commas, quotes and CR LF) gives the same events however the bytes
 * are chunked — split at every byte boundary of every exchange, and byte by byte.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { digest, everySplit, whole, type Exchange } from './digest-helpers';

const session: Exchange[] = [
  { rx: '\r\nRDY\r\n' },
  { command: 'AT', rx: 'AT\r\r\nOK\r\n' },
  { command: 'ATI', rx: 'ATI\r\r\nQuectel\r\nEC200N\r\nRevision: EC200NCNAAR01A01M16\r\n\r\nOK\r\n' },
  {
    command: 'AT+QMTCFG="keepalive",0',
    rx: 'AT+QMTCFG="keepalive",0\r\r\n+QMTCFG: "keepalive",120\r\n\r\n+CPIN: READY\r\n\r\nOK\r\n',
  },
  { command: 'AT+QMTOPEN=0,"127.0.0.1",1883', rx: 'AT+QMTOPEN=0,"127.0.0.1",1883\r\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n' },
  { command: 'AT+QMTOPEN?', rx: 'AT+QMTOPEN?\r\r\n+QMTOPEN: 0,"127.0.0.1",1883\r\n\r\n+QIND: SMS DONE\r\n\r\nOK\r\n' },
  {
    command: 'AT+QMTPUBEX=0,1,1,0,"t",5',
    payload: Buffer.from('hello'),
    rx: 'AT+QMTPUBEX=0,1,1,0,"t",5\r\r\n> hello\r\nOK\r\n\r\n+QMTPUBEX: 0,1,0\r\n',
  },
  {
    command: 'AT+QMTSUB=0,1,"t",1',
    rx: 'AT+QMTSUB=0,1,"t",1\r\r\nOK\r\n\r\n+QMTSUB: 0,1,0,1\r\n\r\n+QMTRECV: 0,1,"t",10,"a,"b"\r\n,zz"\r\n',
  },
  { command: 'AT+QMTCFG="version",0,5', rx: 'AT+QMTCFG="version",0,5\r\r\n+CME ERROR: 3\r\n' },
  { command: 'AT+QMTCONN=0,"c"', rx: 'AT+QMTCONN=0,"c"\r\r\n+CME ERROR: operation not allowed\r\n' },
  { command: 'AT+QMTRECV=0', rx: 'AT+QMTRECV=0\r\r\n+QMTRECV: 0,0,"t",4,"ab\r\n"\r\n\r\nOK\r\n' },
  { rx: '\r\n+QMTSTAT: 0,1\r\n' },
];

const kinds = (events: unknown[]) =>
  events.map((e) => {
    const ev = e as { type: string; text?: string; name?: string };
    return `${ev.type}:${ev.text ?? ''}`;
  });

test('the unsplit session is classified line by line as the spec reads it', () => {
  const events = digest(session, whole, { echo: true });
  assert.deepEqual(kinds(events), [
    'urc:RDY',
    'echo:AT',
    'final:OK',
    'echo:ATI',
    'response-line:Quectel',
    'response-line:EC200N',
    'response-line:Revision: EC200NCNAAR01A01M16',
    'final:OK',
    'echo:AT+QMTCFG="keepalive",0',
    'response-line:+QMTCFG: "keepalive",120',
    'urc:+CPIN: READY',
    'final:OK',
    'echo:AT+QMTOPEN=0,"127.0.0.1",1883',
    'final:OK',
    'urc:+QMTOPEN: 0,0',
    'echo:AT+QMTOPEN?',
    'response-line:+QMTOPEN: 0,"127.0.0.1",1883',
    'urc:+QIND: SMS DONE',
    'final:OK',
    'echo:AT+QMTPUBEX=0,1,1,0,"t",5',
    'prompt:>',
    'echo:hello',
    'final:OK',
    'urc:+QMTPUBEX: 0,1,0',
    'echo:AT+QMTSUB=0,1,"t",1',
    'final:OK',
    'urc:+QMTSUB: 0,1,0,1',
    'urc:+QMTRECV: 0,1,"t",10,"a,"b"\r\n,zz"',
    'echo:AT+QMTCFG="version",0,5',
    'final:+CME ERROR: 3',
    'echo:AT+QMTCONN=0,"c"',
    'final:+CME ERROR: operation not allowed',
    'echo:AT+QMTRECV=0',
    'response-line:+QMTRECV: 0,0,"t",4,"ab\r\n"',
    'final:OK',
    'urc:+QMTSTAT: 0,1',
  ]);
});

test('final results carry their kind and CME code (numeric and text)', () => {
  const finals = digest(session, whole, { echo: true }).filter((e) => (e as { type: string }).type === 'final') as {
    result: unknown;
  }[];
  assert.deepEqual(finals.map((f) => f.result).slice(-3), [
    { kind: 'CME ERROR', code: '3' },
    { kind: 'CME ERROR', code: 'operation not allowed' },
    { kind: 'OK' },
  ]);
});

test('URC fields have quotes removed and +QMTRECV carries its payload bytes', () => {
  const urcs = digest(session, whole, { echo: true }).filter((e) => (e as { type: string }).type === 'urc') as {
    name: string;
    fields: string[];
    payload?: string;
  }[];
  const open = urcs.find((u) => u.name === '+QMTOPEN')!;
  assert.deepEqual(open.fields, ['0', '0']);
  const recv = urcs.find((u) => u.name === '+QMTRECV')!;
  assert.deepEqual(recv.fields, ['0', '1', 't', '10', 'a,"b"\r\n,zz']);
  assert.equal(Buffer.from(recv.payload!, 'hex').toString(), 'a,"b"\r\n,zz');
  assert.deepEqual(urcs.find((u) => u.name === 'RDY')!.fields, []);
});

test('every split of every exchange gives the same events as the unsplit session', () => {
  const reference = digest(session, whole, { echo: true });
  const runs = everySplit(session, { echo: true });
  assert.ok(runs.length > 500, `expected hundreds of split runs, got ${runs.length}`);
  for (const run of runs) assert.deepEqual(run.events, reference, run.label);
});
