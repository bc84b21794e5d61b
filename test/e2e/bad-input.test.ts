/**
 * Bad user input (issue 10): each mistake gets one clear line naming what was wrong, exit code 2,
 * and no stack trace — `--verbose` shows it. (A malformed profile file is covered with --profile.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { runQmt, startSimulator, tempDir } from './helpers';

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
test('an unknown simulator +QMTRECV layout', () =>
  assertOneLine(['run', '--sim-recv-layout', 'sideways'], /--sim-recv-layout sideways: unknown layout/));

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
  assert.match(output, /^\s+at checkResultsDir /m);
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
