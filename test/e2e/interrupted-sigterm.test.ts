/** SIGTERM mid-scenario: finished results kept, the running scenario broken with its reason, the serial port and the broker port released, one line, exit 143, and `qmt report` builds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSimulator, tempDir } from './helpers';
import {
  results,
  startRun,
  waitForResults,
  lastLine,
  assertReportBuilds,
  openExclusively,
  SLOW_TAGS,
  listenOn,
  freePort,
} from './failing-run-helpers';

test(
  'SIGTERM mid-scenario: finished results kept, the running one broken, port released, report builds',
  { timeout: 240_000 },
  async () => {
    const sim = await startSimulator(['--pty']);
    try {
      const dir = path.join(tempDir('qmt-sigterm-'), 'results');
      const brokerPort = await freePort();
      const run = startRun([
        '--port',
        sim.where,
        '--results',
        dir,
        '--tags',
        SLOW_TAGS,
        '--broker-port',
        String(brokerPort),
      ]);
      await waitForResults(dir, 3);
      run.child.kill('SIGTERM');
      assert.equal(await run.exited, 143, run.output());
      assert.match(
        lastLine(run.output()),
        /^qmt: interrupted \(SIGTERM\); the running scenario \(.+\) is marked broken; results of the \d+ finished scenarios are kept in /,
      );
      const all = results(dir);
      const broken = all.filter((r) => r.status === 'broken');
      assert.equal(broken.length, 1, JSON.stringify(all.map((r) => [r.name, r.status])));
      assert.match(
        broken[0].statusDetails?.message ?? '',
        /the run stopped while this scenario ran: interrupted \(SIGTERM\)/,
      );
      assert.ok(all.filter((r) => r.status === 'passed').length >= 3);
      // Released: the serial port opens exclusively again, the broker's port can be listened on.
      await openExclusively(sim.where);
      const listener = await listenOn(brokerPort);
      assert.ok(listener, `broker port ${brokerPort} still held`);
      await new Promise((r) => listener!.close(r));
      assertReportBuilds(dir);
    } finally {
      sim.child.kill('SIGTERM');
    }
  },
);
