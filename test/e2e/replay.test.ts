/**
 * Issue 12, replay: a recorded run of the simulator (with a firmware fault, so the recording
 * holds a failure) replayed by `qmt-sim --replay <allure-results>` gives the same verdicts, scenario
 * by scenario, through a real pseudo-terminal and the hardware code path of `qmt run --port`.
 * The subset is AT-only (QMTCFG "keepalive"): the replay answers the AT side as recorded and
 * sends no MQTT packets, so scenarios that check the broker cannot pass under replay (README).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runQmt, startSimulator, tempDir } from './helpers';

const TAGS =
  '(@spec:3.3.1:keepalive:query or @spec:3.3.1:keepalive:set or @spec:3.3.1:keepalive:keep_alive_time:range) and not @spec:2:keepalive and not @spec:3.3.4:set and not @slow';

function verdicts(resultsDir: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-result.json'))) {
    const result = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as {
      name: string;
      status: string;
      labels?: { name: string }[];
    };
    (out[result.name] ??= []).push(result.status);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

test(
  'qmt-sim --replay of a recorded run gives the same verdicts, the failure included',
  { timeout: 300_000 },
  async () => {
    const dir = tempDir('qmt-replay-');
    const recorded = path.join(dir, 'recorded');
    const record = runQmt([
      'run',
      '--no-report',
      '--tags',
      TAGS,
      '--fault',
      'keepalive-accepts-3601',
      '--results',
      recorded,
    ]);
    assert.equal(record.status, 1, `the fault makes the recorded run fail: ${record.output}`);
    const before = verdicts(recorded);
    const statuses = Object.values(before).flat();
    assert.ok(
      statuses.includes('failed') && statuses.filter((s) => s === 'passed').length >= 5,
      JSON.stringify(before),
    );

    const { child, where } = await startSimulator(['--pty', '--replay', recorded]);
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      const replayed = path.join(dir, 'replayed');
      const replay = runQmt(['run', '--port', where, '--no-report', '--tags', TAGS, '--results', replayed]);
      assert.equal(replay.status, 1, replay.output);
      assert.deepEqual(verdicts(replayed), before);
    } finally {
      child.kill('SIGTERM');
    }
    assert.doesNotMatch(log, /diverged/, log);
  },
);
