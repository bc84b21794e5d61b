/**
 * Replay of a recording that holds failures: the simulator run with two firmware faults (one on
 * the AT side, one that depends on the broker's SUBACK: +QMTSUB prints the requested QoS, not the
 * granted one) replayed by `qmt-sim --pty --replay` gives the same failures and the same passes
 * (see replay.test.ts). Faults whose failure is a wait that runs out (a DISCONNECT that never
 * comes) cost that wait in real time under replay, so they are left to the recorded run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordAndReplay } from './replay-helpers';

test(
  'a recording made with firmware faults replays over a pty with the same failures',
  { timeout: 290_000 },
  async () => {
    const tags = '@spec:3.3.6:value or @spec:3.3.1:keepalive:keep_alive_time:range';
    const r = await recordAndReplay(tags, '--pty', ['keepalive-accepts-3601', 'suback-reports-requested-qos']);
    assert.equal(r.record.status, 1, `the faults make the recorded run fail: ${r.record.output}`);
    const statuses = Object.values(r.before).flat();
    assert.ok(
      statuses.some((s) => s.startsWith('failed (non-conformance)')),
      JSON.stringify(r.before),
    );
    assert.ok(statuses.filter((s) => s === 'passed').length >= 5, JSON.stringify(r.before));
    assert.deepEqual(r.after, r.before, r.log());
    assert.equal(r.replay.status, 1, r.replay.output);
  },
);
