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
      message: "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n'OK' !== 'ERROR'\n\n    at World.<anonymous> (/w/src/at/serial-port.ts:1:1)",
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
      message: 'Error: AT+QMTCONN timed out after 5000 ms\n(no byte received from the module)\n    at Timeout (/w/src/at/queue.ts:1:1)',
    },
    { name: 'skip marked by label only', variant: 'EC200S', status: 'skipped', specIds: ['3.3.5:set'], applicability: 'not applicable: no TLS' },
  ]);
}

interface TreeNode {
  name: string;
  status?: string;
  children?: TreeNode[];
}

const leaves = (n: TreeNode): TreeNode[] => (n.children ? n.children.flatMap(leaves) : [n]);
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

test('merges two variant folders into one report, a single file, categories and carried history', { timeout: 90_000 }, async () => {
  const { ec200t, eg912y } = twoVariantFolders();
  const out = tempDir('generate');

  const tricky = trickyFolder();
  const first = await generateReport({ resultsDirs: [ec200t, eg912y, tricky], outDir: out });
  assert.ok(statSync(first.reportIndex).isFile());
  assert.equal(first.historyCarried, false);
  assert.equal(first.results, 11);
  assert.ok(first.singleFile && statSync(first.singleFile).size > 100_000, 'single file embeds the whole report');
  assert.match(readFileSync(first.singleFile, 'utf8'), /<html/i);

  // Same scenario names in several variants must stay separate tests, not collapse into retries.
  const suites = readJson(join(first.reportDir, 'data', 'suites.json')) as TreeNode;
  assert.deepEqual(suites.children?.map((c) => c.name).sort(), ['EC200S', 'EC200T', 'EG912Y']);
  assert.equal(leaves(suites).length, 11);

  // Allure's own (Java) evaluation of categories.json.
  const categories = readJson(join(first.reportDir, 'data', 'categories.json')) as TreeNode;
  const byName = Object.fromEntries((categories.children ?? []).map((c) => [c.name, leaves(c).map((l) => l.name)]));
  assert.deepEqual(byName['Module non-conformance'].sort(), [
    'assertion with a port-ish stack frame',
    'non-conformance naming the broker',
    'version 4 is accepted',
  ]);
  assert.deepEqual(byName['Harness or rig trouble'].sort(), ['AT timeout without a byte', 'version 4 is accepted']);
  assert.deepEqual(byName['Not applicable'].sort(), ['keepalive query', 'skip marked by label only']);

  const env = readJson(join(first.reportDir, 'widgets', 'environment.json')) as { name: string; values: string[] }[];
  assert.deepEqual(env.find((e) => e.name === 'Variant')?.values, ['EC200T, EG912Y, EC200S']);

  const second = await generateReport({ resultsDirs: [ec200t, eg912y, tricky], outDir: out, singleFile: false });
  assert.equal(second.historyCarried, true);
  assert.equal(second.singleFile, undefined);
  const trend = readJson(join(second.reportDir, 'history', 'history-trend.json')) as unknown[];
  assert.equal(trend.length, 2, 'trend shows both runs');
});

test('a missing or empty results folder is named before Allure runs', async () => {
  const out = tempDir('generate-bad');
  await assert.rejects(generateReport({ resultsDirs: ['/nonexistent/run-7'], outDir: out }), /results folder not found: \/nonexistent\/run-7/);
  const empty = tempDir('empty');
  await assert.rejects(generateReport({ resultsDirs: [empty], outDir: out }), /no \*-result\.json files/);
  assert.equal(existsSync(join(out, 'allure-report')), false);
});
