/**
 * One verdict per scenario, everywhere: for a tag subset and for a run stopped by SIGINT,
 * Cucumber (its messages, as the run recorded them), the Allure results and the compliance
 * summary count the same passed / failed / broken / not applicable / not run. A scenario whose
 * decisive steps were skipped (its @reading tag is not the module's reading) is skipped in
 * Allure, with the reason, and not applicable in the summary; its spec items are never "pass".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkAgreement, formatCounts } from '../../src/report/agreement';
import { buildCompliance, type ComplianceSummary } from '../../src/report/compliance';
import { renderComplianceHtml } from '../../src/report/compliance-html';
import { results, startRun, waitForResults } from './failing-run-helpers';
import { ROOT, runQmt, tempDir } from './helpers';

/** The scenarios of spec 3.3.4 result codes: two of them check A3 "retransmit", which EC200N-CN does not take. */
const SUBSET = '@spec:3.3.4:result=0 or @spec:3.3.4:result=1 or @spec:3.3.4:result=2';

function agreementScript(resultsDir: string, compliance?: string): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'scripts', 'check-report-agreement.js'),
      resultsDir,
      ...(compliance ? ['--compliance', compliance] : []),
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

test(
  'a tag subset: the three outputs agree, a not-applicable scenario is skipped in Allure and n/a in the summary',
  { timeout: 300_000 },
  () => {
    const work = tempDir('qmt-agree-subset-');
    const res = path.join(work, 'results');
    const run = runQmt(['run', '--tags', SUBSET, '--results', res, '--no-report']);
    assert.equal(run.status, 0, run.output);
    const out = path.join(work, 'report');
    const report = runQmt(['report', res, '--out', out, '--no-pdf', '--no-single-file']);
    assert.equal(report.status, 0, report.output);
    assert.doesNotMatch(report.output, /failing item/);
    assert.match(report.output, /Verdict: +EC200N-CN: incomplete/);

    const agreement = agreementScript(res, path.join(out, 'compliance.json'));
    assert.equal(agreement.status, 0, agreement.output);
    assert.match(
      agreement.output,
      /agree: \d+ passed, 0 failed, 0 broken, [1-9]\d* skipped \(not applicable\), [1-9]\d* not run/,
    );

    // Allure: skipped, with the tag's reading and the one observed.
    const retransmit = results(res).filter(
      (r) => r.name === 'Without CONNACK the module resends CONNECT and reports +QMTCONN: 0,1,1',
    );
    assert.equal(retransmit.length, 1);
    const raw = retransmit[0] as unknown as { status: string; labels: { name: string; value: string }[] };
    assert.equal(raw.status, 'skipped');
    const why = raw.labels.find((l) => l.name === 'applicability')?.value ?? '';
    assert.match(why, /^not applicable: the module reads A3 as "excep1", this scenario checks "retransmit"$/);
    assert.ok(!results(res).some((r) => r.name.startsWith('Spec coverage')), 'the coverage matrix is no result');

    // The summary: n/a, never pass; the subset and everything outside it said so.
    const summary = JSON.parse(readFileSync(path.join(out, 'compliance.json'), 'utf8')) as ComplianceSummary;
    const cell = (id: string) =>
      summary.sections.flatMap((s) => s.rows).find((r) => r.id === id)!.cells['EC200N-CN'].state;
    assert.equal(cell('3.3.4:result=1'), 'n/a');
    assert.equal(cell('3.3.4:result=2'), 'n/a');
    assert.equal(cell('3.3.1:version:set'), 'not run');
    const [r] = summary.runs;
    assert.ok(r.notApplicable >= 2, JSON.stringify(r));
    assert.equal(r.selection, `tags ${SUBSET}`);
    assert.equal(r.notRun, r.outsideSelection);
    assert.equal(r.scenarios + r.outsideSelection, r.catalogScenarios);
    const html = readFileSync(path.join(out, 'compliance.html'), 'utf8');
    assert.match(html, /class="banner">subset: EC200N-CN on \S+ ran tags/);
  },
);

test(
  'a run stopped by SIGINT: the three outputs agree and the summary says it was interrupted',
  { timeout: 300_000 },
  async () => {
    const res = path.join(tempDir('qmt-agree-sigint-'), 'results');
    const run = startRun(['--results', res]);
    await waitForResults(res, 8);
    run.child.kill('SIGINT');
    assert.equal(await run.exited, 130, run.output());

    const agreement = checkAgreement(res);
    assert.deepEqual(agreement.differences, [], formatCounts(agreement.cucumber));
    assert.ok(agreement.cucumber.notRun > 0, formatCounts(agreement.cucumber));
    const script = agreementScript(res);
    assert.equal(script.status, 0, script.output);

    const summary = buildCompliance([res]);
    const [r] = summary.runs;
    assert.equal(r.interrupted, 'SIGINT');
    assert.ok(r.notReached > 0, JSON.stringify(r));
    assert.equal(r.outsideSelection, 0);
    assert.equal(summary.verdict.outcome, 'incomplete');
    assert.match(summary.verdict.text, /interrupted: SIGINT/);
    assert.match(renderComplianceHtml(summary), /class="banner">interrupted: SIGINT — EC200N-CN on /);
  },
);
