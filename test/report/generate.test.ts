// The one slow test file: runs Allure (Java) three times (~15 s).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateReport } from '../../src/report/generate';
import { tempDir, twoVariantFolders, writeSyntheticResults } from './synthetic-results';

// Messages as Cucumber stores them (class name + stack): Allure's Java regex must agree with ours.
function trickyFolder(): string {
  return writeSyntheticResults(tempDir('tricky'), [
    {
      name: 'assertion with a port-ish stack frame',
      variant: 'EC200S',
      status: 'failed',
      specIds: ['3.3.2:set'],
      message:
        "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n'OK' !== 'ERROR'\n\n    at World.<anonymous> (/w/src/at/serial-port.ts:1:1)",
    },
    {
      name: 'non-conformance naming the broker',
      variant: 'EC200S',
      status: 'failed',
      specIds: ['3.3.3:set'],
      message: 'Error: non-conformance: the broker saw no PUBLISH\n    at World.<anonymous> (/w/steps/a.ts:1:1)',
    },
    {
      name: 'AT timeout without a byte',
      variant: 'EC200S',
      status: 'failed',
      specIds: ['3.3.4:set'],
      message:
        'Error: AT+QMTCONN timed out after 5000 ms\n(no byte received from the module)\n    at Timeout (/w/src/at/queue.ts:1:1)',
    },
    {
      name: 'skip marked by label only',
      variant: 'EC200S',
      status: 'skipped',
      specIds: ['3.3.5:set'],
      applicability: 'not applicable: no TLS',
    },
    // Skipped by its observing step: only the @reading tag and the reading label say why.
    {
      name: 'written for the other reading',
      variant: 'EC200S',
      status: 'skipped',
      specIds: ['3.3.5:set'],
      tags: ['@reading:A10=after-open'],
      readings: ['A10=after-connect'],
    },
    // src/qmt/verdict.ts prefixes: a plain Error is "broken" for allure-js, an AssertionError "failed".
    {
      name: 'CA upload refused',
      variant: 'EC200S',
      status: 'broken',
      specIds: ['3.3.6:set'],
      message:
        'Error: precondition: AT+QFUPL="ca.pem",1200 answered ERROR (broker port 8883 never reached)\n    at World.<anonymous> (/w/steps/a.ts:1:1)',
    },
    {
      name: 'declared after-open, saw after-connect',
      variant: 'EC200S',
      status: 'failed',
      specIds: ['3.3.7:set'],
      message:
        'AssertionError [ERR_ASSERTION]: profile deviation: reading A10 declared after-open, observed after-connect (profile EC200S); the broker saw no CONNECT',
    },
    {
      name: 'Alibaba signature',
      variant: 'EC200S',
      status: 'failed',
      specIds: ['3.3.8:set'],
      tags: ['@interoperability'],
      message:
        'AssertionError [ERR_ASSERTION]: interoperability: the broker refused the aliauth CONNECT (bad signature)',
    },
    {
      name: 'answer never finished',
      variant: 'EC200S',
      status: 'broken',
      specIds: ['3.3.1:qmtping:query'],
      message:
        'AtTimeoutError: AT+QMTCFG="qmtping",0: no final result within 1689 ms (95 bytes received)\n    at Object.callback (/w/src/at/at-client.ts:115:35)',
    },
    {
      name: 'rig lost mid-way, as a failed assertion',
      variant: 'EC200S',
      status: 'failed',
      specIds: ['3.3.9:set'],
      message: 'AssertionError [ERR_ASSERTION]: rig: ser2net closed the connection',
    },
  ]);
}

interface TreeNode {
  name: string;
  uid?: string;
  status?: string;
  children?: TreeNode[];
}

const leaves = (n: TreeNode): TreeNode[] => (n.children ? n.children.flatMap(leaves) : [n]);
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

