// Printable, self-contained compliance summary (no external CSS/JS/fonts: it is emailed and
// printed). Failing items first: that is what a customer reads; the full matrix follows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellState, ComplianceCell, ComplianceFailure, ComplianceSummary } from './compliance';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;

const CSS = `
:root { --pass:#1b7f3b; --fail:#b3261e; --na:#6b6b6b; --notrun:#8a6d00; --line:#c9c9c9; }
* { box-sizing: border-box; }
body { font: 13px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color:#111; margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; border-bottom: 2px solid #333; }
.meta { color:#444; margin-bottom: 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { background: #f0f0f0; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.section th { background: #e4e9f2; text-align: left; font-size: 13px; }
td.id { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; font-size: 12px; }
td.state { text-align: center; white-space: nowrap; font-weight: 600; width: 1%; }
.pass { color: var(--pass); } .fail { color: var(--fail); } .na { color: var(--na); } .notrun { color: var(--notrun); }
td.state.fail { background: #fbe9e7; } td.state.pass { background: #eaf6ee; }
.failure { border: 1px solid var(--line); border-left: 4px solid var(--fail); padding: 8px 10px; margin: 8px 0; break-inside: avoid; page-break-inside: avoid; }
.failure.harness { border-left-color: var(--notrun); }
.failure dl { display: grid; grid-template-columns: 9em 1fr; gap: 2px 10px; margin: 6px 0 0; }
.failure dt { color:#555; } .failure dd { margin: 0; white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.legend span { margin-right: 18px; }
.note { color:#555; font-size: 12px; }
@page { size: A4 landscape; margin: 12mm; }
@media print { body { margin: 0; } h2 { break-after: avoid; page-break-after: avoid; } }
`;

const STATE_CLASS: Record<CellState, string> = { pass: 'pass', fail: 'fail', 'n/a': 'na', 'not run': 'notrun' };
const STATE_TEXT: Record<CellState, string> = { pass: '✓ pass', fail: '✗ fail', 'n/a': 'n/a', 'not run': '— not run' };

function cellHtml(cell: ComplianceCell): string {
  const mark = cell.state === 'fail' && cell.failedOnlyByHarness ? ' †' : '';
  const title = `${cell.scenarios} scenario(s): ${cell.passed} passed, ${cell.nonConformance} non-conformant, ${cell.harnessTrouble} harness/rig trouble, ${cell.notApplicable} not applicable, ${cell.notRun} not run`;
  return `<td class="state ${STATE_CLASS[cell.state]}" title="${e(title)}">${STATE_TEXT[cell.state]}${mark}</td>`;
}

function runsHtml(s: ComplianceSummary): string {
  const rows = s.runs
    .map(
      (r) =>
        `<tr><td>${e(r.variant)}</td><td>${e(r.model)}</td><td>${e(r.firmware)}</td><td>${e(r.date)}</td><td>${e(r.harness)}</td><td>${e(r.rig)}</td><td>${r.scenarios}</td><td class="pass">${r.passed}</td><td class="fail">${r.failed}</td><td class="na">${r.notApplicable}</td><td class="notrun">${r.notRun}</td></tr>`,
    )
    .join('\n');
  return `<h2>Runs</h2>
<table class="runs"><thead><tr><th>Variant</th><th>Module</th><th>Firmware revision</th><th>Date (UTC)</th><th>Harness</th><th>Rig</th><th>Scenarios</th><th>Passed</th><th>Failed</th><th>Not applicable</th><th>Not run</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function totalsHtml(s: ComplianceSummary): string {
  const rows = s.variants
    .map((v) => {
      const t = s.totals[v];
      return `<tr><td>${e(v)}</td><td class="pass">${t.pass}</td><td class="fail">${t.fail}</td><td class="na">${t['n/a']}</td><td class="notrun">${t['not run']}</td></tr>`;
    })
    .join('\n');
  return `<h2>Spec items per variant</h2>
<table class="totals"><thead><tr><th>Variant</th><th>Pass</th><th>Fail</th><th>Not applicable</th><th>Not run</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function failureHtml(f: ComplianceFailure): string {
  const harness = f.kind === 'harness-trouble';
  return `<div class="failure${harness ? ' harness' : ''}">
<strong>${e(f.itemId)}</strong> — ${e(f.itemText)}
<dl>
<dt>Variant</dt><dd>${e(f.variant)} (firmware ${e(f.firmware)})</dd>
<dt>Kind</dt><dd>${harness ? 'Harness or rig trouble — not evidence against the module; re-run advised' : 'Module non-conformance'}</dd>
${f.expected !== undefined ? `<dt>Expected</dt><dd>${e(f.expected)}</dd>` : ''}
<dt>Observed</dt><dd>${e(f.observed)}</dd>
<dt>Test</dt><dd>${e(f.scenario)}</dd>
</dl></div>`;
}

function failuresHtml(s: ComplianceSummary): string {
  if (s.failures.length === 0) return `<h2>Failing items</h2><p class="pass">No spec item failed.</p>`;
  return `<h2>Failing items (${s.failures.length})</h2>\n${s.failures.map(failureHtml).join('\n')}`;
}

function matrixHtml(s: ComplianceSummary): string {
  const head = `<tr><th>Item</th><th>Requirement (application note)</th>${s.variants.map((v) => `<th>${e(v)}</th>`).join('')}</tr>`;
  const body = s.sections
    .map((section) => {
      const header = `<tr class="section"><th colspan="${2 + s.variants.length}">${e(section.section)} ${e(section.title)}</th></tr>`;
      const rows = section.rows
        .map((r) => `<tr><td class="id">${e(r.id)}</td><td>${e(r.text)}</td>${s.variants.map((v) => cellHtml(r.cells[v])).join('')}</tr>`)
        .join('\n');
      return `<tbody>${header}\n${rows}</tbody>`;
    })
    .join('\n');
  return `<h2>Compliance matrix</h2>
<p class="legend"><span class="pass">✓ pass: every test of the item passed</span><span class="fail">✗ fail: a test of the item failed</span><span class="fail">† failure caused by harness or rig trouble only</span><span class="na">n/a: not applicable to the variant</span><span class="notrun">— not run</span></p>
<table class="matrix"><thead>${head}</thead>\n${body}</table>`;
}

export function renderComplianceHtml(s: ComplianceSummary): string {
  const variants = s.variants.length > 0 ? s.variants.join(', ') : 'none';
  const notes: string[] = [];
  if (s.unknownSpecIds.length > 0) notes.push(`Tests named spec items unknown to the catalog: ${s.unknownSpecIds.join(', ')}.`);
  if (s.unreadableFiles.length > 0) notes.push(`${s.unreadableFiles.length} result file(s) could not be read and were left out.`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MQTT AT compliance summary — ${e(variants)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${CSS}</style></head>
<body>
<h1>MQTT AT command conformance — compliance summary</h1>
<div class="meta">Reference: Quectel EC200x&amp;EC600x&amp;EG912Y Series MQTT Application Note. Variants: ${e(variants)}. Generated ${e(s.generatedAt)}.</div>
${notes.map((n) => `<p class="note">${e(n)}</p>`).join('\n')}
${runsHtml(s)}
${totalsHtml(s)}
${failuresHtml(s)}
${matrixHtml(s)}
</body></html>
`;
}

export function writeComplianceHtml(summary: ComplianceSummary, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'compliance.html');
  writeFileSync(file, renderComplianceHtml(summary));
  return file;
}
