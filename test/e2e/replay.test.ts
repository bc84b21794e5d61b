/**
 * Replay of a recorded run over TCP, as a harness reaches hardware: the simulator's run (default
 * field latency) recorded as Allure results, replayed by `qmt-sim --replay <allure-results>` to
 * `qmt run --port`, gives the same verdict for every scenario, the rig's clean-up between
 * scenarios included, and the wire side too: the broker fixture of the replayed run sees the
 * packets the recorded module sent.
 *
 * Why a subset: over TCP the replay runs in real time (it answers as the recorded module did, when
 * it did), and the catalog's mandated waits alone are about 18 minutes (docs/benchmarks.md,
 * figure c). The whole catalog replays on the virtual clock, in process, with `qmt run
 * --sim-replay` (replay-catalog.test.ts); this file proves the real-time TCP path. The subset (22
 * scenarios, about 66 s of recorded time) takes the exchanges the replay has to get right: the
 * rig's clean-up of clients left open, six clients at once, QoS 2 flows with PUBREL
 * retransmission, SUBACK's granted QoS, DISCONNECT, incoming messages with the broker's packet
 * ids, the 5.2 example's TLS with a certificate uploaded per run. Each e2e file has 300 s
 * (scripts/run-unit-tests.js); faults over a pty: replay-faults.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordAndReplay } from './replay-helpers';

const WIRE_SUBSET = [
  '@spec:3.3.1:keepalive:query',
  '@spec:3.3.2:set',
  '@spec:3.3.8:qos2-flow',
  '@spec:3.3.6:value',
  '@spec:4.2:message',
].join(' or ');

test(
  'a recorded run replays over TCP with the same verdicts, the clean-up between scenarios and the broker side included',
  { timeout: 290_000 },
  async () => {
    const r = await recordAndReplay(WIRE_SUBSET, '--tcp', []);
    assert.equal(r.record.status, 0, r.record.output);
    assert.ok(
      Object.keys(r.before).length >= 15,
      `the subset holds the wire scenarios: ${Object.keys(r.before).length}`,
    );
    assert.deepEqual(r.after, r.before, r.log());
    assert.equal(r.replay.status, 0, r.replay.output);
    assert.doesNotMatch(r.log(), /diverged|not in the recording|not open/, r.log());
  },
);
