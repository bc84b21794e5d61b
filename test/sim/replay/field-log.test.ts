/**
 * Field logs in the forms people paste them (a terminal's view, time stamps, direction markers)
 * replayed to a host that sends its own commands: housekeeping before the session is answered
 * from the log and advances it, a host name the log dialled stands for the local broker given
 * with --host, and after a divergence the replay picks up at the next command that fits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFieldLog } from '../../../src/sim/replay/field-log';
import { parseTranscript } from '../../../src/sim/replay/recording';
import { replayOnVirtualClock } from './replay-on-virtual-clock';

/** EC600K-like: a terminal's view with date and time stamps, ATE0 first, echo off after it. */
const EC600K = `[2024-03-05 09:14:02.101] ATE0
[2024-03-05 09:14:02.104] OK
[2024-03-05 09:14:02.500] AT+QMTCFG="recv/mode",0,0,1
[2024-03-05 09:14:02.520] OK
[2024-03-05 09:14:03.000] AT+QMTOPEN=0,"broker.example.com",1883
[2024-03-05 09:14:03.020] OK
[2024-03-05 09:14:03.820]
[2024-03-05 09:14:03.820] +QMTOPEN: 0,0
[2024-03-05 09:14:04.000] AT+QMTCONN=0,"ec600k-field"
[2024-03-05 09:14:04.010] OK
[2024-03-05 09:14:04.410] +QMTCONN: 0,0,0
[2024-03-05 09:14:05.000] AT+QMTSUB=0,1,"field/in",1
[2024-03-05 09:14:05.010] OK
[2024-03-05 09:14:05.300] +QMTSUB: 0,1,0,1
[2024-03-05 09:14:06.000] AT+QMTPUBEX=0,1,1,0,"field/out",5
[2024-03-05 09:14:06.010] >
[2024-03-05 09:14:06.020] hello
[2024-03-05 09:14:06.030] OK
[2024-03-05 09:14:06.400] +QMTPUBEX: 0,1,0
[2024-03-05 09:14:07.000] AT+QMTDISC=0
[2024-03-05 09:14:07.010] OK
[2024-03-05 09:14:07.200] +QMTDISC: 0,0
`;

/**
 * BG770A-like: echo on and never switched off, AT and AT+CGMM before the MQTT commands, the
 * module's echo logged as a received line; time of day only, TX:/RX: markers.
 */
const BG770A_TXRX = `12:00:00.000 TX: AT
12:00:00.010 RX: AT
12:00:00.011 RX: OK
12:00:00.200 TX: AT+CGMM
12:00:00.210 RX: AT+CGMM
12:00:00.212 RX: BG770A-GL
12:00:00.213 RX: OK
12:00:01.000 TX: AT+QMTOPEN=0,"broker.example.com",1883
12:00:01.010 RX: AT+QMTOPEN=0,"broker.example.com",1883
12:00:01.011 RX: OK
12:00:02.500 RX: +QMTOPEN: 0,0
12:00:03.000 TX: AT+QMTCONN=0,"bg770a-field"
12:00:03.010 RX: AT+QMTCONN=0,"bg770a-field"
12:00:03.011 RX: OK
12:00:03.900 RX: +QMTCONN: 0,0,0
12:00:04.000 TX: AT+QMTPUBEX=0,0,0,0,"field/out",4
12:00:04.010 RX: AT+QMTPUBEX=0,0,0,0,"field/out",4
12:00:04.011 RX: >
12:00:04.100 TX: ping
12:00:04.110 RX: OK
12:00:04.200 RX: +QMTPUBEX: 0,0,0
12:00:05.000 TX: AT+QMTCLOSE=0
12:00:05.010 RX: AT+QMTCLOSE=0
12:00:05.011 RX: OK
12:00:05.300 RX: +QMTCLOSE: 0,0
`;

/** The same BG770A session as a terminal shows it: no stamps, no markers, the echo is the command line. */
const BG770A_TERMINAL = `AT
OK

AT+CGMM
BG770A-GL

OK
AT+QMTOPEN=0,"broker.example.com",1883
OK

+QMTOPEN: 0,0
AT+QMTCONN=0,"bg770a-field"
OK

+QMTCONN: 0,0,0
AT+QMTPUBEX=0,0,0,0,"field/out",4
> ping
OK

+QMTPUBEX: 0,0,0
AT+QMTCLOSE=0
OK

+QMTCLOSE: 0,0
`;

