/** AtClient URC handling: the log, listeners, waitForUrc before/after arrival, since, consumed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rig } from './fake-module';

test('waitForUrc resolves with a URC that already arrived, and marks it consumed', async () => {
  const { client, clock } = await rig((line, m) => {
    if (line.startsWith('AT+QMTOPEN=')) m.send('\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n');
  });
  await client.send('AT+QMTOPEN=0,"127.0.0.1",1883', { timeoutMs: 1_000 });
  await clock.sleep(10); // let the URC arrive before the wait starts
  assert.equal(client.urcs().length, 1);
  const urc = await client.waitForUrc((u) => u.name === '+QMTOPEN', 1_000);
  assert.deepEqual(urc.fields, ['0', '0']);
  assert.equal(client.urcs()[0].consumed, true);
  assert.deepEqual(client.unconsumedUrcs(), []);
  clock.stop();
});

test('waitForUrc resolves with the next matching URC when it arrives later, at its clock time', async () => {
  const { client, module, clock } = await rig(() => {});
  const waiting = client.waitForUrc((u) => u.name === '+QMTSTAT', 10_000);
  module.later(2_500, '\r\n+QIND: SMS DONE\r\n\r\n+QMTSTAT: 0,1\r\n');
  const urc = await waiting;
  assert.equal(urc.text, '+QMTSTAT: 0,1');
  assert.equal(urc.at, 2_500);
  assert.deepEqual(
    client.unconsumedUrcs().map((u) => u.text),
    ['+QIND: SMS DONE'],
  );
  clock.stop();
});

test('two waits for the same kind get two different URCs', async () => {
  const { client, module, clock } = await rig(() => {});
  const first = client.waitForUrc((u) => u.name === '+QMTRECV', 1_000);
  const second = client.waitForUrc((u) => u.name === '+QMTRECV', 1_000);
  module.send('\r\n+QMTRECV: 0,1,"t",1,"a"\r\n\r\n+QMTRECV: 0,2,"t",1,"b"\r\n');
  const [a, b] = await Promise.all([first, second]);
  assert.deepEqual([a.payload?.toString(), b.payload?.toString()], ['a', 'b']);
  clock.stop();
});

test('since (clock time or index) excludes older URCs', async () => {
  const { client, module, clock } = await rig(() => {});
  module.send('\r\n+QMTSTAT: 0,1\r\n');
  await clock.sleep(100);
  const mark = client.mark();
  const after = clock.now();
  module.later(50, '\r\n+QMTSTAT: 0,2\r\n');
  const byTime = await client.waitForUrc((u) => u.name === '+QMTSTAT', 1_000, after);
  assert.equal(byTime.text, '+QMTSTAT: 0,2');
  await assert.rejects(
    client.waitForUrc((u) => u.name === '+QMTSTAT', 200, { index: mark }),
    /no URC matching/,
  );
  assert.equal(client.urcs()[0].consumed, false, 'the older URC was never handed out');
  clock.stop();
});

test('a wait that times out names what was awaited, the limit and the URCs that did arrive', async () => {
  const { client, module, clock } = await rig(() => {});
  module.send('\r\n+QMTSTAT: 0,1\r\n\r\nRDY\r\n');
  const started = Date.now();
  await assert.rejects(
    client.waitForUrc((u) => u.name === '+QMTCONN', 60_000, undefined, '+QMTCONN: 0,0,0'),
    (error: Error) => {
      assert.match(
        error.message,
        /no URC matching \+QMTCONN: 0,0,0 within 60000 ms; URCs that arrived: \+QMTSTAT: 0,1 \| RDY/,
      );
      return true;
    },
  );
  assert.ok(Date.now() - started < 6_000, 'the 60 virtual seconds were not waited on the wall clock');
  assert.equal(clock.now(), 60_000);
  // Without a description the predicate's source names what was awaited.
  // (Spacing and quotes as the TypeScript loader prints them: tsx and ts-node differ.)
  await assert.rejects(
    client.waitForUrc((u) => u.name === '+QMTDISC', 10),
    /u\.name ?=== ?["']\+QMTDISC["']/,
  );
  clock.stop();
});

test('onUrc listeners see every URC in order and can unsubscribe', async () => {
  const { client, module, clock } = await rig(() => {});
  const seen: string[] = [];
  const stop = client.onUrc((u) => seen.push(u.text));
  module.send('\r\nRDY\r\n\r\nAPP RDY\r\n');
  await clock.sleep(10);
  stop();
  module.send('\r\n+CFUN: 1\r\n');
  await clock.sleep(10);
  assert.deepEqual(seen, ['RDY', 'APP RDY']);
  assert.deepEqual(
    client.urcs().map((u) => [u.index, u.text]),
    [
      [0, 'RDY'],
      [1, 'APP RDY'],
      [2, '+CFUN: 1'],
    ],
  );
  clock.stop();
});

test('close() rejects pending waits', async () => {
  const { client, clock } = await rig(() => {});
  const waiting = client.waitForUrc(() => true, 60_000);
  await client.close();
  await assert.rejects(waiting, /AT client closed/);
  clock.stop();
});
