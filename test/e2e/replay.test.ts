/**
 * Replay of a recorded run: the simulator's run (default field latency) recorded as Allure
 * results, replayed by `qmt-sim --replay <allure-results>` to `qmt run --port`, gives the same
 * verdict for every scenario, the rig's clean-up between scenarios included, and the wire side
 * too: the broker fixture of the replayed run sees the packets the recorded module sent.
 *
 * Why a subset and not the whole catalog: the replay runs in real time (it answers as the
 * recorded module did, when it did), and the catalog's mandated waits alone are about 18 minutes
 * (docs/benchmarks.md, figure c). The subset takes every kind of exchange the replay has to get
 * right: the rig's clean-up of clients left open, six clients at once, QoS 1 and 2 flows with
 * retransmission and DUP, SUBACK's granted QoS, DISCONNECT, incoming messages with the broker's
 * packet ids, cloud credentials derived from fresh secrets, TLS with a certificate uploaded per
 * run. The whole catalog replays the same way, in real time (README "Replay of a recorded run").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startSimulator, tempDir } from './helpers';
import { runQmtAsync } from './rig-in-a-box';

const WIRE_SUBSET = [
  '@spec:3.3.1:keepalive:query',
  '@spec:3.3.2:set',
  '@spec:3.3.8:qos2-flow',
  '@spec:3.3.8:qos1-flow',
  '@spec:3.3.6:value',
  '@spec:3.3.5:set',
  '@spec:3.3.1:aliauth:set',
  '@spec:4.2:message',
].join(' or ');

/** Scenario name → its verdicts (an outline's examples share a name) with the failure's class. */
function verdicts(resultsDir: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-result.json'))) {
    const result = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as {
      name: string;
      status: string;
      statusDetails?: { message?: string };
    };
    if (result.name.startsWith('Spec coverage')) continue; // the run's traceability result, not a scenario
    const kind = /^(?:AssertionError \[ERR_ASSERTION\]: |Error: )?([a-z -]+):/.exec(
      result.statusDetails?.message ?? '',
    );
    (out[result.name] ??= []).push(result.status === 'passed' ? 'passed' : `${result.status} (${kind?.[1] ?? '?'})`);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

async function recordAndReplay(tags: string, serve: '--tcp' | '--pty', faults: string[]) {
  const dir = tempDir('qmt-replay-');
  const recorded = path.join(dir, 'recorded');
  const fault = faults.flatMap((f) => ['--fault', f]);
  const record = await runQmtAsync(['run', '--no-report', '--tags', tags, ...fault, '--results', recorded]).done;
  const before = verdicts(recorded);
  const { child, where } = await startSimulator([serve, ...(serve === '--tcp' ? ['0'] : []), '--replay', recorded]);
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  try {
    const replayed = path.join(dir, 'replayed');
    const replay = await runQmtAsync(['run', '--port', where, '--no-report', '--tags', tags, '--results', replayed])
      .done;
    return { record, before, replay, after: verdicts(replayed), log: () => log };
  } finally {
    child.kill('SIGTERM');
  }
}

test(
  'a recorded run replays over TCP with the same verdicts, the clean-up between scenarios and the broker side included',
  { timeout: 600_000 },
  async () => {
    const r = await recordAndReplay(WIRE_SUBSET, '--tcp', []);
    assert.equal(r.record.status, 0, r.record.output);
    assert.ok(
      Object.keys(r.before).length >= 35,
      `the subset holds the wire scenarios: ${Object.keys(r.before).length}`,
    );
    assert.deepEqual(r.after, r.before, r.log());
    assert.equal(r.replay.status, 0, r.replay.output);
    assert.doesNotMatch(r.log(), /diverged|not in the recording|not open/, r.log());
  },
);

test(
  'a recording made with firmware faults replays over a pty with the same failures',
  { timeout: 300_000 },
  async () => {
    // One fault on the AT side, one on the wire (AT+QMTDISC closes without DISCONNECT).
    const tags = '@spec:3.3.1:keepalive:set or @spec:3.3.1:keepalive:keep_alive_time:range or @spec:3.3.5:set';
    const r = await recordAndReplay(tags, '--pty', ['keepalive-accepts-3601', 'disc-sends-no-disconnect']);
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