/** The other marker styles: [SEND]/[RECV] with bracketed times, and >>/<< without times. */
const BG770A_SENDRECV = BG770A_TXRX.replace(/^(\S+) TX: /gm, '[$1] [SEND] ').replace(/^(\S+) RX: /gm, '[$1] [RECV] ');
const BG770A_ARROWS = BG770A_TXRX.replace(/^\S+ TX: /gm, '>> ').replace(/^\S+ RX: /gm, '<< ');

function replay(log: string, hosts: Record<string, string> = { 'broker.example.com': '127.0.0.1' }) {
  const track = parseTranscript(importFieldLog(log, 'field.log'), 'field.log', 'field.log');
  const { clock, events, module, take } = replayOnVirtualClock(
    { source: 'field.log', tracks: [track], identity: {} },
    hosts,
  );
  /** Sends a command (CR added) or raw data, waits `ms` on the clock, returns what came back. */
  const exchange = async (text: string, ms = 3_000): Promise<string> => {
    module.receive(Buffer.from(text, 'latin1'));
    await clock.sleep(ms);
    return take();
  };
  const done = () => {
    module.close();
    clock.stop();
  };
  return { clock, events, exchange, done, track };
}

test('an EC600K-like terminal log with time stamps and ATE0 replays with its own answers and timing', async () => {
  const r = replay(EC600K);
  assert.deepEqual(
    r.track.steps.map((s) => s.text),
    [
      'ATE0',
      'AT+QMTCFG="recv/mode",0,0,1',
      'AT+QMTOPEN=0,"broker.example.com",1883',
      'AT+QMTCONN=0,"ec600k-field"',
      'AT+QMTSUB=0,1,"field/in",1',
      'AT+QMTPUBEX=0,1,1,0,"field/out",5',
      'hello',
      'AT+QMTDISC=0',
    ],
  );
  // Echo is on until ATE0: the module echoed ATE0 itself.
  assert.equal(await r.exchange('ATE0\r'), 'ATE0\r\r\nOK\r\n');
  assert.equal(await r.exchange('AT+QMTCFG="recv/mode",0,0,1\r'), '\r\nOK\r\n');
  // The host dials the local broker: --host broker.example.com=127.0.0.1 maps the log's name to it.
  assert.equal(await r.exchange('AT+QMTOPEN=0,"127.0.0.1",41883\r', 500), '\r\nOK\r\n');
  assert.equal(await r.exchange('', 500), '\r\n+QMTOPEN: 0,0\r\n', 'the URC 800 ms after the command, as logged');
  assert.equal(await r.exchange('AT+QMTCONN=0,"ec600k-field"\r'), '\r\nOK\r\n\r\n+QMTCONN: 0,0,0\r\n');
  assert.equal(await r.exchange('AT+QMTSUB=0,1,"field/in",1\r'), '\r\nOK\r\n\r\n+QMTSUB: 0,1,0,1\r\n');
  assert.equal(await r.exchange('AT+QMTPUBEX=0,1,1,0,"field/out",5\r', 50), '\r\n> ');
  assert.equal(await r.exchange('hello'), '\r\nOK\r\n\r\n+QMTPUBEX: 0,1,0\r\n');
  assert.equal(await r.exchange('AT+QMTDISC=0\r'), '\r\nOK\r\n\r\n+QMTDISC: 0,0\r\n');
  assert.deepEqual(r.events, []);
  r.done();
});

for (const [form, log] of [
  ['TX:/RX: markers with times of day', BG770A_TXRX],
  ['[SEND]/[RECV] markers with bracketed times', BG770A_SENDRECV],
  ['>>/<< markers without times', BG770A_ARROWS],
  ['a terminal view without markers or times', BG770A_TERMINAL],
] as const) {
  test(`a BG770A-like log with echo on, no ATE0 and AT / AT+CGMM first replays (${form})`, async () => {
    const r = replay(log);
    // AT and AT+CGMM start the session and advance it: the third command is answered as logged.
    assert.equal(await r.exchange('AT\r'), 'AT\r\r\nOK\r\n');
    assert.equal(await r.exchange('AT+CGMM\r'), 'AT+CGMM\r\r\nBG770A-GL\r\n\r\nOK\r\n');
    // The echo is of what the host sent now.
    assert.equal(
      await r.exchange('AT+QMTOPEN=0,"127.0.0.1",41883\r'),
      'AT+QMTOPEN=0,"127.0.0.1",41883\r\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n',
    );
    assert.equal(
      await r.exchange('AT+QMTCONN=0,"bg770a-field"\r'),
      'AT+QMTCONN=0,"bg770a-field"\r\r\nOK\r\n\r\n+QMTCONN: 0,0,0\r\n',
    );
    assert.equal(
      await r.exchange('AT+QMTPUBEX=0,0,0,0,"field/out",4\r', 50),
      'AT+QMTPUBEX=0,0,0,0,"field/out",4\r\r\n> ',
    );
    assert.equal(await r.exchange('ping'), '\r\nOK\r\n\r\n+QMTPUBEX: 0,0,0\r\n');
    assert.equal(await r.exchange('AT+QMTCLOSE=0\r'), 'AT+QMTCLOSE=0\r\r\nOK\r\n\r\n+QMTCLOSE: 0,0\r\n');
    assert.deepEqual(r.events, []);
    r.done();
  });
}

