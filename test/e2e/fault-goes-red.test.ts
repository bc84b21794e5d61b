/**
 * A scenario goes red when the module misbehaves: the CONNECT scenarios pass against the healthy
 * simulator and fail when its firmware drops the keep-alive from CONNECT.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { resultStatuses, runQmt, tempDir } from './helpers';

const TAGS = '@spec:3.3.1:keepalive:set and @spec:3.3.4:set';

test(
  'the CONNECT keep-alive scenario passes on a healthy module and fails with the connect-keepalive-zero fault',
  { timeout: 240_000 },
  () => {
    const healthy = path.join(tempDir('qmt-healthy-'), 'results');
    const good = runQmt(['run', '--tags', TAGS, '--results', healthy, '--no-report']);
    assert.equal(good.status, 0, good.output);
    assert.ok(resultStatuses(healthy).length >= 1);

    const faulty = path.join(tempDir('qmt-faulty-'), 'results');
    const bad = runQmt([
      'run',
      '--tags',
      TAGS,
      '--results',
      faulty,
      '--no-report',
      '--fault',
      'connect-keepalive-zero',
    ]);
    assert.equal(bad.status, 1, bad.output);
    assert.ok(resultStatuses(faulty).includes('failed'));
    assert.match(bad.output, /keep-alive: expected 60, got 0/);
  },
);

// The echo check runs in an After hook, which allure-cucumberjs files as a teardown fixture and
// would leave the scenario "passed" (src/report/fold-teardown-failures.ts).
test(
  'a module that keeps echoing after ATE0 fails in the Allure results too, as non-conformance',
  { timeout: 240_000 },
  () => {
    const results = path.join(tempDir('qmt-echo-'), 'results');
    const run = runQmt([
      'run',
      '--tags',
      '@spec:3.3.7:set',
      '--results',
      results,
      '--no-report',
      '--fault',
      'echo-stuck-on',
    ]);
    assert.equal(run.status, 1, run.output);
    const statuses = resultStatuses(results);
    assert.ok(statuses.filter((s) => s === 'failed').length >= 1, statuses.join(', '));
    assert.equal(statuses.filter((s) => s === 'passed').length, 0, 'no scenario passes');
  },
);
