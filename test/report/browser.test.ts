// Opens what a customer opens: the Allure report (served on 127.0.0.1) and the compliance
// summary, in headless Chromium. Screenshots land in <tmp>/qmt-screenshots/ for a human look: not in
// reports/, the default --out of `qmt run`, which refuses a folder holding what qmt did not write.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CHROMIUM_PATH, dumpDom, findChromium, screenshot } from '../../src/report/chromium';
import { writeComplianceReport } from '../../src/report/compliance-report';
import { generateReport } from '../../src/report/generate';
import { serveFolder } from './static-server';
import { readingsFolders, tempDir, twoVariantFolders } from './synthetic-results';

const chromium = findChromium();
const skip = chromium ? false : `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
const SHOTS = join(tmpdir(), 'qmt-screenshots');

interface TreeNode {
  name: string;
  uid?: string;
  status?: string;
  children?: TreeNode[];
}

function findLeaf(n: TreeNode, match: (n: TreeNode) => boolean): TreeNode | undefined {
  if (!n.children) return match(n) ? n : undefined;
  for (const c of n.children) {
    const hit = findLeaf(c, match);
    if (hit) return hit;
  }
  return undefined;
}

test('Allure report shows both variants and the failing scenario', { skip, timeout: 90_000 }, async () => {
  const { ec200t, eg912y } = twoVariantFolders();
  const out = tempDir('browser');
  const report = await generateReport({ resultsDirs: [ec200t, eg912y], outDir: out, singleFile: false });
  const suites = JSON.parse(readFileSync(join(report.reportDir, 'data', 'suites.json'), 'utf8')) as TreeNode;
  const failing = findLeaf(suites, (n) => n.status === 'failed' && n.name === 'version 4 is accepted');
  assert.ok(failing?.uid);

  const server = await serveFolder(report.reportDir);
  try {
    const overview = await dumpDom(chromium as string, server.url);
    assert.match(overview, /EC200T/);
    assert.match(overview, /EG912Y/);
    const detail = await dumpDom(chromium as string, `${server.url}#testresult/${failing.uid}`);
    assert.match(detail, /version 4 is accepted/);
    mkdirSync(SHOTS, { recursive: true });
    const suitesPng = await screenshot(chromium as string, `${server.url}#suites`, join(SHOTS, 'allure-suites.png'));
    assert.ok(statSync(suitesPng).size > 5_000);
    const detailPng = await screenshot(
      chromium as string,
      `${server.url}#testresult/${failing.uid}`,
      join(SHOTS, 'allure-failing-scenario.png'),
    );
    assert.ok(statSync(detailPng).size > 5_000);
  } finally {
    await server.close();
  }
});

test(
  'compliance summary renders variants and the failing item; PDF is printed',
  { skip, timeout: 60_000 },
  async () => {
    const { ec200t, eg912y } = twoVariantFolders();
    const out = tempDir('browser-compliance');
    const files = await writeComplianceReport([ec200t, eg912y], out, { chromiumPath: chromium as string });
    const dom = await dumpDom(chromium as string, files.html, 500);
    assert.match(dom, /<th>EC200T<\/th>/);
    assert.match(dom, /<th>EG912Y<\/th>/);
    assert.match(dom, /version 4 is accepted/);
    assert.match(dom, /3\.3\.1:version:set/);
    mkdirSync(SHOTS, { recursive: true });
    const png = await screenshot(chromium as string, files.html, join(SHOTS, 'compliance.png'), 500);
    assert.ok(statSync(png).size > 5_000);
    assert.ok(files.pdf, files.pdfNote);
    assert.equal(readFileSync(files.pdf).subarray(0, 5).toString(), '%PDF-');
  },
);

test(
  'compliance summary in Chromium: readings observed, interoperability section, kinds of failure; PDF is printed',
  { skip, timeout: 60_000 },
  async () => {
    const { lenient, strict } = readingsFolders();
    const out = tempDir('browser-readings');
    const files = await writeComplianceReport([lenient, strict], out, { chromiumPath: chromium as string });
    const dom = await dumpDom(chromium as string, files.html, 500);
    assert.match(dom, /<h2>Readings observed<\/h2>/);
    assert.match(dom, /⚑ two values in one run/);
    assert.match(dom, /close-stat/);
    assert.match(dom, /<h2>Interoperability beyond the application note<\/h2>/);
    assert.match(dom, /Alibaba Cloud signs the CONNECT/);
    assert.match(dom, /Deviation from the declared profile \(1\)/);
    assert.match(dom, /Not judged: precondition outside the application note \(1\)/);
    mkdirSync(SHOTS, { recursive: true });
    const png = await screenshot(chromium as string, files.html, join(SHOTS, 'compliance-readings.png'), 500);
    assert.ok(statSync(png).size > 5_000);
    assert.ok(files.pdf, files.pdfNote);
    const pdf = readFileSync(files.pdf);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    // More than the two-variant summary: the readings and interoperability tables are printed too.
    assert.ok(pdf.length > 20_000, `PDF of ${pdf.length} bytes`);
    // A page a customer signs: the note's Chinese words in a CJK font (not boxes), page numbers,
    // the verdict and the sign-off block. pdftotext: poppler-utils, scripts/install-system-deps.sh.
    const text = spawnSync('pdftotext', ['-layout', files.pdf, '-'], { encoding: 'utf8' });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /客户端主动断开/);
    assert.match(text.stdout, /page 1 of \d+/);
    const pages = Number(/page 1 of (\d+)/.exec(text.stdout)![1]);
    assert.match(text.stdout, new RegExp(`page ${pages} of ${pages}`));
    assert.match(text.stdout, /Verdict: EC200N-CN: deviates from its declared profile/);
    assert.match(text.stdout, /Tester \(name, signature, date\)/);
    assert.match(text.stdout, /Harness version/);
    const fonts = spawnSync('pdffonts', [files.pdf], { encoding: 'utf8' });
    assert.equal(fonts.status, 0, fonts.stderr);
  },
);