test('housekeeping the log has elsewhere is answered from it without moving the session', async () => {
  const r = replay(BG770A_TXRX);
  // The host skips AT, asks for the model later: both answered as logged.
  assert.equal(
    await r.exchange('AT+QMTOPEN=0,"127.0.0.1",41883\r'),
    'AT+QMTOPEN=0,"127.0.0.1",41883\r\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n',
  );
  assert.equal(await r.exchange('AT+CGMM\r'), 'AT+CGMM\r\r\nBG770A-GL\r\n\r\nOK\r\n');
  assert.equal(
    await r.exchange('AT+QMTCONN=0,"bg770a-field"\r'),
    'AT+QMTCONN=0,"bg770a-field"\r\r\nOK\r\n\r\n+QMTCONN: 0,0,0\r\n',
  );
  assert.deepEqual(r.events, []);
  r.done();
});

test('after a divergence the replay resynchronises on the next command that fits', async () => {
  const r = replay(EC600K);
  await r.exchange('ATE0\r');
  // A command the log does not hold: ERROR and one divergence, the replay stays where it was.
  assert.equal(await r.exchange('AT+QMTCFG="keepalive",0,30\r'), '\r\nERROR\r\n');
  assert.equal(r.events.length, 1);
  assert.match(
    r.events[0].message,
    /^diverged at line \d+ of field\.log \(scenario "field\.log"\): the recording has AT\+QMTCFG="recv\/mode",0,0,1, the host sent AT\+QMTCFG="keepalive",0,30$/,
  );
  // The next logged command is answered as logged, not with the same error.
  assert.equal(await r.exchange('AT+QMTCFG="recv/mode",0,0,1\r'), '\r\nOK\r\n');
  // The host leaves out AT+QMTOPEN / AT+QMTCONN (its link is up already): the replay moves on.
  assert.equal(await r.exchange('AT+QMTSUB=0,1,"field/in",1\r'), '\r\nOK\r\n\r\n+QMTSUB: 0,1,0,1\r\n');
  assert.equal(r.events.length, 2);
  assert.equal(r.events[1].kind, 'resynced');
  assert.match(r.events[1].message, /the host left out 2 recorded step\(s\)/);
  assert.equal(await r.exchange('AT+QMTDISC=0\r'), '\r\nOK\r\n\r\n+QMTDISC: 0,0\r\n');
  r.done();
});

test('a host name the log dialled matches only the address --host gives it', async () => {
  const r = replay(EC600K, { 'broker.example.com': '127.0.0.2' });
  await r.exchange('ATE0\r');
  await r.exchange('AT+QMTCFG="recv/mode",0,0,1\r');
  assert.equal(await r.exchange('AT+QMTOPEN=0,"127.0.0.1",41883\r'), '\r\nERROR\r\n');
  assert.match(r.events[0]?.message ?? '', /the recording has AT\+QMTOPEN=0,"broker\.example\.com",1883/);
  assert.equal(await r.exchange('AT+QMTOPEN=0,"broker.example.com",1883\r', 1_000), '\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n');
  r.done();
});

test('a bare ATE is ATE0 (V.25ter): the commands after it are not shown echoed', () => {
  const transcript = importFieldLog('AT\nAT\nOK\nATE\nATE\nOK\nAT+CSQ\n+CSQ: 20,99\nOK\n', 'field.log');
  assert.match(transcript, />> ATE<CR>/);
  assert.doesNotMatch(transcript, /<< AT\+CSQ/, transcript);
  assert.match(transcript, />> AT\+CSQ<CR>/);
});
