/**
 * A recording that holds failures, replayed in process (`qmt run --sim-replay`): the same
 * failures and the same passes. Two firmware faults whose failures the replay can only reproduce
 * by sending what the recorded module sent: +QMTRECV with <msgid> 0 for a QoS 1 / 2 message
 * (the live broker's PUBLISH has another packet identifier) and AT+QMTDISC without DISCONNECT
 * (the broker fixture sees the wire). Only the scenarios of the spec items they break (with the
 * rest of those items, which pass) are recorded, to keep `npm test` short.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordAndReplayInProcess, replayTrouble } from './replay-helpers';

const TAGS = '@spec:4.2:message or @spec:4.2:message-with-length or @spec:3.3.9:set or @spec:3.3.5:set';

test(
  'a recording made with firmware faults replays in process with the same failures',
  { timeout: 290_000 },
  async () => {
    const r = await recordAndReplayInProcess(TAGS, ['recv-msgid-zero', 'disc-sends-no-disconnect']);
    assert.equal(r.record.status, 1, `the faults make the recorded run fail: ${r.record.output}`);
    const statuses = Object.values(r.before).flat();
    assert.ok(statuses.filter((s) => s === 'failed (non-conformance)').length >= 10, JSON.stringify(r.before));
    assert.ok(statuses.filter((s) => s === 'passed').length >= 10, JSON.stringify(r.before));
    assert.deepEqual(r.after, r.before);
    assert.deepEqual(replayTrouble(r.replay.output), []);
    assert.equal(r.replay.status, 1, r.replay.output);
  },
);
