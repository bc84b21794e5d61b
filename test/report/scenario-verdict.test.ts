// One verdict per scenario: an Allure result with skipped steps and nothing worse is skipped, with
// the reason; the coverage matrix is no scenario; a subset or a cut run never passes an item.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildCompliance, type ComplianceSummary } from '../../src/report/compliance';
import { renderComplianceHtml } from '../../src/report/compliance-html';
import { readResultsFolder } from '../../src/report/read-results';
import { RUN_SCOPE_FILE, type RunScope } from '../../src/report/run-scope';
import { applyScenarioVerdict } from '../../src/report/scenario-verdict';
import { tempDir, writeSyntheticResults } from './synthetic-results';

const tags = (...t: string[]) => t.map((value) => ({ name: 'tag', value }));

test('passed steps then a skipped one: skipped, the reading tag and the observed reading named', () => {
  const result = {
    status: 'passed',
    labels: [...tags('@spec:3.3.4:result=1', '@reading:A3=retransmit'), { name: 'reading', value: 'A3=excep1' }],
    steps: [{ status: 'passed' }, { status: 'passed' }, { status: 'skipped' }, { status: 'skipped' }],
  };
  applyScenarioVerdict(result);
  assert.equal(result.status, 'skipped');
  const why = 'not applicable: the module reads A3 as "excep1", this scenario checks "retransmit"';
  assert.deepEqual((result as { statusDetails?: unknown }).statusDetails, { message: why });
  assert.deepEqual(result.labels.at(-1), { name: 'applicability', value: why });
});

test('a skip with no reason recorded is still no pass, and is not called not applicable', () => {
  const result = { status: 'passed', labels: [], steps: [{ status: 'passed' }, { status: 'skipped' }] };
  applyScenarioVerdict(result);
  assert.equal(result.status, 'skipped');
  assert.match((result as { statusDetails?: { message: string } }).statusDetails!.message, /^not run: /);
});

test('passed, failed and fully skipped results keep their status; attachment wrappers have none', () => {
  for (const [status, steps] of [
    ['passed', [{ status: 'passed' }, {}]],
    ['failed', [{ status: 'passed' }, { status: 'failed' }, { status: 'skipped' }]],
    ['skipped', [{ status: 'skipped' }]],
  ] as const) {
    const result = { status, labels: [], steps: [...steps] };
    applyScenarioVerdict(result);
    assert.equal(result.status, status);
  }
});

test('results written before the fix read as skipped; an old coverage-matrix result is no scenario', () => {
  const dir = writeSyntheticResults(tempDir('old-results'), [
    {
      name: 'resends CONNECT',
      variant: 'EC200N-CN',
      status: 'passed',
      specIds: ['3.3.4:result=1'],
      tags: ['@reading:A3=retransmit'],
      readings: ['A3=excep1'],
    },
  ]);
  // The steps an old allure-cucumberjs result held: passed ones, then the skipped rest.
  const folder = readResultsFolder(dir);
  const file = folder.scenarios[0].file;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...raw, steps: [{ status: 'passed' }, { status: 'skipped' }] }));
  writeFileSync(
    join(dir, 'c0ffee-result.json'),
    JSON.stringify({ fullName: 'traceability#spec-coverage-matrix', name: 'Spec coverage matrix', status: 'passed' }),
  );
  const s = buildCompliance([dir]);
  assert.equal(s.runs[0].scenarios, 1);
  assert.equal(s.runs[0].passed, 0);
  assert.equal(s.runs[0].notApplicable, 1);
  const row = s.sections.flatMap((x) => x.rows).find((r) => r.id === '3.3.4:result=1')!;
  assert.equal(row.cells['EC200N-CN'].state, 'n/a');
});

function scoped(scope: Partial<RunScope>, passedItems: string[]): ComplianceSummary {
  const dir = writeSyntheticResults(
    tempDir('scope'),
    passedItems.map((id, n) => ({ name: `s${n}`, variant: 'EC200N-CN', status: 'passed', specIds: [id] })),
  );
  writeFileSync(join(dir, RUN_SCOPE_FILE), JSON.stringify(scope));
  return buildCompliance([dir]);
}

const catalog = [
  { fullName: 'a', specIds: ['3.3.1:version:set'], selected: true },
  { fullName: 'b', specIds: ['3.3.1:version:set'], selected: true },
  { fullName: 'c', specIds: ['3.3.1:version:query'], selected: false },
];

test('an interrupted run: its unreached scenarios leave their item "not run", the banner and verdict say why', () => {
  const s = scoped(
    {
      selection: { names: [], includeSlow: false },
      host: 'rig7',
      catalog,
      interrupted: 'interrupted (SIGINT)',
    },
    ['3.3.1:version:set'],
  );
  const row = (id: string) => s.sections.flatMap((x) => x.rows).find((r) => r.id === id)!.cells['EC200N-CN'];
  assert.equal(row('3.3.1:version:set').state, 'not run', 'one of its two scenarios was not reached');
  assert.equal(row('3.3.1:version:set').notRun, 1);
  assert.equal(row('3.3.1:version:query').state, 'not run');
  const [r] = s.runs;
  assert.deepEqual(
    {
      interrupted: r.interrupted,
      notReached: r.notReached,
      outside: r.outsideSelection,
      notRun: r.notRun,
      host: r.host,
    },
    { interrupted: 'SIGINT', notReached: 1, outside: 1, notRun: 2, host: 'rig7' },
  );
  assert.equal(s.verdict.outcome, 'incomplete');
  assert.match(s.verdict.text, /interrupted: SIGINT/);
  const html = renderComplianceHtml(s);
  assert.match(html, /class="banner">interrupted: SIGINT — EC200N-CN on rig7: 1 selected scenario\(s\) not reached/);
  assert.match(html, /<h2>Sign-off<\/h2>/);
});

test('every scenario of an item ran and passed: pass; items with no result keep the verdict incomplete', () => {
  const s = scoped(
    {
      selection: { names: [], includeSlow: false },
      host: 'rig7',
      catalog: catalog.map((c) => ({ ...c, selected: true })),
    },
    ['3.3.1:version:set', '3.3.1:version:set', '3.3.1:version:query'],
  );
  const row = s.sections.flatMap((x) => x.rows).find((r) => r.id === '3.3.1:version:set')!;
  assert.equal(row.cells['EC200N-CN'].state, 'pass');
  assert.equal(s.runs[0].notRun, 0);
  // Most catalog items have no result in this tiny run: not run, so the verdict is incomplete.
  assert.equal(s.verdict.outcome, 'incomplete');
});
