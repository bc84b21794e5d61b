/**
 * The rig lifecycle strategy (src/rig/lifecycle.ts) against a real-time simulated module on a
 * loopback TCP port: settings a scenario changed come back to what the module reported at the
 * start; a module wedged mid-scenario is restarted (AT+CFUN=1,1, RDY) and the next scenario
 * starts clean; a link that goes away makes every later scenario fail at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HardwareRig } from '../../src/rig/hardware-rig';
import { RigLostError } from '../../src/rig/lifecycle';
import { SecretMasker } from '../../src/secrets/masker';
import { servedModule } from './served-sim';

test('settings a scenario changed are put back to what the module reported at the start, clients closed', async () => {
  const sim = await servedModule();
  const rig = await HardwareRig.create({ port: sim.url, baud: 115200 });
  try {
    const s1 = await rig.openSession(new SecretMasker());
    const commands = [];
    for (const command of ['AT+QMTCFG="keepalive",2,60', 'AT+QMTCFG="timeout",0,7,2,1', 'AT+QMTOPEN=0,"127.0.0.1",1']) {
      const reply = await s1.at.send(command, { timeoutMs: 2_000 });
      commands.push({ command, ok: reply.final.kind === 'OK' });
    }
    const cleanup = await s1.finish(commands);
    assert.equal(cleanup?.restarted, false);
    assert.equal(cleanup?.broken, undefined);

    const s2 = await rig.openSession(new SecretMasker());
    const keepalive = await s2.at.send('AT+QMTCFG="keepalive",2', { timeoutMs: 2_000 });
    assert.deepEqual(keepalive.lines, ['+QMTCFG: "keepalive",120']);
    const timeout = await s2.at.send('AT+QMTCFG="timeout",0', { timeoutMs: 2_000 });
    assert.deepEqual(timeout.lines, ['+QMTCFG: "timeout",5,3,0']);
    const open = await s2.at.send('AT+QMTOPEN?', { timeoutMs: 2_000 });
    assert.deepEqual(open.lines, [], 'no client left open');
    await s2.finish([]);
  } finally {
    await rig.close();
    await sim.stop();
  }
});

test('a scenario that ends with echo on (ATE1, then failed before its ATE0) leaves the next one with echo off', async () => {
  const sim = await servedModule();
  const rig = await HardwareRig.create({ port: sim.url, baud: 115200 });
  try {
    const s1 = await rig.openSession(new SecretMasker());
    const reply = await s1.at.send('ATE1', { timeoutMs: 2_000 });
    const cleanup = await s1.finish([{ command: 'ATE1', ok: reply.final.kind === 'OK' }]);
    assert.ok(
      cleanup?.notes.some((n) => /echo on: ATE0 sent/.test(n)),
      JSON.stringify(cleanup),
    );

    const s2 = await rig.openSession(new SecretMasker());
    const at = await s2.at.send('AT', { timeoutMs: 2_000 });
    assert.equal(at.final.kind, 'OK');
    assert.deepEqual(s2.at.unexpectedEchoes(), [], 'no command line came back echoed');
    await s2.finish([]);
  } finally {
    await rig.close();
    await sim.stop();
  }
});

test(
  'a module wedged mid-scenario is restarted and the next scenario gets an answering module',
  { timeout: 60_000 },
  async () => {
    const sim = await servedModule({ faults: ['at-port-hangs-once'] });
    const rig = await HardwareRig.create({ port: sim.url, baud: 115200 });
    try {
      const s1 = await rig.openSession(new SecretMasker());
      await assert.rejects(s1.at.send('AT+QMTSUB=0,1,"t",0', { timeoutMs: 1_000 }), /no final result/);
      const cleanup = await s1.finish([]);
      assert.equal(cleanup?.restarted, true);
      assert.match(cleanup?.broken ?? '', /stopped answering/);
      assert.match(cleanup?.notes.join('\n') ?? '', /restarted with AT\+CFUN=1,1: RDY after \d+ ms/);

      const s2 = await rig.openSession(new SecretMasker());
      assert.equal((await s2.at.send('AT', { timeoutMs: 1_000 })).final.kind, 'OK');
      // The power-up URCs (RDY ... APP RDY) were drained by the clean-up, not left for this scenario.
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(
        s2.at.unconsumedUrcs().map((u) => u.text),
        [],
      );
      await s2.finish([]);
    } finally {
      await rig.close();
      await sim.stop();
    }
  },
);

test('a link that goes away mid-scenario: that scenario is broken, every later one fails at once', async () => {
  const sim = await servedModule();
  const rig = await HardwareRig.create({ port: sim.url, baud: 115200 });
  try {
    const s1 = await rig.openSession(new SecretMasker());
    await sim.stop();
    await new Promise((r) => setTimeout(r, 100));
    assert.match(s1.linkLost?.()?.message ?? '', /closed/);
    const cleanup = await s1.finish([]);
    assert.match(cleanup?.broken ?? '', /module lost during this scenario/);
    await assert.rejects(rig.openSession(new SecretMasker()), RigLostError);
  } finally {
    await rig.close();
  }
});
