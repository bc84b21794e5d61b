// Compliance summary: which spec items each variant meets, built from one or more results
// folders (several runs / variants / rigs). Rows are spec items (catalog text, grouped by
// section), columns are variants.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { variantNames } from '../variants/catalog';
import { readDeclaredProfile, type RunDeclaration } from './declared-profile';
import { FAILURE_CLASSES, isFailureClass, isNotJudged, type FailureClass } from './failure-classes';
import { describeFailure } from './failure-text';
import { interoperabilitySection, type InteroperabilityRow } from './interoperability';
import { readingsTables, type ReadingsTable } from './readings-observed';
import { readResultsFolder, type ScenarioResult } from './read-results';
import { compareSections, loadSpecCatalog, sectionOf, type SpecCatalog } from './spec-catalog';

/**
 * 'fail': a scenario showed what the note forbids. 'deviation': strict run, the module took
 * another allowed reading than declared (and nothing forbidden). 'not judged': a precondition of
 * another document or the rig failed (and nothing above) — no evidence either way.
 */
export type CellState = 'pass' | 'fail' | 'deviation' | 'not judged' | 'n/a' | 'not run';
export const CELL_STATES: readonly CellState[] = ['pass', 'fail', 'deviation', 'not judged', 'n/a', 'not run'];

export interface ComplianceCell {
  state: CellState;
  scenarios: number;
  passed: number;
  nonConformance: number;
  profileDeviation: number;
  precondition: number;
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
  /** strict (--profile), default, or unknown (no declared-profile.json). */
  mode: RunDeclaration['mode'];
  /** Strict run: the profile the module had to match. */
  profile?: string;
  scenarios: number;
  passed: number;
  /** Non-conformance: what the note forbids. */
  failed: number;
  deviations: number;
  notJudged: number;
  /** Failed on a cloud platform's credential derivation (beyond the note). */
  interoperability: number;
  notApplicable: number;
  notRun: number;
}

export interface ComplianceFailure {
  itemId: string;
  itemText: string;
  variant: string;
  firmware: string;
  scenario: string;
  /** Interoperability failures are listed in their own section, not here. */
  kind: Exclude<FailureClass, 'interoperability'>;
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
  /** Per run: the readings of the note the module took (issue 8 item 2). */
  readings: ReadingsTable[];
  /** "Interoperability beyond the application note": @interoperability scenarios, per variant. */
  interoperability: InteroperabilityRow[];
  /** Spec ids found on scenarios that the catalog does not know (typos in @spec tags). */
  unknownSpecIds: string[];
  unreadableFiles: string[];
}

