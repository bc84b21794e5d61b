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
import { describeSelection, readRunScope, type RunScope } from './run-scope';
import { readSpecCoverage } from './traceability-result';
import { compareSections, loadSpecCatalog, sectionOf, type SpecCatalog } from './spec-catalog';
import { CELL_STATES, type CellState } from './compliance-types';
import type {
  BuildComplianceOptions,
  ComplianceCell,
  ComplianceFailure,
  ComplianceRow,
  ComplianceRun,
  ComplianceSection,
  ComplianceSummary,
  ComplianceVerdict,
} from './compliance-types';
export * from './compliance-types';

const UNKNOWN = '(not reported)';
const OTHER_SECTION = 'other';

function orderVariants(found: Iterable<string>): string[] {
  const known = variantNames();
  const set = new Set(found);
  const ordered = known.filter((v) => set.has(v));
  const extra = [...set].filter((v) => !known.includes(v)).sort();
  return [...ordered, ...extra];
}

// A spec item's cell: pass when every scenario tagged with the item ran to its end and passed; fail when
// any showed what the note forbids; n/a when all were skipped as not applicable. Not-applicable
// scenarios beside passing ones do not spoil a pass (an outline can be applicable for some rows
// only). `missing` scenarios of the item (outside the selection, or not reached by an interrupted
// run) leave it "not run": a subset or a cut run never passes an item it did not check in full.
// A failure of a cloud platform's credential derivation is no verdict on the item (listed apart).
export function cellFor(scenarios: readonly ScenarioResult[], missing = 0): ComplianceCell {
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
    notRun: count('not-run') + missing,
  };
  if (cell.nonConformance > 0) cell.state = 'fail';
  else if (cell.profileDeviation > 0) cell.state = 'deviation';
  else if (cell.precondition + cell.harnessTrouble > 0) cell.state = 'not judged';
  else if (cell.scenarios > 0 && cell.notApplicable === cell.scenarios && missing === 0) cell.state = 'n/a';
  else if (cell.passed > 0 && cell.notRun === 0) cell.state = 'pass';
  return cell;
}

/** Scenarios of the run's catalog that check `itemId` and have no result in the run. */
function missingOf(scope: RunScope | undefined, results: readonly ScenarioResult[], itemId: string): number {
  if (!scope?.catalog) return 0;
  const inCatalog = scope.catalog.filter((c) => c.specIds.includes(itemId)).length;
  const withResult = results.filter((r) => r.specIds.includes(itemId)).length;
  return Math.max(0, inCatalog - withResult);
}

/** "interrupted (SIGINT)" → "SIGINT": the banner says "interrupted: " already. */
export function interruptionText(reason: string): string {
  return reason.replace(/^interrupted \((\w+)\)$/, '$1');
}

function runsOf(
  scenarios: readonly ScenarioResult[],
  declarationOf: (dir: string) => RunDeclaration,
  scopeOf: (dir: string) => RunScope | undefined,
): ComplianceRun[] {
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
    const scope = scopeOf(group[0].resultsDir);
    const catalogScenarios = scope?.catalog?.length;
    const selectedScenarios = scope?.catalog?.filter((c) => c.selected).length;
    const outsideSelection = catalogScenarios !== undefined ? catalogScenarios - (selectedScenarios ?? 0) : 0;
    const notReached = selectedScenarios !== undefined ? Math.max(0, selectedScenarios - group.length) : 0;
    return {
      resultsDir: group[0].resultsDir,
      variant: group[0].variant,
      model: pick((s) => s.model),
      firmware: pick((s) => s.firmware),
      harness: pick((s) => s.harness),
      rig: pick((s) => s.rig),
      host: pick((s) => s.host) === UNKNOWN ? (scope?.host ?? UNKNOWN) : pick((s) => s.host),
      date: starts.length > 0 ? new Date(Math.min(...starts)).toISOString() : UNKNOWN,
      selection: scope?.selection ? describeSelection(scope.selection) : UNKNOWN,
      catalogScenarios,
      selectedScenarios,
      interrupted: scope?.interrupted !== undefined ? interruptionText(scope.interrupted) : undefined,
      mode: declaration.mode,
      profile: declaration.mode === 'strict' ? declaration.profile.name : undefined,
      scenarios: group.length,
      passed: count((o) => o === 'passed'),
      failed: count((o) => o === 'non-conformance'),
      deviations: count((o) => o === 'profile-deviation'),
      notJudged: count(isNotJudged),
      interoperability: count((o) => o === 'interoperability'),
      notApplicable: count((o) => o === 'not-applicable'),
      notRun: count((o) => o === 'not-run') + outsideSelection + notReached,
      outsideSelection,
      notReached,
    };
  });
}

