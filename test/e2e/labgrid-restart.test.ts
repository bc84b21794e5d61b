/**
 * A module on a labgrid place restarts (AT+CFUN=1,1) and comes back on another port: a USB
 * module re-enumerates, the exporter stops its ser2net and starts one on a new port. Here the
 * simulator logs its restart and the test restarts the exporter then, as udev and labgrid's
 * USBSerialPort would; the harness must resolve the port again from the coordinator and the
 * @reboot scenario must pass. The simulated module takes 13 s to say RDY (EC200x take 5-15 s,
 * FIELD-NOTES), time enough for the exporter to come back.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { ROOT, startSimulator, tempDir } from './helpers';
import { spawnQmt } from './failing-run-helpers';
import { labgridMissing, LabgridLab, type Exporter } from './labgrid-lab';

const PLACES = `
modR:
  tags: {module: ec200n}
  matches: [{exporter: rig2, group: modR, cls: NetworkSerialPort}]
`;

const missing = labgridMissing();
let lab: LabgridLab;
let sim: ChildProcess | undefined;
let exporter: Exporter;
const restarts: number[] = [];

before(async () => {
  if (missing) return;
  lab = await LabgridLab.start(PLACES);
  const profile = JSON.parse(readFileSync(path.join(ROOT, 'profiles', 'EC200N-CN.json'), 'utf8')) as {
    at: { rebootMs: number };
  };
  profile.at.rebootMs = 13_000;
  const file = path.join(tempDir('qmt-lg-profile-'), 'slow-reboot.json');
  writeFileSync(file, JSON.stringify(profile));
  const started = await startSimulator(['--pty', '--profile', file]);
  sim = started.child;
  exporter = await lab.exporter('rig2', { modR: started.where });
  // The module's USB device goes away and comes back: the exporter restarts (new ser2net port).
  sim.stderr!.on('data', (chunk: Buffer) => {
    if (!/restarting \(AT\+CFUN=1,1\)/.test(chunk.toString())) return;
    restarts.push(Date.now());
    // As on hardware, the OK of AT+CFUN=1,1 leaves before the USB device goes (a second later).
    setTimeout(() => void exporter.restart(), 1_000);
  });
});

after(async () => {
  sim?.kill('SIGTERM');
  await lab?.stop();
});

test(
  'a module restart that moves the port: the port is resolved again and the run goes on',
  { skip: missing, timeout: 180_000 },
  async () => {
    const results = path.join(tempDir('qmt-lg-restart-'), 'results');
    const run = spawnQmt(
      ['run', '--no-report', '--place', 'modR', '--results', results, '--tags', '@spec:3.3.1:not-saved'],
      lab.env,
    );
    const status = await run.exited;
    assert.equal(status, 0, run.output());
    assert.ok(restarts.length >= 1, `the module never restarted:\n${run.output()}`);
    const moved = /came back on rfc2217:\/\/127\.0\.0\.1:(\d+)[^(]*\(was rfc2217:\/\/127\.0\.0\.1:(\d+)/.exec(
      run.output(),
    );
    assert.ok(moved, `no reconnection on a new port:\n${run.output()}`);
    assert.notEqual(moved[1], moved[2], 'the exporter kept the same port');
    assert.equal(lab.holder('modR'), undefined);
  },
);