export interface BuildComplianceOptions {
  catalog?: SpecCatalog;
  now?: Date;
  /** What each results folder's run declared (default: its declared-profile.json). */
  declarationOf?: (resultsDir: string) => RunDeclaration;
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

// spec brief: pass when every scenario tagged with the item passed; fail when any showed what
// the note forbids; n/a when all were skipped as not applicable. Not-applicable scenarios beside
// passing ones do not spoil a pass (an outline can be applicable for some rows only). A failure
// of a cloud platform's credential derivation is no verdict on the item (it is listed apart).
export function cellFor(scenarios: readonly ScenarioResult[]): ComplianceCell {
  const judged = scenarios.filter((s) => s.outcome !== 'interoperability');
  const count = (o: ScenarioResult['outcome']) => judged.filter((s) => s.outcome === o).length;
  const cell: ComplianceCell = {
    state: 'not run',
    scenarios: judged.length,
    passed: count('passed'),
    nonConformance: count('non-conformance'),
    profileDeviation: count('profile-deviation'),
    precondition: count('precondition'),
    harnessTrouble: count('harness-trouble'),
    notApplicable: count('not-applicable'),
    notRun: count('not-run'),
  };
  if (cell.nonConformance > 0) cell.state = 'fail';
  else if (cell.profileDeviation > 0) cell.state = 'deviation';
  else if (cell.precondition + cell.harnessTrouble > 0) cell.state = 'not judged';
  else if (cell.scenarios > 0 && cell.notApplicable === cell.scenarios) cell.state = 'n/a';
  else if (cell.passed > 0 && cell.notRun === 0) cell.state = 'pass';
  return cell;
}

function runsOf(scenarios: readonly ScenarioResult[], declarationOf: (dir: string) => RunDeclaration): ComplianceRun[] {
  const groups = new Map<string, ScenarioResult[]>();
  for (const s of scenarios) {
    const key = `${s.resultsDir}\u0000${s.variant}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].map((group) => {
    const pick = (f: (s: ScenarioResult) => string | undefined) => group.map(f).find((v) => v !== undefined) ?? UNKNOWN;
    const starts = group.map((s) => s.start).filter((t): t is number => t !== undefined);
    const declaration = declarationOf(group[0].resultsDir);
    const count = (test: (o: ScenarioResult['outcome']) => boolean) => group.filter((s) => test(s.outcome)).length;
    return {
      resultsDir: group[0].resultsDir,
      variant: group[0].variant,
      model: pick((s) => s.model),
      firmware: pick((s) => s.firmware),
      harness: pick((s) => s.harness),
      rig: pick((s) => s.rig),
      date: starts.length > 0 ? new Date(Math.min(...starts)).toISOString() : UNKNOWN,
      mode: declaration.mode,
      profile: declaration.mode === 'strict' ? declaration.profile.name : undefined,
      scenarios: group.length,
      passed: count((o) => o === 'passed'),
      failed: count((o) => o === 'non-conformance'),
      deviations: count((o) => o === 'profile-deviation'),
      notJudged: count(isNotJudged),
      interoperability: count((o) => o === 'interoperability'),
      notApplicable: count((o) => o === 'not-applicable'),
      notRun: count((o) => o === 'not-run'),
    };
  });
}

function failuresOf(scenarios: readonly ScenarioResult[], textOf: (id: string) => string): ComplianceFailure[] {
  const out: ComplianceFailure[] = [];
  for (const s of scenarios) {
    if (!isFailureClass(s.outcome) || s.outcome === 'interoperability') continue;
    const kind = s.outcome;
    const text = describeFailure(s);
    for (const itemId of s.specIds.length > 0 ? s.specIds : ['(no spec item tagged)']) {
      out.push({
        itemId,
        itemText: textOf(itemId),
        variant: s.variant,
        firmware: s.firmware ?? UNKNOWN,
        scenario: s.name,
        kind,
        expected: text.expected,
        observed: text.observed,
        message: s.message ?? '',
      });
    }
  }
  // Module evidence first, then deviations, then what could not be judged; then spec order.
  return out.sort(
    (a, b) =>
      FAILURE_CLASSES.indexOf(a.kind) - FAILURE_CLASSES.indexOf(b.kind) ||
      compareSections(sectionOf(a.itemId), sectionOf(b.itemId)) ||
      a.itemId.localeCompare(b.itemId) ||
      a.variant.localeCompare(b.variant),
  );
}

export function buildComplianceFromScenarios(
  scenarios: readonly ScenarioResult[],
  catalog: SpecCatalog,
  now: Date = new Date(),
  declarationOf: (resultsDir: string) => RunDeclaration = () => ({ mode: 'unknown' }),
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
    totals[v] = Object.fromEntries(CELL_STATES.map((st) => [st, 0])) as Record<CellState, number>;
    for (const row of ordered.flatMap((s) => s.rows)) totals[v][row.cells[v].state]++;
  }

  return {
    generatedAt: now.toISOString(),
    variants,
    runs: runsOf(scenarios, declarationOf),
    sections: ordered,
    failures: failuresOf(scenarios, textOf),
    totals,
    readings: readingsTables(scenarios, declarationOf),
    interoperability: interoperabilitySection(scenarios),
    unknownSpecIds,
    unreadableFiles: [],
  };
}

export function buildCompliance(
  resultsDirs: readonly string[],
  options: BuildComplianceOptions = {},
): ComplianceSummary {
  if (resultsDirs.length === 0) throw new Error('no results folder given');
  const folders = resultsDirs.map((dir) => readResultsFolder(dir));
  const declarations = new Map(resultsDirs.map((dir) => [dir, readDeclaredProfile(dir)]));
  const summary = buildComplianceFromScenarios(
    folders.flatMap((f) => f.scenarios),
    options.catalog ?? loadSpecCatalog(),
    options.now,
    options.declarationOf ?? ((dir) => declarations.get(dir) ?? { mode: 'unknown' }),
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
