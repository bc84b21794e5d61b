/**
 * CI jobs queue on labgrid reservations (examples/labgrid/ci-reservations.yml): three `qmt run
 * --reserve pool=ci` jobs for two places on two exporters; two run at once, the third waits for
 * a place to be released and then runs. Also one run over two places (two workers, one per place).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { tempDir } from './helpers';
import { spawnQmt } from './failing-run-helpers';
import { startBox, type SimulatedBox } from './rig-in-a-box';
import { labgridMissing, LabgridLab, until } from './labgrid-lab';

const QUICK = ['--tags', '@spec:3.3.1:keepalive:keep_alive_time:range', '--name', 'refused with ERROR'];

const PLACES = `
ciA:
  tags: {pool: ci, module: ec200n}
  matches: [{exporter: rig1, group: ciA, cls: NetworkSerialPort}]
ciB:
  tags: {pool: ci, module: ec200n}
  matches: [{exporter: rig2, group: ciB, cls: NetworkSerialPort}]
`;

const missing = labgridMissing();
let lab: LabgridLab;
let box: SimulatedBox | undefined;

before(async () => {
  if (missing) return;
  lab = await LabgridLab.start(PLACES);
  box = await startBox(['--pty', '--count', '2', '--variant', 'EC200N-CN'], 2);
  await lab.exporter('rig1', { ciA: box.modules[0]!.where });
  await lab.exporter('rig2', { ciB: box.modules[1]!.where });
});

after(async () => {
  box?.child.kill('SIGTERM');
  await lab?.stop();
});

test(
  'three jobs reserve pool=ci for two places: the third waits for a released place, then runs',
  { skip: missing, timeout: 240_000 },
  async () => {
    const events: { job: number; what: 'got' | 'released'; place: string; at: number }[] = [];
    const jobs = [0, 1, 2].map((job) => {
      const results = path.join(tempDir(`qmt-lg-job${job}-`), 'results');
      const run = spawnQmt(['run', '--no-report', '--reserve', 'pool=ci', '--results', results, ...QUICK], lab.env);
      const seen = new Set<string>();
      const watch = setInterval(() => {
        for (const m of run.output().matchAll(/labgrid reservation \S+: place (\S+)|released labgrid place (\S+)/g)) {
          if (seen.has(m[0])) continue;
          seen.add(m[0]);
          events.push({ job, what: m[1] ? 'got' : 'released', place: (m[1] ?? m[2]) as string, at: Date.now() });
        }
      }, 50);
      return { run, stop: () => clearInterval(watch) };
    });
    const codes = await Promise.all(jobs.map((j) => j.run.exited));
    await new Promise((r) => setTimeout(r, 100));
    jobs.forEach((j) => j.stop());
    const outputs = jobs.map((j, i) => `--- job ${i}\n${j.run.output()}`).join('\n');
    assert.deepEqual(codes, [0, 0, 0], outputs);
    const got = events.filter((e) => e.what === 'got').sort((a, b) => a.at - b.at);
    assert.equal(got.length, 3, outputs);
    assert.deepEqual(new Set(got.slice(0, 2).map((e) => e.place)), new Set(['ciA', 'ciB']), outputs);
    const last = got[2]!;
    const firstRelease = Math.min(...events.filter((e) => e.what === 'released').map((e) => e.at));
    assert.ok(last.at >= firstRelease, `the third job got ${last.place} before any place was released:\n${outputs}`);
    assert.equal(lab.holder('ciA'), undefined);
    assert.equal(lab.holder('ciB'), undefined);
    assert.doesNotMatch(lab.client(['reservations']).output, /Reservation/, 'a reservation was left behind');
  },
);

test(
  'one run over two places on two exporters: one worker per place, both released',
  { skip: missing, timeout: 120_000 },
  async () => {
    const results = path.join(tempDir('qmt-lg-two-'), 'results');
    const run = spawnQmt(
      ['run', '--no-report', '--place', 'ciA', '--place', 'ciB', '--results', results, ...QUICK],
      lab.env,
    );
    await until(() => run.child.exitCode !== null, 110_000, run.output);
    assert.equal(await run.exited, 0, run.output());
    assert.match(run.output(), /2 modules in parallel/);
    assert.match(run.output(), /labgrid place ciA on exporter rig1/);
    assert.match(run.output(), /labgrid place ciB on exporter rig2/);
    assert.equal(lab.holder('ciA'), undefined);
    assert.equal(lab.holder('ciB'), undefined);
  },
);

test('workers killed mid-run: the parent still releases every place', { skip: missing, timeout: 120_000 }, async () => {
  const results = path.join(tempDir('qmt-lg-crash-'), 'results');
  // A longer set, so the worker is killed while it runs.
  const run = spawnQmt(
    ['run', '--no-report', '--place', 'ciA', '--place', 'ciB', '--results', results, '--tags', '@area:qmtcfg'],
    lab.env,
  );
  // The progress line of a module that has started its scenarios.
  await until(() => /: \d+\/\d+ scenarios/.test(run.output()), 90_000, run.output);
  const workers = spawnSync('ps', ['-o', 'pid=', '--ppid', String(run.child.pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((l) => Number(l.trim()))
    .filter((pid) => pid > 0);
  assert.ok(workers.length >= 1, `no worker processes found:\n${run.output()}`);
  // Both crash (SIGKILL: no handler of theirs runs); the parent holds the places and must let go.
  for (const pid of workers) process.kill(pid, 'SIGKILL');
  const status = await run.exited;
  assert.notEqual(status, 0, run.output());
  assert.match(run.output(), /worker exited|some scenarios FAILED/);
  assert.equal(lab.holder('ciA'), undefined, run.output());
  assert.equal(lab.holder('ciB'), undefined, run.output());
});
