/**
 * Bad user input: each mistake gets one clear line naming what was wrong, exit code 2,
 * and no stack trace — `--verbose` shows it. (A malformed profile file is covered with --profile.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { spawnSync } from 'node:child_process';
import { ROOT, runQmt, startSimulator, tempDir } from './helpers';

function assertOneLine(args: string[], problem: RegExp): void {
  const { status, output } = runQmt(args);
  assert.equal(status, 2, output);
  const lines = output
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '');
  assert.equal(lines.length, 1, `expected one line, got:\n${output}`);
  assert.match(lines[0], /^qmt: /);
  assert.match(lines[0], problem);
  assert.doesNotMatch(output, /^\s+at /m, 'a stack trace leaked');
}

test('unknown option', () => assertOneLine(['run', '--bogus'], /unknown option '--bogus'/));
test('unknown variant', () => assertOneLine(['run', '--variant', 'EC999'], /--variant: unknown variant "EC999"/));
test('a port that does not exist', () =>
  assertOneLine(['run', '--port', '/dev/qmt-no-such-port'], /--port \/dev\/qmt-no-such-port: no such device/));
test('a tag expression that does not parse', () =>
  assertOneLine(['run', '--tags', '(@spec:3.3.1 and'], /--tags "\(@spec:3\.3\.1 and": .*could not be parsed/));
test('a --shard whose share holds no scenario: no green run with nothing judged', () =>
  assertOneLine(
    ['run', '--tags', '@spec:3.3.1:timeout:set and @spec:2:retransmission', '--shard', '9/9'],
    /--shard 9\/9: this share holds no scenario \(\d+ match/,
  ));
test('an unknown simulator +QMTRECV layout', () =>
  assertOneLine(['run', '--sim-recv-layout', 'sideways'], /--sim-recv-layout sideways: unknown layout/));

test('--sim-replay naming no recording, or with what only the built-in simulator takes', () => {
  const empty = tempDir('qmt-no-recording-');
  assertOneLine(
    ['run', '--sim-replay', '/nonexistent-qmt/results'],
    /--sim-replay \/nonexistent-qmt\/results: no such file or folder/,
  );
  assertOneLine(
    ['run', '--sim-replay', empty],
    /--sim-replay \S+: no Allure result with an "AT transcript" attachment/,
  );
  assertOneLine(
    ['run', '--sim-replay', empty, '--fault', 'echo-stuck-on'],
    /--sim-replay answers as the recording did; --fault cannot/,
  );
  assertOneLine(
    ['run', '--sim-replay', empty, '--port', '/dev/qmt-no-such-port'],
    /--sim-replay replays a recording in place of the built-in simulator; it cannot be used with a real module/,
  );
  // The run empties --results first: the recording would be gone before it is replayed.
  assertOneLine(
    ['run', '--sim-replay', empty, '--results', empty],
    /--sim-replay \S+: the --results folder \S+ is emptied by the run/,
  );
});

test('a tag expression that selects nothing: no silent green run', () =>
  assertOneLine(['run', '--tags', '@no-such-tag'], /no scenario matches --tags "@no-such-tag"/));
test('a scenario name that matches nothing', () =>
  assertOneLine(['run', '--name', 'no such scenario xyz'], /no scenario matches --name "no such scenario xyz"/));
test('a --name that is not a regular expression, before any banner', () =>
  assertOneLine(['run', '--name', '('], /--name \(: Invalid regular expression/));
test('an unknown --format', () =>
  assertOneLine(['run', '--format', 'bogus'], /--format bogus: unknown formatter "bogus"/));
test('--junit into a folder that does not exist', () =>
  assertOneLine(
    ['run', '--junit', '/nonexistent-qmt/x.xml'],
    /--junit \/nonexistent-qmt\/x\.xml: folder \/nonexistent-qmt does not exist/,
  ));

test('--results naming the current folder, the home folder or the file system root: refused', () => {
  assertOneLine(['run', '--results', '.'], /--results \.: is the current folder/);
  assertOneLine(['run', '--results', homedir()], /is your home folder/);
  assertOneLine(['run', '--results', '/'], /is the root of the file system/);
  assertOneLine(['run', '--results', path.dirname(process.cwd())], /holds the current folder/);
});

test('--results holding a file qmt did not write: refused, and the file is left alone', () => {
  const dir = tempDir('qmt-notes-');
  writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
  assertOneLine(['run', '--results', dir], /--results \S+: holds "notes\.txt", which qmt did not write/);
  assert.equal(readFileSync(path.join(dir, 'notes.txt'), 'utf8'), 'keep me');
});

test('qmt report --out and qmt run --out holding files qmt did not write: refused', () => {
  const dir = tempDir('qmt-notes-');
  mkdirSync(path.join(dir, 'allure-results'));
  writeFileSync(path.join(dir, 'thesis.tex'), 'keep me');
  assertOneLine(['report', path.join(dir, 'allure-results'), '--out', dir], /--out \S+: holds "thesis\.tex"/);
  assertOneLine(['run', '--out', dir], /--out \S+: holds "thesis\.tex"/);
  assertOneLine(['run', '--report-dir', dir], /--report-dir \S+: holds "thesis\.tex"/);
  assert.equal(readFileSync(path.join(dir, 'thesis.tex'), 'utf8'), 'keep me');
});

test('qmt characterize --out naming a folder or a file it did not write: refused before probing', () => {
  const dir = tempDir('qmt-notes-');
  assertOneLine(['characterize', '--out', dir], /--out \S+: is a folder; name a file/);
  writeFileSync(path.join(dir, 'mine.json'), '{"mine": true}');
  assertOneLine(
    ['characterize', '--out', path.join(dir, 'mine.json')],
    /exists and was not written by qmt characterize/,
  );
});

test('--results pointing at a file: refused, and the file is left alone', () => {
  const file = path.join(tempDir('qmt-results-file-'), 'notes.txt');
  writeFileSync(file, 'keep me');
  assertOneLine(['run', '--results', file], /--results \S+notes\.txt: is a file, not a folder/);
  assert.equal(require('node:fs').readFileSync(file, 'utf8'), 'keep me');
});

test('--verbose shows the stack trace of the same mistake', () => {
  const file = path.join(tempDir('qmt-results-file-'), 'notes.txt');
  writeFileSync(file, 'x');
  const { status, output } = runQmt(['--verbose', 'run', '--results', file]);
  assert.equal(status, 2);
  assert.match(output, /is a file, not a folder/);
  assert.match(output, /^\s+at checkOutputFolder /m);
});

test('a busy port (another program holds it)', { timeout: 120_000 }, async () => {
  const sim = await startSimulator(['--pty']);
  const holder = await new Promise<SerialPort>((resolve, reject) => {
    const port = new SerialPort({ path: sim.where, baudRate: 115200 }, (error) =>
      error ? reject(error) : resolve(port),
    );
  });
  try {
    assertOneLine(
      ['run', '--port', sim.where],
      new RegExp(`--port ${sim.where}: cannot open serial port .*(lock|busy|unavailable)`, 'i'),
    );
  } finally {
    await new Promise((r) => holder.close(r));
    sim.child.kill('SIGTERM');
  }
});

test('qmt-sim --replay refuses what would shape the built-in simulator, as qmt run --sim-replay does', () => {
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'bin', 'qmt-sim.js'),
      '--tcp',
      '0',
      '--replay',
      tempDir('qmt-no-recording-'),
      '--variant',
      'EG912Y',
      '--recv-layout',
      'split',
      '--latency',
      'off',
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  assert.equal(result.status, 2, result.stderr);
  assert.match(
    result.stderr,
    /--replay answers as the recording did; --variant, --recv-layout, --latency cannot be used with it/,
  );
});
