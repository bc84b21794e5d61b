/**
 * A module that stops answering in the middle of a scenario is restarted by the rig's
 * lifecycle strategy; that scenario is reported broken with its transcript, the next one passes.
 * The simulator's at-port-hangs-once fault wedges the AT port at the first AT+QMTSUB.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { runQmt, startSimulator, tempDir } from './helpers';
import { attachmentText, scenarioResults } from './result-evidence';

// Subscribing scenarios (four today): the first to run hangs the port, every later one must pass after the restart.
const TAGS = '@spec:3.3.6:multi-topic or (@spec:3.3.6:set and @spec:3.3.6:max-response-time)';

test(
  'a module hung mid-scenario is restarted; that scenario is broken with its transcript, the next passes',
  { timeout: 120_000 },
  async () => {
    const { child, where } = await startSimulator(['--pty', '--fault', 'at-port-hangs-once']);
    try {
      const results = path.join(tempDir('qmt-hung-'), 'results');
      const run = runQmt(['run', '--port', where, '--tags', TAGS, '--results', results, '--no-report']);
      assert.equal(run.status, 1, run.output);
      const scenarios = scenarioResults(results);
      const summary = scenarios.map((s) => `${s.name}: ${s.status}`).join('\n');
      assert.ok(scenarios.length >= 2, summary);
      assert.deepEqual(
        scenarios.map((s) => s.status),
        ['broken', ...scenarios.slice(1).map(() => 'passed')],
        summary,
      );
      const [hung] = scenarios;
      assert.match(hung.statusDetails?.message ?? '', /AT\+QMTSUB.*no final result/);
      const transcript = attachmentText(results, hung, /^AT transcript/);
      assert.match(transcript ?? '(no transcript attached)', />> AT\+QMTSUB=/);
      const cleanup = attachmentText(results, hung, /^Rig clean-up$/);
      assert.match(
        cleanup ?? '(no clean-up note attached)',
        /stopped answering AT[\s\S]*restarted with AT\+CFUN=1,1: RDY after \d+ ms/,
      );
    } finally {
      child.kill('SIGTERM');
    }
  },
);
