/**
 * The whole catalog recorded on the built-in simulator (default field latency) and replayed in
 * process on the virtual clock (`qmt run --sim-replay`): every scenario gets the verdict it was
 * recorded with, through the recording followed across the whole run, the broker side included
 * (the replay sends the recorded module's packets to each scenario's fixture). On the virtual
 * clock the replay takes about as long as the recorded run; the same over TCP in real time is
 * test/e2e/replay.test.ts (a subset: the catalog's waits alone are about 18 minutes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordAndReplayInProcess, replayTrouble } from './replay-helpers';

test(
  'the whole recorded catalog replays in process with the verdict of every scenario',
  { timeout: 290_000 },
  async () => {
    const r = await recordAndReplayInProcess(undefined, []);
    assert.equal(r.record.status, 0, r.record.output);
    const statuses = Object.values(r.before).flat();
    assert.ok(statuses.length >= 400, `the whole catalog was recorded: ${statuses.length} results`);
    assert.ok(
      statuses.some((s) => s.startsWith('skipped')),
      'the recording holds not-applicable scenarios too',
    );
    assert.deepEqual(r.after, r.before);
    assert.deepEqual(replayTrouble(r.replay.output), []);
    assert.equal(r.replay.status, 0, r.replay.output);
  },
);
