/**
 * A simulator in its own process: `qmt-sim --pty` (or `--tcp`) in one process and `qmt run --port <that>` in
 * another pass the same scenarios as the built-in run — through serialport and a real
 * pseudo-terminal, or raw TCP as ser2net would expose a rig port.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { resultStatuses, runQmt, startSimulator, tempDir } from './helpers';

// The chapter 5.1 flow (QMTCFG, OPEN, CONN, SUB, RECV, UNS, PUBEX, DISC) plus the keep-alive range checks (no long real-time waits).
const TAGS = '(@spec:5.1 or @spec:3.3.1:keepalive:keep_alive_time:range) and not @reboot';

for (const how of ['--pty', '--tcp'] as const) {
  test(`the suite passes against a standalone simulator reached with ${how}`, { timeout: 240_000 }, async () => {
    const { child, where } = await startSimulator(how === '--pty' ? ['--pty'] : ['--tcp', '0']);
    try {
      if (how === '--pty') assert.match(where, /^\/dev\/pts\/\d+$/);
      else assert.match(where, /^tcp:\/\/127\.0\.0\.1:\d+$/);
      const results = path.join(tempDir('qmt-e2e-'), 'results');
      const run = runQmt(['run', '--port', where, '--tags', TAGS, '--results', results, '--no-report']);
      assert.equal(run.status, 0, run.output);
      const statuses = resultStatuses(results);
      assert.ok(statuses.length >= 5, `expected several scenarios, got ${statuses.length}`);
      assert.deepEqual([...new Set(statuses)], ['passed']);
    } finally {
      child.kill('SIGTERM');
    }
  });
}
