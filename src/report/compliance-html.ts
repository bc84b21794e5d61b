// Printable, self-contained compliance summary (no external CSS/JS/fonts: it is emailed and
// printed). Failing items first: that is what a customer reads; the full matrix follows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CELL_STATES,
  type CellState,
  type ComplianceCell,
  type ComplianceFailure,
  type ComplianceSummary,
} from './compliance';
import { CATEGORY_INTEROPERABILITY, CATEGORY_OF } from './failure-classes';
import { interoperabilityText } from './interoperability';
import { observedText, type ReadingsTable } from './readings-observed';

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
:root { --pass:#1b7f3b; --fail:#b3261e; --dev:#8e3fb0; --nj:#8a6d00; --na:#6b6b6b; --notrun:#8a6d00; --line:#c9c9c9; }
* { box-sizing: border-box; }
body { font: 13px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans CJK", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color:#111; margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; border-bottom: 2px solid #333; } h3 { font-size: 14px; margin: 18px 0 6px; }
.meta { color:#444; margin-bottom: 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { background: #f0f0f0; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.section th { background: #e4e9f2; text-align: left; font-size: 13px; }
td.id { font-family: ui-monospace, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; white-space: nowrap; font-size: 12px; }
td.state { text-align: center; white-space: nowrap; font-weight: 600; width: 1%; }
.pass { color: var(--pass); } .fail { color: var(--fail); } .dev { color: var(--dev); } .nj { color: var(--nj); } .na { color: var(--na); } .notrun { color: var(--notrun); }
td.state.fail { background: #fbe9e7; } td.state.pass { background: #eaf6ee; } td.state.dev { background: #f3e8f8; } td.state.nj { background: #fbf4dc; }
tr.flag td { background: #fff3cd; } .flagmark { color: var(--fail); font-weight: 600; }
.failure { border: 1px solid var(--line); border-left: 4px solid var(--fail); padding: 8px 10px; margin: 8px 0; break-inside: avoid; page-break-inside: avoid; }
.failure.harness { border-left-color: var(--nj); } .failure.deviation { border-left-color: var(--dev); }
.failure dl { display: grid; grid-template-columns: 9em 1fr; gap: 2px 10px; margin: 6px 0 0; }
.failure dt { color:#555; } .failure dd { margin: 0; white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; font-size: 12px; }
.verdict { font-size: 15px; font-weight: 600; padding: 8px 10px; margin: 10px 0; border: 2px solid var(--line); }
.verdict.conforms { border-color: var(--pass); color: var(--pass); } .verdict.fails { border-color: var(--fail); color: var(--fail); }
.verdict.deviates { border-color: var(--dev); color: var(--dev); } .verdict.incomplete { border-color: var(--nj); color: var(--nj); }
.banner { background: #fbf4dc; border: 1px solid var(--nj); padding: 6px 10px; margin: 8px 0; font-weight: 600; }
.signoff { break-inside: avoid; page-break-inside: avoid; } .signoff td { height: 2.6em; } .signoff td.blank { width: 60%; }
.legend span { margin-right: 18px; }
.note { color:#555; font-size: 12px; }
@page { size: A4 landscape; margin: 12mm 12mm 16mm; }
@media print { body { margin: 0; } h2 { break-after: avoid; page-break-after: avoid; } }
`;

const STATE_CLASS: Record<CellState, string> = {
  pass: 'pass',
  fail: 'fail',
  deviation: 'dev',
  'not judged': 'nj',
  'n/a': 'na',
  'not run': 'notrun',
};
const STATE_TEXT: Record<CellState, string> = {
  pass: '✓ pass',
  fail: '✗ fail',
  deviation: '≠ deviation',
  'not judged': '? not judged',
  'n/a': 'n/a',
  'not run': '— not run',
};
const STATE_HEAD: Record<CellState, string> = {
  pass: 'Pass',
  fail: 'Fail',
  deviation: 'Deviation',
  'not judged': 'Not judged',
  'n/a': 'Not applicable',
  'not run': 'Not run',
};

function cellHtml(cell: ComplianceCell): string {
  const title = `${cell.scenarios} scenario(s): ${cell.passed} passed, ${cell.nonConformance} non-conformant, ${cell.profileDeviation} deviating from the declared profile, ${cell.precondition} precondition failed, ${cell.harnessTrouble} harness/rig trouble, ${cell.notApplicable} not applicable, ${cell.notRun} not run`;
  return `<td class="state ${STATE_CLASS[cell.state]}" title="${e(title)}">${STATE_TEXT[cell.state]}</td>`;
}

function modeText(mode: ComplianceSummary['runs'][number]['mode'], profile: string | undefined): string {
  if (mode === 'strict') return `strict: profile ${profile ?? '?'}`;
  if (mode === 'default') return 'default: every reading the note allows';
  return 'not recorded';
}

function runsHtml(s: ComplianceSummary): string {
  const rows = s.runs
    .map((r) => {
      const selected =
        r.selectedScenarios !== undefined && r.catalogScenarios !== undefined
          ? ` (${r.selectedScenarios} of ${r.catalogScenarios} scenarios)`
          : '';
      const notRun = `${r.notRun}${r.notRun > 0 ? ` <span class="note">(${r.outsideSelection} outside the selection, ${r.notReached} not reached)</span>` : ''}`;
      return `<tr><td>${e(r.variant)}</td><td>${e(r.model)}</td><td>${e(r.firmware)}</td><td>${e(r.date)}</td><td>${e(modeText(r.mode, r.profile))}</td><td>${e(r.selection)}${selected}${r.interrupted !== undefined ? `<br><strong class="nj">interrupted: ${e(r.interrupted)}</strong>` : ''}</td><td>${e(r.harness)}</td><td>${e(r.host)}</td><td>${e(r.rig)}</td><td>${r.scenarios}</td><td class="pass">${r.passed}</td><td class="fail">${r.failed}</td><td class="dev">${r.deviations}</td><td class="nj">${r.notJudged}</td><td>${r.interoperability}</td><td class="na">${r.notApplicable}</td><td class="notrun">${notRun}</td></tr>`;
    })
    .join('\n');
  return `<h2>Runs</h2>
<table class="runs"><thead><tr><th>Variant</th><th>Module</th><th>Firmware revision</th><th>Date (UTC)</th><th>Verdict mode</th><th>Selection</th><th>Harness</th><th>Rig host</th><th>Port</th><th>Scenarios with a result</th><th>Passed</th><th>Non-conformant</th><th>Deviating from profile</th><th>Not judged</th><th>Interoperability failed</th><th>Not applicable</th><th>Not run</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** Interrupted runs and subsets, said before anything else: the matrix below is partial. */
function scopeBanners(s: ComplianceSummary): string {
  const lines: string[] = [];
  for (const r of s.runs) {
    const where = `${r.variant} on ${r.host}`;
    if (r.interrupted !== undefined)
      lines.push(
        `interrupted: ${r.interrupted} — ${where}: ${r.notReached} selected scenario(s) not reached; their spec items read "not run"`,
      );
    if (r.outsideSelection > 0)
      lines.push(
        `subset: ${where} ran ${r.selection} (${r.selectedScenarios} of ${r.catalogScenarios} scenarios); spec items with scenarios outside it read "not run"`,
      );
  }
  return lines.map((l) => `<p class="banner">${e(l)}</p>`).join('\n');
}

function verdictHtml(s: ComplianceSummary): string {
  const lines = Object.values(s.variantVerdicts);
  const body =
    lines.length > 1 ? lines.map((v) => `<div class="${v.outcome}">${e(v.text)}</div>`).join('') : e(s.verdict.text);
  return `<div class="verdict ${s.verdict.outcome}">Verdict: ${body}</div>`;
}

/** Filled in by hand on the printed copy: who tested, and who accepts the result. */
function signOffHtml(s: ComplianceSummary): string {
  const firmware = [...new Set(s.runs.map((r) => `${r.variant} ${r.firmware}`))].join(', ');
  const harness = [...new Set(s.runs.map((r) => r.harness))].join(', ');
  const dates = [...new Set(s.runs.map((r) => r.date.slice(0, 10)))].join(', ');
  return `<h2>Sign-off</h2>
<table class="signoff"><tbody>
<tr><th>Firmware under test</th><td>${e(firmware || 'none')}</td></tr>
<tr><th>Harness version</th><td>${e(harness || 'unknown')}</td></tr>
<tr><th>Test date (UTC)</th><td>${e(dates || 'unknown')}</td></tr>
<tr><th>Verdict</th><td>${e(s.verdict.text)}</td></tr>
<tr><th>Tester (name, signature, date)</th><td class="blank"></td></tr>
<tr><th>Accepted by (name, signature, date)</th><td class="blank"></td></tr>
</tbody></table>`;
}

function totalsHtml(s: ComplianceSummary): string {
  const rows = s.variants
    .map((v) => {
      const t = s.totals[v];
      return `<tr><td>${e(v)}</td>${CELL_STATES.map((st) => `<td class="${STATE_CLASS[st]}">${t[st]}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<h2>Spec items per variant</h2>
<table class="totals"><thead><tr><th>Variant</th>${CELL_STATES.map((st) => `<th>${STATE_HEAD[st]}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

const KIND_TEXT: Record<ComplianceFailure['kind'], string> = {
  'non-conformance': 'Module non-conformance',
  'profile-deviation': 'Deviation from the declared profile — a reading the note allows, but not the one declared',
  precondition: 'Not judged: a precondition outside the application note failed — not evidence against the module',
  'harness-trouble': 'Not judged: harness or rig trouble — not evidence against the module; re-run advised',
};
const KIND_CLASS: Record<ComplianceFailure['kind'], string> = {
  'non-conformance': '',
  'profile-deviation': ' deviation',
  precondition: ' harness',
  'harness-trouble': ' harness',
};

function failureHtml(f: ComplianceFailure): string {
  return `<div class="failure${KIND_CLASS[f.kind]}">
<strong>${e(f.itemId)}</strong> — ${e(f.itemText)}
<dl>
<dt>Variant</dt><dd>${e(f.variant)} (firmware ${e(f.firmware)})</dd>
<dt>Kind</dt><dd>${KIND_TEXT[f.kind]}</dd>
${f.expected !== undefined ? `<dt>Expected</dt><dd>${e(f.expected)}</dd>` : ''}
<dt>Observed</dt><dd>${e(f.observed)}</dd>
<dt>Test</dt><dd>${e(f.scenario)}</dd>
</dl></div>`;
}

function failuresHtml(s: ComplianceSummary): string {
  if (s.failures.length === 0) return `<h2>Failing and not judged items</h2><p class="pass">No spec item failed.</p>`;
  // failures come sorted by kind (compliance.ts): one heading per kind present.
  const kinds = [...new Set(s.failures.map((f) => f.kind))];
  const groups = kinds.map((k) => {
    const group = s.failures.filter((f) => f.kind === k);
    // The Allure category names (failure-classes.ts), so the two reports read alike.
    return `<h3>${e(CATEGORY_OF[k])} (${group.length})</h3>\n${group.map(failureHtml).join('\n')}`;
  });
  const judged = s.failures.filter((f) => f.kind === 'non-conformance' || f.kind === 'profile-deviation').length;
  return `<h2>Failing and not judged items (${judged} failing, ${s.failures.length - judged} not judged)</h2>\n${groups.join('\n')}`;
}

const VERDICT_TEXT: Record<string, string> = {
  'as declared': 'as declared',
  deviates: 'deviates',
  'not declared': '— (default mode)',
  'declaration unknown': 'not recorded',
};

function readingsTableHtml(t: ReadingsTable): string {
  const mode =
    t.mode === 'strict'
      ? `strict run: profile ${t.profile ?? '?'} declares one value per reading; another value fails as a deviation`
      : t.mode === 'default'
        ? 'default mode: no profile declared; every value the note allows passes and is recorded here'
        : 'verdict mode not recorded with these results';
  const rows = t.rows
    .map((r) => {
      const flag = r.inconsistent ? ' <span class="flagmark">⚑ two values in one run</span>' : '';
      const declared =
        r.declared !== undefined ? `${e(r.declared)} — ${e(VERDICT_TEXT[r.verdict])}` : e(VERDICT_TEXT[r.verdict]);
      const cls = r.inconsistent || r.verdict === 'deviates' ? ' class="flag"' : '';
      return `<tr${cls}><td class="id">${e(r.id)}</td><td>${e(r.where)}: ${e(r.words)}</td><td>${e(r.allowed.join(' | '))}</td><td>${e(observedText(r))}${flag}</td><td>${r.observed.reduce((n, o) => n + o.scenarios, 0)}</td><td>${declared}</td></tr>`;
    })
    .join('\n');
  const missing =
    t.notObserved.length > 0 ? `<p class="note">Not observed in this run: ${e(t.notObserved.join(', '))}.</p>` : '';
  return `<h3>${e(t.variant)} — ${e(t.resultsDir)}</h3>
<p class="note">${e(mode)}.</p>
${t.rows.length === 0 ? '<p class="note">No scenario recorded a reading.</p>' : `<table class="readings"><thead><tr><th>Reading</th><th>What the note leaves open</th><th>Allowed</th><th>Observed (scenarios)</th><th>Scenarios</th><th>Declared</th></tr></thead><tbody>${rows}</tbody></table>`}
${missing}`;
}

function readingsHtml(tables: readonly ReadingsTable[]): string {
  if (tables.length === 0) return '';
  return `<h2>Readings observed</h2>
<p class="note">Where the application note allows more than one answer, the module's answer is one reading of it. Each is conformant; this table says which one the module took, so host software can rely on it.</p>
${tables.map(readingsTableHtml).join('\n')}`;
}

function interoperabilityHtml(s: ComplianceSummary): string {
  const rows = s.interoperability;
  const intro = `<p class="note">Cloud platforms' credential derivation (Alibaba "aliauth", OneNET "onenet", Huawei "hwauth"/"hwprodid"). The application note only says these settings exist (3.3.1 note 5); whether the derived CONNECT is the one the platform accepts is checked beyond the note and decides no item of the compliance matrix.</p>`;
  const heading = `<h2>${e(CATEGORY_INTEROPERABILITY)}</h2>`;
  if (rows.length === 0)
    return `${heading}\n${intro}\n<p class="note">No interoperability scenario in these results.</p>`;
  const body = rows
    .map((r) => {
      const detail =
        r.observed !== undefined
          ? `${r.expected !== undefined ? `expected ${r.expected}; ` : ''}observed ${r.observed}`
          : '';
      const cls =
        r.outcome === 'passed'
          ? 'pass'
          : r.outcome === 'interoperability' || r.outcome === 'non-conformance'
            ? 'fail'
            : 'na';
      return `<tr><td>${e(r.scenario)}</td><td>${e(r.variant)}</td><td class="${cls}">${e(interoperabilityText(r.outcome))}</td><td class="id">${e(detail)}</td></tr>`;
    })
    .join('\n');
  return `${heading}
${intro}
<table class="interop"><thead><tr><th>Scenario</th><th>Variant</th><th>Result</th><th>Detail</th></tr></thead><tbody>${body}</tbody></table>`;
}

function matrixHtml(s: ComplianceSummary): string {
  const head = `<tr><th>Item</th><th>Requirement (application note)</th>${s.variants.map((v) => `<th>${e(v)}</th>`).join('')}</tr>`;
  const body = s.sections
    .map((section) => {
      const header = `<tr class="section"><th colspan="${2 + s.variants.length}">${e(section.section)} ${e(section.title)}</th></tr>`;
      const rows = section.rows
        .map(
          (r) =>
            `<tr><td class="id">${e(r.id)}</td><td>${e(r.text)}</td>${s.variants.map((v) => cellHtml(r.cells[v])).join('')}</tr>`,
        )
        .join('\n');
      return `<tbody>${header}\n${rows}</tbody>`;
    })
    .join('\n');
  return `<h2>Compliance matrix</h2>
<p class="legend"><span class="pass">✓ pass: every test of the item ran to its end and passed (or was not applicable)</span><span class="fail">✗ fail: a test showed what the note does not allow</span><span class="dev">≠ deviation: another reading the note allows than the profile declares</span><span class="nj">? not judged: a precondition outside the note or the rig failed</span><span class="na">n/a: not applicable to the variant</span><span class="notrun">— not run: a test of the item was outside the selection, not reached, or skipped without a reason</span></p>
<table class="matrix"><thead>${head}</thead>\n${body}</table>`;
}

function coverageHtml(s: ComplianceSummary): string {
  if (!s.coverage) return '';
  const { covered, items, uncovered } = s.coverage;
  return `<p class="note">Traceability: ${covered} of ${items} spec items have scenarios in the features these runs used${uncovered.length ? ` (without: ${e(uncovered.join(', '))})` : ''}; spec-coverage.md beside this file lists them.</p>`;
}

/** The PDF's footer, beside "page N of M": what the pages belong to. */
export function pdfFooterText(s: ComplianceSummary): string {
  const runs = [...new Set(s.runs.map((r) => `${r.variant} ${r.firmware}`))].join(', ');
  return `MQTT AT compliance summary — ${runs} — generated ${s.generatedAt.slice(0, 16).replace('T', ' ')} UTC`;
}

export function renderComplianceHtml(s: ComplianceSummary): string {
  const variants = s.variants.length > 0 ? s.variants.join(', ') : 'none';
  const notes: string[] = [];
  if (s.unknownSpecIds.length > 0)
    notes.push(`Tests named spec items unknown to the catalog: ${s.unknownSpecIds.join(', ')}.`);
  if (s.unreadableFiles.length > 0)
    notes.push(`${s.unreadableFiles.length} result file(s) could not be read and were left out.`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MQTT AT compliance summary — ${e(variants)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${CSS}</style></head>
<body>
<h1>MQTT AT command conformance — compliance summary</h1>
<div class="meta">Reference: Quectel EC200x&amp;EC600x&amp;EG912Y Series MQTT Application Note. Variants: ${e(variants)}. Generated ${e(s.generatedAt)}.</div>
${notes.map((n) => `<p class="note">${e(n)}</p>`).join('\n')}
${verdictHtml(s)}
${scopeBanners(s)}
${runsHtml(s)}
${totalsHtml(s)}
${failuresHtml(s)}
${readingsHtml(s.readings)}
${interoperabilityHtml(s)}
${matrixHtml(s)}
${coverageHtml(s)}
${signOffHtml(s)}
</body></html>
`;
}

export function writeComplianceHtml(summary: ComplianceSummary, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'compliance.html');
  writeFileSync(file, renderComplianceHtml(summary));
  return file;
}
