// Compliance summary: which spec items each variant meets, built from one or more results
// folders (several runs / variants / rigs). Rows are spec items (catalog text, grouped by
// section), columns are variants.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { variantNames } from '../variants/catalog';
import { describeFailure } from './failure-text';
import { readResultsFolder, type ScenarioResult } from './read-results';
import { compareSections, loadSpecCatalog, sectionOf, type SpecCatalog } from './spec-catalog';

export type CellState = 'pass' | 'fail' | 'n/a' | 'not run';

export interface ComplianceCell {
  state: CellState;
  /** True when every failure behind a 'fail' is harness/rig trouble, not module evidence. */
  failedOnlyByHarness: boolean;
  scenarios: number;
  passed: number;
  nonConformance: number;
  harnessTrouble: number;
  notApplicable: number;
  notRun: number;
}

export interface ComplianceRow {
  id: string;
  text: string;
  inCatalog: boolean;
  cells: Record<string, ComplianceCell>;
}

export interface ComplianceSection {
  section: string;
  title: string;
  rows: ComplianceRow[];
}

export interface ComplianceRun {
  resultsDir: string;
  variant: string;
  model: string;
  firmware: string;
  harness: string;
  rig: string;
  date: string;
  scenarios: number;
  passed: number;
  failed: number;
  notApplicable: number;
  notRun: number;
}

export interface ComplianceFailure {
  itemId: string;
  itemText: string;
  variant: string;
  firmware: string;
  scenario: string;
  kind: 'non-conformance' | 'harness-trouble';
  expected?: string;
  observed: string;
  message: string;
}

export interface ComplianceSummary {
  generatedAt: string;
  variants: string[];
  runs: ComplianceRun[];
  sections: ComplianceSection[];
  failures: ComplianceFailure[];
  totals: Record<string, Record<CellState, number>>;
  /** Spec ids found on scenarios that the catalog does not know (typos in @spec tags). */
  unknownSpecIds: string[];
  unreadableFiles: string[];
}

export interface BuildComplianceOptions {
  catalog?: SpecCatalog;
  now?: Date;
}

const UNKNOWN = '(not reported)';
const OTHER_SECTION = 'other';

function orderVariants(found: Iterable<string>): string[] {
  const known = variantNames();
  const set = new Set(found);
  const ordered = known.filter((v) => set.has(v));
  const extra = [...set].filter((v) => !known.includes(v)).sort();
  return [...ordered, ...extra];
}

// spec brief: pass when every scenario tagged with the item passed; fail when any failed/broken;
// n/a when all were skipped as not applicable. Not-applicable scenarios beside passing ones do
// not spoil a pass (an outline can be applicable for some rows only).
export function cellFor(scenarios: readonly ScenarioResult[]): ComplianceCell {
  const count = (o: ScenarioResult['outcome']) => scenarios.filter((s) => s.outcome === o).length;
  const cell: ComplianceCell = {
    state: 'not run',
    failedOnlyByHarness: false,
    scenarios: scenarios.length,
    passed: count('passed'),
    nonConformance: count('non-conformance'),
    harnessTrouble: count('harness-trouble'),
    notApplicable: count('not-applicable'),
    notRun: count('not-run'),
  };
  if (cell.nonConformance + cell.harnessTrouble > 0) {
    cell.state = 'fail';
    cell.failedOnlyByHarness = cell.nonConformance === 0;
  } else if (cell.scenarios > 0 && cell.notApplicable === cell.scenarios) {
    cell.state = 'n/a';
  } else if (cell.passed > 0 && cell.notRun === 0) {
    cell.state = 'pass';
  }
  return cell;
}

