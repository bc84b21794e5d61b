import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../src/clock/clock';

test('virtual clock jumps to the next timer and fires same-instant timers in order', async () => {
  const clock = new VirtualClock({ quietMs: 2 });
  const fired: string[] = [];
  clock.setTimeout(() => fired.push('b@120s'), 120_000);
  clock.setTimeout(() => fired.push('a@5s'), 5_000);
  clock.setTimeout(() => fired.push('c@5s'), 5_000);
  const started = Date.now();
  await clock.sleep(200_000);
  assert.deepEqual(fired, ['a@5s', 'c@5s', 'b@120s']);
  assert.equal(clock.now(), 200_000);
  assert.ok(Date.now() - started < 20_000, '200 virtual seconds are not waited on the wall clock');
  clock.stop();
});

test('virtual clock does not jump while held or while activity continues', async () => {
  const clock = new VirtualClock({ quietMs: 5 });
  let fired = false;
  clock.setTimeout(() => (fired = true), 1_000);
  const release = clock.hold('tcp connect');
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(fired, false);
  assert.equal(clock.now(), 0);
  release();
  await new Promise((r) => setTimeout(r, 40));
  assert.equal(fired, true);
  assert.equal(clock.now(), 1_000);
  clock.stop();
});

test('cleared timers never fire', async () => {
  const clock = new VirtualClock({ quietMs: 1 });
  let fired = false;
  const handle = clock.setTimeout(() => (fired = true), 10);
  clock.clearTimeout(handle);
  await clock.sleep(50);
  assert.equal(fired, false);
  clock.stop();
});

test('with every link in process (quietMs 0) the clock jumps without waiting on the wall clock', async () => {
  const clock = new VirtualClock({ quietMs: 0 });
  let fired = 0;
  for (let i = 1; i <= 1000; i++) clock.setTimeout(() => fired++, i * 1_000);
  const started = Date.now();
  await clock.sleep(1_000_000);
  assert.equal(fired, 1000);
  // With 20 ms of quiet before each jump the 1000 jumps would take 20 s; without, a few ms.
  assert.ok(Date.now() - started < 10_000, `1000 jumps took ${Date.now() - started} ms`);
  clock.stop();
});

test('an in-process clock does not jump while a chain of setImmediate work or a file request is under way', async () => {
  const clock = new VirtualClock({ quietMs: 0 });
  const seen: string[] = [];
  clock.setTimeout(() => seen.push('timer'), 5_000);
  // Work that reports no activity but keeps the event loop busy for many turns.
  let turns = 0;
  const chain = () => {
    if (++turns < 50) setImmediate(chain);
    else seen.push('chain done');
  };
  setImmediate(chain);
  const { readFile } = await import('node:fs');
  readFile(__filename, () => seen.push('file read'));
  await clock.sleep(10_000);
  assert.deepEqual(seen.slice(0, 2).sort(), ['chain done', 'file read']);
  assert.equal(seen[2], 'timer');
  clock.stop();
});

test('quiet() resolves once the process is quiet, before virtual time moves on', async () => {
  const clock = new VirtualClock({ quietMs: 0 });
  let fired = false;
  clock.setTimeout(() => (fired = true), 1_000);
  await clock.quiet();
  assert.equal(fired, false);
  assert.equal(clock.now(), 0);
  await clock.sleep(1_000);
  assert.equal(fired, true);
  clock.stop();
});
