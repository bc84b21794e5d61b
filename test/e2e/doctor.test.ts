/**
 * `qmt doctor` names each fault of a deliberately broken rig in one line, exit code 2:
 * a missing port, a busy port, a silent module, a broker the module cannot reach. A healthy
 * simulated module passes every check (SIM, registration, PDP, broker, clock) with exit code 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { SerialPort } from 'serialport';
import { PTY_BRIDGE_SCRIPT } from '../../src/sim/serve/pty';
import { runQmt, startSimulator } from './helpers';

function doctorLines(output: string): string[] {
  return output.split('\n').filter((l) => l.startsWith('qmt doctor:'));
}

test(
  'qmt doctor: a healthy module passes every check; an unreachable broker is one line',
  { timeout: 120_000 },
  async () => {
    const { child, where } = await startSimulator(['--pty']);
    try {
      const healthy = runQmt(['doctor', '--port', where]);
      assert.equal(healthy.status, 0, healthy.output);
      assert.deepEqual(doctorLines(healthy.output).length, 1, healthy.output);
      assert.match(
        healthy.output,
        /healthy \(.*SIM ready, registered \(home\), PDP context 1 active, broker fixture reachable at 127\.0\.0\.1:\d+, clock drift -?\d+ s\)/,
      );

      // The fixture listens on 127.0.0.1; the module is told to dial 127.0.0.2, where nothing listens.
      const unreachable = runQmt(['doctor', '--port', where, '--broker-host', '127.0.0.2']);
      assert.equal(unreachable.status, 2, unreachable.output);
      assert.deepEqual(doctorLines(unreachable.output), [
        `qmt doctor: ${where}: broker at ${/127\.0\.0\.2:\d+/.exec(unreachable.output)?.[0]} not reachable from the module: +QMTOPEN: 0,-1 (failed to open the network)`,
      ]);
    } finally {
      child.kill('SIGTERM');
    }
  },
);

test('qmt doctor: a missing port is one line', () => {
  const run = runQmt(['doctor', '--port', '/dev/ttyUSB-no-such-module']);
  assert.equal(run.status, 2, run.output);
  assert.deepEqual(doctorLines(run.output), [
    'qmt doctor: /dev/ttyUSB-no-such-module: port not present (no such device)',
  ]);
});

test('qmt doctor: a busy port is one line naming who holds it', { timeout: 120_000 }, async () => {
  const { child, where } = await startSimulator(['--pty']);
  const holder = new SerialPort({ path: where, baudRate: 115200, autoOpen: false });
  try {
    await new Promise<void>((resolve, reject) => holder.open((e) => (e ? reject(e) : resolve())));
    const run = runQmt(['doctor', '--port', where]);
    assert.equal(run.status, 2, run.output);
    const lines = doctorLines(run.output);
    assert.equal(lines.length, 1, run.output);
    assert.match(lines[0], new RegExp(`^qmt doctor: ${where}: port busy, held by pid ${process.pid} `));
  } finally {
    await new Promise((resolve) => holder.close(resolve));
    child.kill('SIGTERM');
  }
});

test(
  'qmt doctor: a port another program reads without a lock (cat) is named, not called dead',
  { timeout: 120_000 },
  async () => {
    const { child, where } = await startSimulator(['--pty']);
    const cat = spawn('cat', [where], { stdio: ['ignore', 'ignore', 'ignore'] });
    try {
      await new Promise((r) => setTimeout(r, 300));
      const run = runQmt(['doctor', '--port', where]);
      assert.equal(run.status, 2, run.output);
      assert.deepEqual(doctorLines(run.output), [
        `qmt doctor: ${where}: port in use, held by pid ${cat.pid} (cat ${where}) without a lock: it reads the module's answers away`,
      ]);
    } finally {
      cat.kill('SIGTERM');
      child.kill('SIGTERM');
    }
  },
);

test('qmt doctor: a silent module is one line', { timeout: 60_000 }, async () => {
  // A pseudo-terminal with nothing behind it: what a powered-off or wedged module looks like.
  const bridge = spawn('python3', ['-u', PTY_BRIDGE_SCRIPT], { stdio: ['pipe', 'pipe', 'ignore'] });
  try {
    const [first] = (await once(bridge.stdout, 'data')) as [Buffer];
    const where = first.toString().split('\n')[0].trim();
    bridge.stdout.resume();
    const run = runQmt(['doctor', '--port', where]);
    assert.equal(run.status, 2, run.output);
    assert.deepEqual(doctorLines(run.output), [
      `qmt doctor: ${where}: the module does not answer AT (3 tries of 1 s): powered off, wrong port or baud rate, or hung`,
    ]);
  } finally {
    bridge.kill('SIGTERM');
  }
});
