/**
 * Three simulated modules on three pseudo-terminals (three variants) plus
 * one over tcp://, found by `qmt run --port auto`, run in parallel in real time, one worker per
 * module; the results show the four variants side by side. The tcp:// simulator is killed in
 * the middle of its second scenario: the other three stay green, and the lost module's
 * in-progress scenario is broken with its transcript.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './helpers';
import { attachmentText, scenarioResults } from './result-evidence';
import { runQmtAsync, startBox } from './rig-in-a-box';

// The 5.1 example (a few seconds), then a scenario that waits 25 s in real time: the kill lands in it.
const TAGS = '@spec:5.1 or (@spec:2:retransmission and @spec:3.3.8:result=0 and not @spec:3.3.8:result=1)';

const slug = (where: string) =>
  where
    .replace(/^\/+/, '')
    .replace(/:\/\//, '-')
    .replace(/[^A-Za-z0-9._-]+/g, '-');

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test(
  '--port auto runs 3 pty + 1 tcp modules in parallel; killing one leaves the others green',
  { timeout: 180_000 },
  async () => {
    const box = await startBox(['--pty', '--count', '3'], 3);
    const lone = await startBox(['--tcp', '0', '--variant', 'EC600N-CN'], 1);
    try {
      const ptys = box.modules.map((m) => m.where);
      const tcp = lone.modules[0].where;
      const results = path.join(tempDir('qmt-rigs-'), 'results');
      const run = runQmtAsync(['run', '--port', 'auto', '--tags', TAGS, '--results', results, '--no-report'], {
        QMT_RIG_PORTS: [...ptys, tcp].join(','),
      });
      const tcpResults = path.join(results, slug(tcp));
      // The tcp module's first scenario is on disk: it is now in its 25 s scenario. Pull the plug
      // once its AT+QMTPUBEX is out: the set-up before it (AT+QMTOPEN, AT+QMTCONN) is quick with
      // the box's --latency off (it would take up to 2.7 s with the field latency).
      await until(
        () => existsSync(tcpResults) && scenarioResults(tcpResults).length >= 1,
        150_000,
        'the tcp module to finish its first scenario',
      );
      await new Promise((r) => setTimeout(r, 8_000));
      lone.child.kill('SIGKILL');
      const { status, output } = await run.done;
      assert.equal(status, 1, output);

      const variants = new Set<string>();
      for (const where of ptys) {
        const dir = path.join(results, slug(where));
        const scenarios = scenarioResults(dir);
        assert.equal(scenarios.length, 2, `${where}: ${readdirSync(dir).join(', ')}`);
        assert.deepEqual(
          scenarios.map((s) => s.status),
          ['passed', 'passed'],
          `${where}: ${scenarios.map((s) => `${s.name}: ${s.status} ${s.statusDetails?.message ?? ''}`).join('\n')}`,
        );
        scenarios.forEach((s) => variants.add(s.labels?.find((l) => l.name === 'parentSuite')?.value ?? '?'));
      }
      const lost = scenarioResults(tcpResults);
      lost.forEach((s) => variants.add(s.labels?.find((l) => l.name === 'parentSuite')?.value ?? '?'));
      assert.deepEqual(
        [...variants].sort(),
        [...box.modules.map((m) => m.variant), 'EC600N-CN'].sort(),
        'the report groups by variant: four variants side by side',
      );
      assert.deepEqual(
        lost.map((s) => s.status),
        ['passed', 'broken'],
        lost.map((s) => `${s.name}: ${s.status}`).join('\n'),
      );
      assert.match(lost[1].statusDetails?.message ?? '', /rig: .*(closed|lost)/);
      assert.match(attachmentText(tcpResults, lost[1], /^AT transcript/) ?? '(no transcript)', />> AT\+QMTPUBEX=/);
    } finally {
      box.child.kill('SIGTERM');
      lone.child.kill('SIGKILL');
    }
  },
);