function runsOf(scenarios: readonly ScenarioResult[]): ComplianceRun[] {
  const groups = new Map<string, ScenarioResult[]>();
  for (const s of scenarios) {
    const key = `${s.resultsDir}\u0000${s.variant}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].map((group) => {
    const pick = (f: (s: ScenarioResult) => string | undefined) => group.map(f).find((v) => v !== undefined) ?? UNKNOWN;
    const starts = group.map((s) => s.start).filter((t): t is number => t !== undefined);
    return {
      resultsDir: group[0].resultsDir,
      variant: group[0].variant,
      model: pick((s) => s.model),
      firmware: pick((s) => s.firmware),
      harness: pick((s) => s.harness),
      rig: pick((s) => s.rig),
      date: starts.length > 0 ? new Date(Math.min(...starts)).toISOString() : UNKNOWN,
      scenarios: group.length,
      passed: group.filter((s) => s.outcome === 'passed').length,
      failed: group.filter((s) => s.outcome === 'non-conformance' || s.outcome === 'harness-trouble').length,
      notApplicable: group.filter((s) => s.outcome === 'not-applicable').length,
      notRun: group.filter((s) => s.outcome === 'not-run').length,
    };
  });
}

function failuresOf(scenarios: readonly ScenarioResult[], textOf: (id: string) => string): ComplianceFailure[] {
  const out: ComplianceFailure[] = [];
  for (const s of scenarios) {
    if (s.outcome !== 'non-conformance' && s.outcome !== 'harness-trouble') continue;
    const text = describeFailure(s);
    for (const itemId of s.specIds.length > 0 ? s.specIds : ['(no spec item tagged)']) {
      out.push({
        itemId,
        itemText: textOf(itemId),
        variant: s.variant,
        firmware: s.firmware ?? UNKNOWN,
        scenario: s.name,
        kind: s.outcome,
        expected: text.expected,
        observed: text.observed,
        message: s.message ?? '',
      });
    }
  }
  // Module evidence before rig trouble; then spec order.
  return out.sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'non-conformance' ? -1 : 1) ||
      compareSections(sectionOf(a.itemId), sectionOf(b.itemId)) ||
      a.itemId.localeCompare(b.itemId) ||
      a.variant.localeCompare(b.variant),
  );
}

export function buildComplianceFromScenarios(
  scenarios: readonly ScenarioResult[],
  catalog: SpecCatalog,
  now: Date = new Date(),
): ComplianceSummary {
  const variants = orderVariants(scenarios.map((s) => s.variant));
  const catalogIds = new Set(catalog.items.map((i) => i.id));
  const unknownSpecIds = [...new Set(scenarios.flatMap((s) => s.specIds).filter((id) => !catalogIds.has(id)))].sort();
  const textOf = (id: string) => catalog.items.find((i) => i.id === id)?.text ?? '(not an item of the spec catalog)';

  const rowFor = (id: string, text: string, inCatalog: boolean): ComplianceRow => {
    const cells: Record<string, ComplianceCell> = {};
    for (const v of variants) cells[v] = cellFor(scenarios.filter((s) => s.variant === v && s.specIds.includes(id)));
    return { id, text, inCatalog, cells };
  };

  const sections = new Map<string, ComplianceRow[]>();
  for (const item of catalog.items) {
    sections.set(item.section, [...(sections.get(item.section) ?? []), rowFor(item.id, item.text, true)]);
  }
  const ordered: ComplianceSection[] = [...sections.entries()]
    .sort(([a], [b]) => compareSections(a, b))
    .map(([section, rows]) => ({ section, title: catalog.sectionTitles.get(section) ?? `Section ${section}`, rows }));
  if (unknownSpecIds.length > 0) {
    ordered.push({
      section: OTHER_SECTION,
      title: 'Tagged items not found in the spec catalog',
      rows: unknownSpecIds.map((id) => rowFor(id, textOf(id), false)),
    });
  }

  const totals: ComplianceSummary['totals'] = {};
  for (const v of variants) {
    totals[v] = { pass: 0, fail: 0, 'n/a': 0, 'not run': 0 };
    for (const row of ordered.flatMap((s) => s.rows)) totals[v][row.cells[v].state]++;
  }

  return {
    generatedAt: now.toISOString(),
    variants,
    runs: runsOf(scenarios),
    sections: ordered,
    failures: failuresOf(scenarios, textOf),
    totals,
    unknownSpecIds,
    unreadableFiles: [],
  };
}

export function buildCompliance(resultsDirs: readonly string[], options: BuildComplianceOptions = {}): ComplianceSummary {
  if (resultsDirs.length === 0) throw new Error('no results folder given');
  const folders = resultsDirs.map((dir) => readResultsFolder(dir));
  const summary = buildComplianceFromScenarios(
    folders.flatMap((f) => f.scenarios),
    options.catalog ?? loadSpecCatalog(),
    options.now,
  );
  summary.unreadableFiles = folders.flatMap((f) => f.unreadable);
  return summary;
}

export function writeComplianceJson(summary: ComplianceSummary, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'compliance.json');
  writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
  return file;
}
