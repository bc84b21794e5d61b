/**
 * Strict mode: the simulator under alternate-readings passes in default mode but fails against
 * the EC200N-CN profile, and each failure names the reading that drifted. A bad --profile is one
 * line and exit code 2.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { runQmt, tempDir } from './helpers';

const TAGS = '@sub-option:edit/timeout or @sub-option:ssl';

test(
  'alternate readings pass by default and fail against a declared profile, naming each drift',
  { timeout: 240_000 },
  () => {
    const lenient = runQmt([
      'run',
      '--no-report',
      '--tags',
      TAGS,
      '--sim-profile',
      'profiles/alternate-readings.json',
      '--results',
      path.join(tempDir('qmt-lenient-'), 'r'),
    ]);
    assert.equal(lenient.status, 0, lenient.output);
    const strict = runQmt([
      'run',
      '--no-report',
      '--tags',
      TAGS,
      '--sim-profile',
      'profiles/alternate-readings.json',
      '--profile',
      'EC200N-CN',
      '--results',
      path.join(tempDir('qmt-strict-'), 'r'),
    ]);
    assert.equal(strict.status, 1, strict.output);
    assert.match(strict.output, /profile deviation: default editMode \(A8\) declared 0, observed 1/);
    assert.match(
      strict.output,
      /profile deviation: reading ssl-query declared both-fields, observed ctx-when-enabled|profile deviation: default sslCtxIdx/,
    );
    assert.doesNotMatch(strict.output, /non-conformance:/);
  },
);

test('a bad --profile, --sim-profile or --timing-margin is one line and exit code 2', () => {
  for (const args of [
    ['--profile', 'nope'],
    ['--sim-profile', '/no/such.json'],
    ['--timing-margin', 'soon'],
  ]) {
    const run = runQmt(['run', '--no-report', ...args]);
    assert.equal(run.status, 2, run.output);
    assert.equal(run.output.trim().split('\n').length, 1, run.output);
    assert.doesNotMatch(run.output, /\n\s+at /);
  }
});
