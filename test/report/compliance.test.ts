import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCompliance, type ComplianceSummary } from '../../src/report/compliance';
import { escapeHtml, renderComplianceHtml } from '../../src/report/compliance-html';
import { writeComplianceReport } from '../../src/report/compliance-report';
import { READINGS } from '../../src/variants/readings';
import { readingsFolders, tempDir, twoVariantFolders, writeSyntheticResults } from './synthetic-results';

function cell(s: ComplianceSummary, id: string, variant: string) {
  const row = s.sections.flatMap((sec) => sec.rows).find((r) => r.id === id);
  assert.ok(row, `row ${id}`);
  return row.cells[variant];
}

test('matrix: pass / fail / not judged / n/a / not run per variant across two folders', () => {
  const { ec200t, eg912y } = twoVariantFolders();
  const s = buildCompliance([ec200t, eg912y]);
  assert.deepEqual(s.variants, ['EC200T', 'EG912Y']);
  assert.equal(cell(s, '3.3.1:keepalive:set', 'EC200T').state, 'pass');
  assert.equal(cell(s, '3.3.1:keepalive:set', 'EG912Y').state, 'pass');
  assert.equal(cell(s, '3.3.1:keepalive:query', 'EC200T').state, 'pass');
  assert.equal(cell(s, '3.3.1:keepalive:query', 'EG912Y').state, 'n/a');
  assert.equal(cell(s, '3.3.1:version:set', 'EC200T').state, 'fail');
  // A lost serial port is no evidence against EG912Y: not judged, never fail.
  assert.equal(cell(s, '3.3.1:version:set', 'EG912Y').state, 'not judged');
  assert.equal(cell(s, '3.3.1:version:query', 'EG912Y').state, 'not run');
  assert.equal(cell(s, '3.3.2:set', 'EC200T').state, 'not run');
  assert.equal(s.totals.EC200T.pass, 3);
  assert.equal(s.totals.EC200T.fail, 1);
  assert.equal(s.totals.EG912Y['n/a'], 1);
  assert.equal(s.totals.EG912Y.fail, 0);
  assert.equal(s.totals.EG912Y['not judged'], 1);
  assert.equal(s.sections.flatMap((x) => x.rows).length, 190);
});

test('an item fails when any of its scenarios fails, passes only when all pass', () => {
  const dir = writeSyntheticResults(tempDir('mixed'), [
    { name: 'a', variant: 'EC600S-CN', status: 'passed', specIds: ['3.3.8:set', '3.3.9:set'] },
    {
      name: 'b',
      variant: 'EC600S-CN',
      status: 'failed',
      specIds: ['3.3.8:set'],
      message: 'non-conformance: expected OK, observed ERROR',
    },
    {
      name: 'c',
      variant: 'EC600S-CN',
      status: 'skipped',
      specIds: ['3.3.9:set'],
      message: 'not applicable: no such mode',
    },
    { name: 'd', variant: 'EC600S-CN', status: 'skipped', specIds: ['3.3.7:set'] },
    // The run hook marks the skip by label only (Before hook returning 'skipped').
    {
      name: 'e',
      variant: 'EC600S-CN',
      status: 'skipped',
      specIds: ['3.3.6:set'],
      applicability: 'not applicable: no TLS',
    },
    { name: 'f', variant: 'EC600S-CN', status: 'skipped', specIds: ['3.3.5:set'], applicability: 'variant lacks it' },
  ]);
  const s = buildCompliance([dir]);
  assert.equal(cell(s, '3.3.8:set', 'EC600S-CN').state, 'fail');
  assert.equal(cell(s, '3.3.9:set', 'EC600S-CN').state, 'pass');
  assert.equal(cell(s, '3.3.7:set', 'EC600S-CN').state, 'not run');
  assert.equal(cell(s, '3.3.6:set', 'EC600S-CN').state, 'n/a');
  assert.equal(cell(s, '3.3.5:set', 'EC600S-CN').state, 'n/a');
});

