import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../../src/clock/clock';
import { DelayLine, FIELD_LATENCY, NetworkLatency, parseLatency } from '../../../src/sim/network-latency';
import { makeModule, startBroker } from './helpers';

test('--latency syntax: off, field, a fixed delay, a range, a seed; nonsense is refused', () => {
  assert.deepEqual(parseLatency('off'), { minMs: 0, maxMs: 0, seed: 1 });
  assert.deepEqual(parseLatency('field'), parseLatency(FIELD_LATENCY));
  assert.deepEqual(parseLatency('150-900'), { minMs: 150, maxMs: 900, seed: 1 });
  assert.deepEqual(parseLatency('500ms'), { minMs: 500, maxMs: 500, seed: 1 });
  assert.deepEqual(parseLatency('100-200@7'), { minMs: 100, maxMs: 200, seed: 7 });
  for (const bad of ['', 'fast', '900-150', '-5', '1.5', '100-']) assert.equal(parseLatency(bad), undefined, bad);
});

test('samples stay inside the range, spread over it, and repeat for the same seed', () => {
  const spec = parseLatency('150-900')!;
  const a = Array.from(
    { length: 500 },
    (
      (l) => () =>
        l.sample()
    )(new NetworkLatency(spec)),
  );
  const b = Array.from(
    { length: 500 },
    (
      (l) => () =>
        l.sample()
    )(new NetworkLatency(spec)),
  );
  assert.deepEqual(a, b);
  assert.ok(a.every((ms) => ms >= 150 && ms <= 900));
  assert.ok(Math.min(...a) < 250 && Math.max(...a) > 800, `spread ${Math.min(...a)}..${Math.max(...a)}`);
  const other = Array.from(
    { length: 20 },
    (
      (l) => () =>
        l.sample()
    )(new NetworkLatency({ ...spec, seed: 2 })),
  );
  assert.notDeepEqual(other, a.slice(0, 20));
});

test('a delay line keeps the order of events and drops them when cancelled', async () => {
  const clock = new VirtualClock({ quietMs: 1 });
  const line = new DelayLine(clock, new NetworkLatency(parseLatency('10-900@3')!));
  const seen: number[] = [];
  for (let i = 0; i < 20; i++) line.deliver(() => seen.push(i));
  await clock.sleep(20_000);
  assert.deepEqual(
    seen,
    Array.from({ length: 20 }, (_, i) => i),
  );
  line.deliver(() => seen.push(99));
  line.cancel();
  await clock.sleep(2_000);
  assert.equal(seen.includes(99), false);
  clock.stop();
});

test('with latency the result URCs come after the OK by the network delay, on virtual time', async () => {
  const broker = await startBroker();
  const m = makeModule('EC200N-CN', {}, parseLatency('700')!);
  const wallStart = Date.now();
  const t0 = m.clock.now();
  m.at(`AT+QMTOPEN=0,"127.0.0.1",${broker.port}`);
  assert.deepEqual(m.out.events, ['OK']);
  await m.out.waitUrc(/^\+QMTOPEN: 0,0$/);
  // Two samples: socket set-up and handshake.
  assert.equal(m.clock.now() - t0, 1400);
  const t1 = m.clock.now();
  m.at('AT+QMTCONN=0,"lat-1"');
  assert.equal(await m.out.waitUrc(/^\+QMTCONN: 0,/), '+QMTCONN: 0,0,0');
  assert.equal(m.clock.now() - t1, 700);
  const t2 = m.clock.now();
  m.at('AT+QMTSUB=0,1,"lat/t",1');
  assert.equal(await m.out.waitUrc(/^\+QMTSUB: 0,1,/), '+QMTSUB: 0,1,0,1');
  assert.equal(m.clock.now() - t2, 700);
  assert.ok(Date.now() - wallStart < 1400, 'virtual latency costs no wall time');
  m.stop();
  await broker.close();
});
