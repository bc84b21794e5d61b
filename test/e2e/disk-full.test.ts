/** The disk full while results are written (simulated by a preload): exit 3, one line, the results written so far kept, and `qmt report` builds from them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, tempDir } from './helpers';
import { results, startRun, lastLine, assertReportBuilds } from './failing-run-helpers';

test(
  'the disk full while results are written: exit 3, one line, the results written so far make a report',
  { timeout: 240_000 },
  async () => {
    const dir = path.join(tempDir('qmt-disk-'), 'results');
    const run = startRun(['--results', dir], {
      NODE_OPTIONS: `--require ${path.join(ROOT, 'test', 'e2e', 'fixtures', 'disk-full.js')}`,
      QMT_TEST_DISK_FULL_DIR: dir,
      QMT_TEST_DISK_FULL_AFTER: '5',
    });
    assert.equal(await run.exited, 3, run.output());
    assert.match(
      lastLine(run.output()),
      /^qmt: cannot write results in \S+: no space left on device \(ENOSPC\); .*results of the 5 finished scenarios are kept in /,
    );
    assert.equal(results(dir).length, 5);
    assertReportBuilds(dir);
  },
);