test('failing items read without Gherkin: catalog text, expected and observed', () => {
  const { ec200t, eg912y } = twoVariantFolders();
  const s = buildCompliance([ec200t, eg912y]);
  assert.equal(s.failures.length, 2);
  const [module, rig] = s.failures;
  assert.equal(module.kind, 'non-conformance');
  assert.equal(module.variant, 'EC200T');
  assert.equal(module.itemId, '3.3.1:version:set');
  assert.match(module.itemText, /configures the setting/);
  assert.equal(module.expected, "'OK'");
  assert.equal(module.observed, "'ERROR'");
  assert.equal(rig.kind, 'harness-trouble');
  assert.equal(rig.variant, 'EG912Y');
});

test('runs list module, firmware, date and harness version', () => {
  const { ec200t, eg912y } = twoVariantFolders();
  const s = buildCompliance([ec200t, eg912y]);
  const run = s.runs.find((r) => r.variant === 'EC200T');
  assert.ok(run);
  assert.equal(run.firmware, 'EC200TR01A01');
  assert.equal(run.model, 'EC200T');
  assert.equal(run.harness, '0.1.0');
  assert.equal(run.date, '2026-11-25T10:00:00.000Z');
  assert.equal(run.scenarios, 4);
});

test('unknown spec ids are listed, not dropped', () => {
  const dir = writeSyntheticResults(tempDir('typo'), [
    { name: 'typo', variant: 'EC200S', status: 'passed', specIds: ['3.3.1:keepalive:sett'] },
  ]);
  const s = buildCompliance([dir]);
  assert.deepEqual(s.unknownSpecIds, ['3.3.1:keepalive:sett']);
  assert.equal(cell(s, '3.3.1:keepalive:sett', 'EC200S').state, 'pass');
});

test('missing or empty results folder is named in the error', () => {
  assert.throws(
    () => buildCompliance(['/nonexistent/qmt-results']),
    /results folder not found: \/nonexistent\/qmt-results/,
  );
  const empty = tempDir('empty');
  assert.throws(() => buildCompliance([empty]), new RegExp(`no \\*-result.json files: ${empty}`));
});

