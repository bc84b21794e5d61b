/** The broker port taken by another process: before the run a usage error (exit 2), during the run the run stops (exit 3, one line, the scenario broken). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Server } from 'node:net';
import { tempDir, runQmt } from './helpers';
import { results, startRun, waitForResults, lastLine, listenOn, freePort } from './failing-run-helpers';

test(
  'the broker port taken before the run is a usage error; taken during the run stops it with exit 3',
  { timeout: 240_000 },
  async () => {
    const port = await freePort();
    const squatter = (await listenOn(port))!;
    const before = runQmt([
      'run',
      '--no-report',
      '--broker-port',
      String(port),
      '--results',
      path.join(tempDir('qmt-port-'), 'r'),
    ]);
    assert.equal(before.status, 2, before.output);
    assert.match(
      before.output.trim(),
      new RegExp(`^qmt: --broker-port ${port}: 127\\.0\\.0\\.1:${port} is taken by another process$`),
    );
    await new Promise((r) => squatter.close(r));

    const dir = path.join(tempDir('qmt-port-'), 'results');
    const run = startRun(['--broker-port', String(port), '--results', dir]);
    await waitForResults(dir, 3);
    // Between two scenarios the fixture lets go of the port: another process grabs it then.
    let grabbed: Server | undefined;
    while (!grabbed) grabbed = await listenOn(port);
    try {
      assert.equal(await run.exited, 3, run.output());
      assert.match(
        lastLine(run.output()),
        new RegExp(
          `^qmt: the broker fixture's port ${port} is taken by another process; .*results of the \\d+ finished scenarios are kept in `,
        ),
      );
      const broken = results(dir).filter((r) => r.status === 'broken');
      assert.equal(broken.length, 1);
      assert.match(broken[0].statusDetails?.message ?? '', /EADDRINUSE/);
    } finally {
      await new Promise((r) => grabbed!.close(r));
    }
  },
);
