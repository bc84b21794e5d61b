/** The module's PTY closed under a run: exit 3, one line, the scenario that met it written as broken with the reason, the finished results kept. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSimulator, tempDir } from './helpers';
import { results, startRun, waitForResults, lastLine, SLOW_TAGS } from './failing-run-helpers';

test(
  "the module's PTY closed under the run: exit 3, one line, the scenario that met it broken",
  { timeout: 240_000 },
  async () => {
    const sim = await startSimulator(['--pty']);
    const dir = path.join(tempDir('qmt-unplug-'), 'results');
    const run = startRun(['--port', sim.where, '--results', dir, '--tags', SLOW_TAGS]);
    await waitForResults(dir, 3);
    // The far end goes away: the simulator and its pty bridge end, as when a USB cable is pulled.
    sim.child.kill('SIGTERM');
    assert.equal(await run.exited, 3, run.output());
    assert.match(
      lastLine(run.output()),
      /^qmt: the module's port \/dev\/\S+ @115200 closed \(unplugged, or the far end went away\); .*results of the \d+ finished scenarios are kept in /,
    );
    const all = results(dir);
    // The scenario running when the port went, and, if the loss came during the clean-up of the one
    // before it (its After hook met the closed port, so Cucumber failed it), that one too.
    const broken = all.filter((r) => r.status === 'broken');
    assert.ok(broken.length === 1 || broken.length === 2, JSON.stringify(all.map((r) => [r.name, r.status])));
    for (const result of broken) {
      assert.match(
        result.statusDetails?.message ?? '',
        // A write that meets the vanished pty may fail with EIO before the close is seen.
        /rig: \/dev\/\S+ @115200 (closed|is gone)|port \/dev\/\S+ @115200 closed|rig: module lost during this scenario: the link went away|write failed: serial port \/dev\/\S+ is gone: /,
      );
    }
    assert.ok(all.length >= 4);
  },
);
