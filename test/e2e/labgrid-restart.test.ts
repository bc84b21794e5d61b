/**
 * A module on a labgrid place restarts (AT+CFUN=1,1) and comes back on another port: a USB
 * module re-enumerates, the exporter stops its ser2net and starts one on a new port. Here the
 * simulator logs its restart and the test restarts the exporter then, as udev and labgrid's
 * USBSerialPort would; the harness must resolve the port again from the coordinator and go on.
 *
 * The restart is the rig's recovery of a hung module (the simulator's at-port-hangs-once fault:
 * the first AT+QMTSUB wedges it; the lifecycle waits 30 s for RDY). A restarted exporter gets its
 * place's resources back only at the coordinator's next resource sync (every 15 s), while a real
 * exporter restarts ser2net itself when the USB device comes back; so the simulated module takes
 * 26 s to say RDY here, inside the recovery's 30 s but longer than an @reboot scenario's 15 s.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { ROOT, startSimulator, tempDir } from './helpers';
import { spawnQmt } from './failing-run-helpers';
import { labgridMissing, LabgridLab, type Exporter } from './labgrid-lab';
import { scenarioResults } from './result-evidence';

const PLACES = `
modR:
  tags: {module: ec200n}
  matches: [{exporter: rig2, group: modR, cls: NetworkSerialPort}]
`;

// Subscribing scenarios (four today): the first to run hangs the port, every later one must pass after the restart.
const TAGS = '@spec:3.3.6:multi-topic or (@spec:3.3.6:set and @spec:3.3.6:max-response-time)';

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
  profile.at.rebootMs = 26_000;
  const file = path.join(tempDir('qmt-lg-profile-'), 'slow-reboot.json');
  writeFileSync(file, JSON.stringify(profile));
  const started = await startSimulator(['--pty', '--profile', file, '--fault', 'at-port-hangs-once']);
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
  { skip: missing, timeout: 240_000 },
  async () => {
    const results = path.join(tempDir('qmt-lg-restart-'), 'results');
    const run = spawnQmt(['run', '--no-report', '--place', 'modR', '--results', results, '--tags', TAGS], lab.env);
    const status = await run.exited;
    const output = run.output();
    assert.ok(restarts.length >= 1, `the module never restarted:\n${output}`);
    const moved = /came back on rfc2217:\/\/127\.0\.0\.1:(\d+)[^(]*\(was rfc2217:\/\/127\.0\.0\.1:(\d+)/.exec(output);
    assert.ok(moved, `no reconnection on a new port:\n${output}`);
    assert.notEqual(moved[1], moved[2], 'the exporter kept the same port');
    // The hung scenario is broken (as without labgrid); every later one passed on the new port.
    const statuses = scenarioResults(results).map((s) => s.status);
    assert.ok(statuses.length >= 2, output);
    assert.deepEqual(statuses, ['broken', ...statuses.slice(1).map(() => 'passed')], output);
    assert.equal(status, 1, output);
    assert.equal(lab.holder('modR'), undefined);
  },
);
