import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTranscript } from '../../../src/sim/replay/recording';
import { replayOnVirtualClock } from './replay-on-virtual-clock';

const TRANSCRIPT = `# AT transcript, first byte at 2026-12-01T22:46:34.459Z
[   0.000 s] >> ATE0<CR>
[   0.000 s] << <CR><LF>OK<CR><LF>
[   0.000 s] >> AT+QMTOPEN=0,"127.0.0.1",42203<CR>
[   0.000 s] << <CR><LF>OK<CR><LF>
[   0.772 s] << <CR><LF>+QMTOPEN: 0,0<CR><LF>
[   0.800 s] >> AT+QMTOPEN?<CR>
[   0.800 s] << <CR><LF>+QMTOPEN: 0,"127.0.0.1",42203<CR><LF>
[   0.800 s] << <CR><LF>OK<CR><LF>
[   0.900 s] >> AT+QMTPUBEX=0,1,1,0,"t",5<CR>
[   0.900 s] << <CR><LF>> 
[   0.901 s] >> hello
[   0.901 s] << <CR><LF>OK<CR><LF>
[   0.950 s] >> AT+QMTCONN=0,"c","u","***"<CR>
[   0.950 s] << <CR><LF>OK<CR><LF>
`;

function harness() {
  const { clock, events, module, take } = replayOnVirtualClock({
    source: 'rec.txt',
    tracks: [parseTranscript(TRANSCRIPT, 'a scenario', 'rec.txt')],
    identity: {},
  });
  const send = (text: string) => module.receive(Buffer.from(text, 'latin1'));
  return { clock, events, send, take, module };
}

test('the transcript becomes host steps with the outputs after each, data after the prompt included', () => {
  const track = parseTranscript(TRANSCRIPT, 'a scenario', 'rec.txt');
  assert.deepEqual(
    track.steps.map((s) => [s.kind, s.text, s.line]),
    [
      ['line', 'ATE0', 2],
      ['line', 'AT+QMTOPEN=0,"127.0.0.1",42203', 4],
      ['line', 'AT+QMTOPEN?', 7],
      ['line', 'AT+QMTPUBEX=0,1,1,0,"t",5', 10],
      ['data', 'hello', 12],
      ['line', 'AT+QMTCONN=0,"c","u","***"', 14],
    ],
  );
  assert.deepEqual(
    track.steps[1].outputs.map((o) => o.afterMs),
    [0, 772],
  );
});

test('answers as recorded, with the recorded delay, the fixture port and a masked secret mapped to this run', async () => {
  const h = harness();
  h.send('ATE0\r');
  assert.equal(h.take(), '\r\nOK\r\n');
  h.send('AT+QMTOPEN=0,"127.0.0.1",5555\r');
  assert.equal(h.take(), '\r\nOK\r\n');
  const t0 = h.clock.now();
  await h.clock.sleep(771);
  assert.equal(h.take(), '', 'the URC is not due yet');
  await h.clock.sleep(1);
  assert.equal(h.take(), '\r\n+QMTOPEN: 0,0\r\n');
  assert.equal(h.clock.now() - t0, 772);
  h.send('AT+QMTOPEN?\r');
  assert.equal(h.take(), '\r\n+QMTOPEN: 0,"127.0.0.1",5555\r\n\r\nOK\r\n');
  h.send('AT+QMTPUBEX=0,1,1,0,"t",5\r');
  assert.equal(h.take(), '\r\n> ');
  h.send('hel');
  h.send('lo');
  assert.equal(h.take(), '\r\nOK\r\n');
  h.send('AT+QMTCONN=0,"c","u","fresh-secret"\r');
  assert.equal(h.take(), '\r\nOK\r\n');
  assert.deepEqual(h.events, []);
  h.module.close();
  h.clock.stop();
});

test('a command the recording does not hold gets ERROR and "diverged at line N"', () => {
  const h = harness();
  h.send('ATE0\r');
  h.take();
  h.send('AT+QMTOPEN=0,"127.0.0.1",5555\r');
  h.take();
  h.send('AT+QMTCFG="keepalive",0,60\r');
  // The URC the recording had before its next command comes first (the host moved on sooner).
  assert.equal(h.take(), '\r\n+QMTOPEN: 0,0\r\n\r\nERROR\r\n');
  assert.equal(h.events.length, 1);
  assert.equal(h.events[0].kind, 'diverged');
  assert.match(
    h.events[0].message,
    /^diverged at line 7 of rec\.txt \(scenario "a scenario"\): the recording has AT\+QMTOPEN\?, the host sent AT\+QMTCFG="keepalive",0,60$/,
  );
  // Different data after the prompt is a divergence too; a new session starts over.
  h.send('ATE0\r');
  h.send('AT+QMTOPEN=0,"127.0.0.1",5555\r');
  h.send('AT+QMTOPEN?\r');
  h.send('AT+QMTPUBEX=0,1,1,0,"t",5\r');
  h.take();
  h.send('HELLO');
  assert.equal(h.take(), '\r\nERROR\r\n');
  assert.match(h.events[1].message, /diverged at line 12 of rec\.txt .*the recording has <5 bytes of data>/);
  h.module.close();
  h.clock.stop();
});

test('session housekeeping outside the recording is answered without a divergence', () => {
  const h = harness();
  h.send('AT\r');
  assert.equal(h.take(), '\r\nOK\r\n');
  h.send('ATE0\r');
  h.take();
  h.send('AT+QMTCONN?\r');
  assert.equal(h.take(), '\r\nOK\r\n');
  assert.deepEqual(h.events, []);
  h.module.close();
  h.clock.stop();
});