const OUTCOME_RANK: ComplianceVerdict['outcome'][] = ['fails', 'deviates', 'incomplete', 'conforms'];

/** One line a customer can sign against: what the runs show for one variant. */
export function verdictFor(
  variant: string,
  totals: Record<CellState, number>,
  runs: readonly ComplianceRun[],
): ComplianceVerdict {
  const cut = runs.filter((r) => r.interrupted !== undefined).map((r) => `interrupted: ${r.interrupted}`);
  const subset = runs.some((r) => r.outsideSelection > 0) ? ['a subset of the scenarios was selected'] : [];
  const why = [...cut, ...subset];
  if (totals.fail > 0)
    return { outcome: 'fails', text: `${variant}: does not conform — ${totals.fail} spec item(s) failed` };
  if (totals.deviation > 0)
    return {
      outcome: 'deviates',
      text: `${variant}: deviates from its declared profile in ${totals.deviation} spec item(s); nothing the note forbids was seen`,
    };
  const open = totals['not judged'] + totals['not run'];
  if (open > 0 || why.length > 0)
    return {
      outcome: 'incomplete',
      text: `${variant}: incomplete — no spec item failed, ${totals.pass} passed, ${totals['not judged']} not judged, ${totals['not run']} not run${why.length ? ` (${why.join('; ')})` : ''}`,
    };
  return {
    outcome: 'conforms',
    text: `${variant}: conforms — every spec item passed (${totals.pass}) or is not applicable (${totals['n/a']})`,
  };
}

function overallVerdict(verdicts: readonly ComplianceVerdict[]): ComplianceVerdict {
  if (verdicts.length === 0) return { outcome: 'incomplete', text: 'no results' };
  const worst = [...verdicts].sort((a, b) => OUTCOME_RANK.indexOf(a.outcome) - OUTCOME_RANK.indexOf(b.outcome))[0];
  return { outcome: worst.outcome, text: verdicts.map((v) => v.text).join('. ') };
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
  scopeOf: (resultsDir: string) => RunScope | undefined = () => undefined,
): ComplianceSummary {
  const dirs = [...new Set(scenarios.map((s) => s.resultsDir))];
  const variants = orderVariants(scenarios.map((s) => s.variant));
  const catalogIds = new Set(catalog.items.map((i) => i.id));
  const unknownSpecIds = [...new Set(scenarios.flatMap((s) => s.specIds).filter((id) => !catalogIds.has(id)))].sort();
  const textOf = (id: string) => catalog.items.find((i) => i.id === id)?.text ?? '(not an item of the spec catalog)';

  const rowFor = (id: string, text: string, inCatalog: boolean): ComplianceRow => {
    const cells: Record<string, ComplianceCell> = {};
    for (const v of variants) {
      // Judged in full by at least one run of the variant: the fewest scenarios any run left out.
      const runsOfVariant = dirs.filter((d) => scenarios.some((s) => s.resultsDir === d && s.variant === v));
      const missing = Math.min(
        ...runsOfVariant.map((d) =>
          missingOf(
            scopeOf(d),
            scenarios.filter((s) => s.resultsDir === d && s.variant === v),
            id,
          ),
        ),
      );
      cells[v] = cellFor(
        scenarios.filter((s) => s.variant === v && s.specIds.includes(id)),
        Number.isFinite(missing) ? missing : 0,
      );
    }
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

  const runs = runsOf(scenarios, declarationOf, scopeOf);
  const variantVerdicts = Object.fromEntries(
    variants.map((v) => [
      v,
      verdictFor(
        v,
        totals[v],
        runs.filter((r) => r.variant === v),
      ),
    ]),
  );
  return {
    generatedAt: now.toISOString(),
    verdict: overallVerdict(Object.values(variantVerdicts)),
    variantVerdicts,
    variants,
    runs,
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
  const scopes = new Map(resultsDirs.map((dir) => [dir, readRunScope(dir)]));
  const summary = buildComplianceFromScenarios(
    folders.flatMap((f) => f.scenarios),
    options.catalog ?? loadSpecCatalog(),
    options.now,
    options.declarationOf ?? ((dir) => declarations.get(dir) ?? { mode: 'unknown' }),
    options.scopeOf ?? ((dir) => scopes.get(dir)),
  );
  summary.unreadableFiles = folders.flatMap((f) => f.unreadable);
  const coverage = resultsDirs.map(readSpecCoverage).find((c) => c !== undefined);
  if (coverage) summary.coverage = { covered: coverage.covered, items: coverage.items, uncovered: coverage.uncovered };
  return summary;
}

export function writeComplianceJson(summary: ComplianceSummary, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'compliance.json');
  writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
  return file;
}