test('HTML is self-contained, escapes text and shows variants and failures', () => {
  const { ec200t, eg912y } = twoVariantFolders();
  const html = renderComplianceHtml(buildCompliance([ec200t, eg912y]));
  assert.match(html, /<th>EC200T<\/th><th>EG912Y<\/th>/);
  assert.match(html, /3\.3\.1 AT\+QMTCFG — Configure Optional Parameters of MQTT/);
  assert.match(html, /<dt>Expected<\/dt><dd>&#39;OK&#39;<\/dd>/);
  assert.match(html, /@media print/);
  assert.doesNotMatch(html, /<link |<script|src="http/);
  assert.ok(!html.includes("'ERROR'"), 'raw quotes must be escaped');
});

test('precondition is not judged, interoperability decides no item, a deviation is its own state', () => {
  const { lenient, strict } = readingsFolders();
  const s = buildCompliance([lenient]);
  // The Alibaba scenario failed on the platform's signature only: 3.3.4:set rests on the others.
  assert.equal(cell(s, '3.3.4:set', 'EC200N-CN').state, 'pass');
  assert.equal(cell(s, '3.3.1:aliauth:set', 'EC200N-CN').state, 'not run');
  assert.equal(cell(s, '3.3.1:ssl:set', 'EC200N-CN').state, 'not judged');
  assert.deepEqual(
    s.failures.map((f) => [f.kind, f.itemId]),
    [['precondition', '3.3.1:ssl:set']],
  );
  assert.equal(s.failures[0].observed, 'AT+QFUPL="ca.pem",1200 answered ERROR');
  const [run] = s.runs;
  assert.deepEqual([run.failed, run.deviations, run.notJudged, run.interoperability], [0, 0, 1, 1]);
  assert.deepEqual(
    s.interoperability.map((r) => [r.scenario, r.outcome]),
    [
      ['Alibaba Cloud signs the CONNECT', 'interoperability'],
      ['OneNET signs the CONNECT', 'passed'],
    ],
  );
  assert.match(s.interoperability[0].expected ?? '', /refused the aliauth CONNECT: user name dev&a1/);
  assert.equal(s.interoperability[0].observed, 'dev');

  const st = buildCompliance([strict]);
  assert.equal(cell(st, '3.3.3:set', 'EC200N-CN').state, 'deviation');
  assert.equal(st.totals['EC200N-CN'].deviation, 1);
  assert.equal(st.totals['EC200N-CN'].fail, 0);
  assert.deepEqual(
    st.failures.map((f) => f.kind),
    ['profile-deviation'],
  );
});

test('a non-conformance inside an interoperability scenario still fails its item', () => {
  const dir = writeSyntheticResults(tempDir('interop-nc'), [
    {
      name: 'aliauth set refused',
      variant: 'EC200N-CN',
      status: 'failed',
      specIds: ['3.3.1:aliauth:set'],
      tags: ['@interoperability'],
      message: 'non-conformance: AT+QMTCFG="aliauth",0,"a1","d","s" answered ERROR where the spec expects OK',
    },
  ]);
  const s = buildCompliance([dir]);
  assert.equal(cell(s, '3.3.1:aliauth:set', 'EC200N-CN').state, 'fail');
  assert.deepEqual(
    s.interoperability.map((r) => r.outcome),
    ['non-conformance'],
  );
});

test("HTML: readings observed with the note's words and the flag, the interoperability section, the kinds of failure", () => {
  const { lenient, strict } = readingsFolders();
  const html = renderComplianceHtml(buildCompliance([lenient, strict]));
  assert.match(html, /<h2>Readings observed<\/h2>/);
  assert.ok(html.includes(escapeHtml(READINGS.A10.words)), "A10's words from readings.ts");
  assert.match(html, /after-open \(2\), after-connect \(1\) <span class="flagmark">⚑ two values in one run<\/span>/);
  assert.match(html, /<td>8 — deviates<\/td>/);
  assert.match(html, /default mode: no profile declared/);
  assert.match(html, /strict run: profile EC200N-CN/);
  assert.match(html, /<h2>Interoperability beyond the application note<\/h2>/);
  assert.match(html, /Alibaba Cloud signs the CONNECT<\/td><td>EC200N-CN<\/td><td class="fail">refused/);
  assert.match(html, /<h3>Deviation from the declared profile \(1\)<\/h3>/);
  assert.match(html, /<h3>Not judged: precondition outside the application note \(1\)<\/h3>/);
  assert.match(html, /\? not judged/);
  assert.match(html, /≠ deviation/);
  assert.doesNotMatch(html, /<h3>Module non-conformance/, 'nothing here is non-conformance');
});

test('a scenario its observing step skipped for another reading is not applicable, not "not run"', () => {
  const dir = writeSyntheticResults(tempDir('reading-skip'), [
    {
      name: 'set refused after open',
      variant: 'EC200N-CN',
      status: 'skipped',
      specIds: ['3.3.1:version:not-while-connected'],
      tags: ['@reading:A10=after-open'],
      readings: ['A10=after-connect'],
    },
    {
      name: 'set refused after connect',
      variant: 'EC200N-CN',
      status: 'passed',
      specIds: ['3.3.1:version:not-while-connected'],
      tags: ['@reading:A10=after-connect'],
      readings: ['A10=after-connect'],
    },
    // Skipped for another reason (a pending step) with a matching reading: still not run.
    {
      name: 'pending',
      variant: 'EC200N-CN',
      status: 'skipped',
      specIds: ['3.3.1:version:set'],
      tags: ['@reading:A10=after-connect'],
      readings: ['A10=after-connect'],
    },
  ]);
  const s = buildCompliance([dir]);
  assert.equal(cell(s, '3.3.1:version:not-while-connected', 'EC200N-CN').state, 'pass');
  assert.equal(cell(s, '3.3.1:version:not-while-connected', 'EC200N-CN').notApplicable, 1);
  assert.equal(cell(s, '3.3.1:version:set', 'EC200N-CN').state, 'not run');
});

test('without Chromium the PDF is skipped with one line saying why and how to get it', async () => {
  const { ec200t } = twoVariantFolders();
  const files = await writeComplianceReport([ec200t], tempDir('no-chromium'), {
    chromiumPath: '/nonexistent/chromium',
  });
  assert.equal(files.pdf, undefined);
  assert.equal(
    files.pdfNote,
    'PDF skipped: no Chromium at /nonexistent/chromium (apt-get install -y chromium, or bash scripts/install-system-deps.sh)',
  );
});
