/**
 * Modules as labgrid places (README "Many rig hosts: labgrid"): a coordinator and two exporters
 * on loopback, each exporting simulated modules' pseudo-terminals; `qmt run --place` acquires,
 * runs through the exporter's ser2net (RFC 2217) and releases after a pass, a failure and
 * SIGTERM; a place someone else holds is refused naming the holder, or waited for with --wait.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { tempDir } from './helpers';
import { spawnQmt, startRun } from './failing-run-helpers';
import { startBox, runQmtAsync, type SimulatedBox } from './rig-in-a-box';
import { freePort, labgridMissing, LabgridLab, until } from './labgrid-lab';

// Three quick real-time scenarios (no network): keep-alive values the note refuses.
const QUICK = ['--tags', '@spec:3.3.1:keepalive:keep_alive_time:range', '--name', 'refused with ERROR'];

const PLACES = `
modA:
  comment: healthy module on rig host 1
  tags: {module: ec200n}
  matches: [{exporter: rig1, group: modA, cls: NetworkSerialPort}]
modB:
  tags: {module: ec200n}
  matches: [{exporter: rig1, group: modB, cls: NetworkSerialPort}]
modF:
  comment: firmware that accepts keep-alive 3601
  tags: {module: ec200n}
  matches: [{exporter: rig2, group: modF, cls: NetworkSerialPort}]
noserial:
  matches: [{exporter: rig2, group: modF, cls: NetworkPowerPort}]
`;

const missing = labgridMissing();
let lab: LabgridLab;
const boxes: SimulatedBox[] = [];

before(async () => {
  if (missing) return;
  lab = await LabgridLab.start(PLACES);
  boxes.push(await startBox(['--pty', '--count', '2', '--variant', 'EC200N-CN'], 2));
  boxes.push(await startBox(['--pty', '--fault', 'keepalive-accepts-3601'], 1));
  await lab.exporter('rig1', { modA: boxes[0]!.modules[0]!.where, modB: boxes[0]!.modules[1]!.where });
  await lab.exporter('rig2', { modF: boxes[1]!.modules[0]!.where });
});

after(async () => {
  for (const box of boxes) box.child.kill('SIGTERM');
  await lab?.stop();
});

function labels(resultsDir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-result.json')))
    for (const l of (
      JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as { labels: { name: string; value: string }[] }
    ).labels)
      found.set(l.name, l.value);
  return found;
}

test(
  'a run by place passes through the exporter, labels place and exporter, and releases the place',
  { skip: missing, timeout: 120_000 },
  async () => {
    const results = path.join(tempDir('qmt-lg-pass-'), 'results');
    const run = await runQmtAsync(['run', '--no-report', '--place', 'modA', '--results', results, ...QUICK], lab.env)
      .done;
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /labgrid place modA on exporter rig1: rfc2217:\/\/127\.0\.0\.1:\d+/);
    const found = labels(results);
    assert.equal(found.get('labgrid-place'), 'modA');
    assert.equal(found.get('labgrid-exporter'), 'rig1');
    assert.match(found.get('rig') ?? '', /^labgrid place modA on exporter rig1 \(rfc2217:\/\/127\.0\.0\.1:\d+/);
    assert.equal(lab.holder('modA'), undefined, 'modA is still acquired after the run');
  },
);

test('a failing run on a place releases it too', { skip: missing, timeout: 120_000 }, async () => {
  const results = path.join(tempDir('qmt-lg-fail-'), 'results');
  const run = await runQmtAsync(['run', '--no-report', '--place', 'modF', '--results', results, ...QUICK], lab.env)
    .done;
  assert.equal(run.status, 1, run.output);
  assert.match(run.output, /some scenarios FAILED/);
  assert.equal(lab.holder('modF'), undefined, 'modF is still acquired after the failed run');
});

test(
  'a place held by another user is refused naming the holder; --wait waits for it',
  { skip: missing, timeout: 120_000 },
  async () => {
    assert.equal(lab.client(['-p', 'modB', 'acquire'], 'alice').status, 0);
    const refused = await runQmtAsync(['run', '--no-report', '--place', 'modB', ...QUICK], lab.env).done;
    assert.equal(refused.status, 2, refused.output);
    assert.match(refused.output, /qmt: --place modB: held by \S+\/alice \(--wait waits for it\)/);
    assert.doesNotMatch(refused.output, /\n\s+at /, 'a stack trace was printed');

    // Held by this very user (another run, or labgrid-client acquire): refused too.
    assert.equal(lab.client(['-p', 'modA', 'acquire']).status, 0);
    try {
      const mine = await runQmtAsync(['run', '--no-report', '--place', 'modA', ...QUICK], lab.env).done;
      assert.equal(mine.status, 2, mine.output);
      assert.match(mine.output, /qmt: --place modA: already held by you/);
    } finally {
      lab.client(['-p', 'modA', 'release']);
    }

    const results = path.join(tempDir('qmt-lg-wait-'), 'results');
    const waiting = spawnQmt(
      ['run', '--no-report', '--place', 'modB', '--wait', '--results', results, ...QUICK],
      lab.env,
    );
    await until(() => /waiting for it \(--wait\)/.test(waiting.output()), 60_000, waiting.output);
    assert.equal(lab.client(['-p', 'modB', 'release'], 'alice').status, 0);
    const waited = { status: await waiting.exited, output: waiting.output() };
    assert.equal(waited.status, 0, waited.output);
    assert.match(waited.output, /labgrid place modB is held by \S+\/alice: waiting for it/);
    assert.equal(lab.holder('modB'), undefined);
  },
);

test(
  'SIGTERM mid-run: exit 143, the running scenario broken, the place released',
  { skip: missing, timeout: 120_000 },
  async () => {
    const results = path.join(tempDir('qmt-lg-term-'), 'results');
    // A longer real-time set (keep-alive and open scenarios) so the signal lands mid-run.
    const run = startRun(['--place', 'modA', '--results', results, '--tags', '@area:qmtcfg'], lab.env);
    await until(() => /conformance suite against/.test(run.output()), 60_000, run.output);
    await new Promise((r) => setTimeout(r, 2_000));
    run.child.kill('SIGTERM');
    assert.equal(await run.exited, 143, run.output());
    assert.equal(lab.holder('modA'), undefined, `modA still acquired after SIGTERM:\n${run.output()}`);
  },
);

test(
  'a place without a serial port, and a coordinator that does not answer: one line, exit 2',
  { skip: missing, timeout: 60_000 },
  async () => {
    const noSerial = await runQmtAsync(['run', '--no-report', '--place', 'noserial', ...QUICK], lab.env).done;
    assert.equal(noSerial.status, 2, noSerial.output);
    assert.match(noSerial.output, /qmt: --place noserial: .*(NetworkPowerPort|serial)/);
    const dead = await runQmtAsync(
      ['run', '--no-report', '--place', 'modA', '--coordinator', `127.0.0.1:${await freePort()}`, ...QUICK],
      {},
    ).done;
    assert.equal(dead.status, 2, dead.output);
    assert.match(dead.output, /qmt: --place modA: the labgrid coordinator at 127\.0\.0\.1:\d+ does not answer/);
  },
);

test(
  'qmt list --labgrid names places, tags and holders; qmt doctor --place checks the module through its exporter and releases it',
  { skip: missing, timeout: 120_000 },
  async () => {
    assert.equal(lab.client(['-p', 'modB', 'acquire'], 'alice').status, 0);
    try {
      const list = await runQmtAsync(['list', '--labgrid'], lab.env).done;
      assert.equal(list.status, 0, list.output);
      assert.match(list.output, /^modA\tmodule=ec200n\tfree\texporter rig1$/m);
      assert.match(list.output, /^modB\tmodule=ec200n\theld by \S+\/alice\texporter rig1$/m);
      assert.match(list.output, /^modF\tmodule=ec200n\tfree\texporter rig2$/m);
    } finally {
      lab.client(['-p', 'modB', 'release'], 'alice');
    }
    const doctor = await runQmtAsync(['doctor', '--place', 'modA'], lab.env).done;
    assert.equal(doctor.status, 0, doctor.output);
    assert.match(doctor.output, /labgrid place modA on exporter rig1: (rfc2217:\/\/127\.0\.0\.1:\d+)/);
    assert.match(doctor.output, /qmt doctor: rfc2217:\/\/127\.0\.0\.1:\d+: healthy/);
    assert.equal(lab.holder('modA'), undefined);
  },
);