test(
  'merges two variant folders into one report, a single file, categories and carried history',
  { timeout: 90_000 },
  async () => {
    const { ec200t, eg912y } = twoVariantFolders();
    const out = tempDir('generate');

    const tricky = trickyFolder();
    const first = await generateReport({ resultsDirs: [ec200t, eg912y, tricky], outDir: out });
    assert.ok(statSync(first.reportIndex).isFile());
    assert.equal(first.historyCarried, false);
    assert.equal(first.results, 17);
    assert.ok(first.singleFile && statSync(first.singleFile).size > 100_000, 'single file embeds the whole report');
    assert.match(readFileSync(first.singleFile, 'utf8'), /<html/i);

    // Same scenario names in several variants must stay separate tests, not collapse into retries.
    const suites = readJson(join(first.reportDir, 'data', 'suites.json')) as TreeNode;
    assert.deepEqual(suites.children?.map((c) => c.name).sort(), ['EC200S', 'EC200T', 'EG912Y']);
    assert.equal(leaves(suites).length, 17);

    // Allure's own (Java) evaluation of categories.json.
    const categories = readJson(join(first.reportDir, 'data', 'categories.json')) as TreeNode;
    const byName = Object.fromEntries((categories.children ?? []).map((c) => [c.name, leaves(c).map((l) => l.name)]));
    assert.deepEqual(byName['Module non-conformance'].sort(), [
      'answer never finished',
      'assertion with a port-ish stack frame',
      'non-conformance naming the broker',
      'version 4 is accepted',
    ]);
    assert.deepEqual(byName['Not judged: harness or rig trouble'].sort(), [
      'AT timeout without a byte',
      'rig lost mid-way, as a failed assertion',
      'version 4 is accepted',
    ]);
    assert.deepEqual(byName['Not judged: precondition outside the application note'], ['CA upload refused']);
    assert.deepEqual(byName['Deviation from the declared profile'], ['declared after-open, saw after-connect']);
    assert.deepEqual(byName['Interoperability beyond the application note'], ['Alibaba signature']);
    assert.deepEqual(byName['Not applicable'].sort(), [
      'keepalive query',
      'skip marked by label only',
      'written for the other reading',
    ]);
    // Each result sits in exactly one category (Allure files a result under every one that matches).
    const filed = (categories.children ?? []).flatMap((c) => leaves(c).map((l) => l.uid));
    assert.equal(filed.length, new Set(filed).size, 'a result filed in two categories');
    assert.equal(filed.length, 13, 'every failed, broken and not-applicable result is filed');
    // Not judged shows as broken in the report, whatever the error type; the module's fault as failed.
    const statusOf = (name: string) => leaves(suites).find((l) => l.name === name)?.status;
    assert.equal(statusOf('rig lost mid-way, as a failed assertion'), 'broken');
    assert.equal(statusOf('CA upload refused'), 'broken');
    assert.equal(statusOf('declared after-open, saw after-connect'), 'failed');
    assert.equal(statusOf('Alibaba signature'), 'failed');
    assert.equal(statusOf('answer never finished'), 'failed');

    const env = readJson(join(first.reportDir, 'widgets', 'environment.json')) as { name: string; values: string[] }[];
    assert.deepEqual(env.find((e) => e.name === 'Variant')?.values, ['EC200T, EG912Y, EC200S']);

    const second = await generateReport({ resultsDirs: [ec200t, eg912y, tricky], outDir: out, singleFile: false });
    assert.equal(second.historyCarried, true);
    assert.equal(second.singleFile, undefined);
    const trend = readJson(join(second.reportDir, 'history', 'history-trend.json')) as unknown[];
    assert.equal(trend.length, 2, 'trend shows both runs');
  },
);

test('a missing or empty results folder is named before Allure runs', async () => {
  const out = tempDir('generate-bad');
  await assert.rejects(
    generateReport({ resultsDirs: ['/nonexistent/run-7'], outDir: out }),
    /results folder not found: \/nonexistent\/run-7/,
  );
  const empty = tempDir('empty');
  await assert.rejects(generateReport({ resultsDirs: [empty], outDir: out }), /no \*-result\.json files/);
  assert.equal(existsSync(join(out, 'allure-report')), false);
});
