import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { combinedExitCode, planWorkers, portSlug } from '../../src/cli/rigs-run';
import { parseCclk } from '../../src/rig/doctor';
import { groupQuectelPorts } from '../../src/rig/discovery';
import { lockHolders } from '../../src/rig/port-holders';
import { tempDir } from '../e2e/helpers';
import { writeFileSync } from 'node:fs';

test('each worker gets its own results folder and broker port; one port named twice is refused', () => {
  assert.equal(portSlug('/dev/ttyUSB2'), 'dev-ttyUSB2');
  assert.equal(portSlug('tcp://rig7.lab:4001'), 'tcp-rig7.lab-4001');
  const plans = planWorkers(['/dev/null', 'tcp://127.0.0.1:4001'], '/r', 18830);
  assert.deepEqual(
    plans.map((p) => [p.resultsDir, p.brokerPort]),
    [
      ['/r/dev-null', 18830],
      ['/r/tcp-127.0.0.1-4001', 18831],
    ],
  );
  assert.deepEqual(
    planWorkers(['/dev/null', 'tcp://127.0.0.1:4001'], '/r', 0).map((p) => p.brokerPort),
    [0, 0],
  );
  const link = path.join(tempDir('qmt-ports-'), 'by-id-quectel');
  symlinkSync('/dev/null', link);
  assert.throws(() => planWorkers(['/dev/null', link], '/r', 0), /the same module port as --port \/dev\/null/);
  assert.throws(() => planWorkers(['tcp://h:1', 'TCP://h:1'], '/r', 0), /no two workers may share a port/);
});

test('the run exit code: interrupted > usage > failed > passed', () => {
  const o = (...codes: number[]) =>
    codes.map((exitCode) => ({ plan: planWorkers(['tcp://h:1'], '/r', 0)[0], exitCode }));
  assert.equal(combinedExitCode(o(0, 0)), 0);
  assert.equal(combinedExitCode(o(0, 1)), 1);
  assert.equal(combinedExitCode(o(1, 2)), 2);
  assert.equal(combinedExitCode(o(2, 130)), 130);
});

test('Quectel ports are grouped by USB device and probed in interface order; other vendors are ignored', () => {
  const groups = groupQuectelPorts([
    { path: '/dev/ttyUSB3', vendorId: '2c7c', serialNumber: 'A', interfaceNumber: '3' },
    { path: '/dev/ttyUSB10', vendorId: '2C7C', serialNumber: 'B', interfaceNumber: '2' },
    { path: '/dev/ttyUSB2', vendorId: '2c7c', serialNumber: 'A', interfaceNumber: '2' },
    { path: '/dev/ttyUSB0', vendorId: '2c7c', serialNumber: 'A', interfaceNumber: '0' },
    { path: '/dev/ttyACM0', vendorId: '0403', serialNumber: 'FT1' },
  ]);
  assert.deepEqual(
    groups.map((g) => g.map((p) => p.path)),
    [['/dev/ttyUSB0', '/dev/ttyUSB2', '/dev/ttyUSB3'], ['/dev/ttyUSB10']],
  );
});

test('+CCLK is read with its time zone in quarters of an hour', () => {
  assert.equal(parseCclk('+CCLK: "26/12/01,23:30:00+32"')?.toISOString(), '2026-12-01T15:30:00.000Z');
  assert.equal(parseCclk('+CCLK: "26/12/01,08:00:00-04"')?.toISOString(), '2026-12-01T09:00:00.000Z');
  assert.equal(parseCclk('ERROR'), undefined);
});

test('the holder of a serial device lock is found by the device inode in /proc/locks', () => {
  const dir = tempDir('qmt-locks-');
  const device = path.join(dir, 'tty');
  writeFileSync(device, '');
  const { ino } = require('node:fs').statSync(device) as { ino: number };
  const locks = path.join(dir, 'locks');
  writeFileSync(
    locks,
    `1: FLOCK  ADVISORY  WRITE 4242 00:1a:${ino} 0 EOF\n2: POSIX  ADVISORY  WRITE 77 fe:00:${ino + 1} 0 EOF\n`,
  );
  assert.deepEqual(lockHolders(device, locks), [4242]);
});
