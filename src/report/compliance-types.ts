// The compliance summary's shape (src/report/compliance.ts builds it; the HTML, PDF and JSON outputs read it).
import type { RunDeclaration } from './declared-profile';
import type { FailureClass } from './failure-classes';
import type { InteroperabilityRow } from './interoperability';
import type { ReadingsTable } from './readings-observed';
import type { RunScope } from './run-scope';
import type { SpecCatalog } from './spec-catalog';

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
  /** The rig host (QMT_RIG_NAME on a CI rig, else the host name). */
  host: string;
  date: string;
  /** What the run selected ("every scenario", "tags @x; names /y/"); unknown for older results. */
  selection: string;
  /** Scenarios of the catalog / of the selection, when the run recorded its scope. */
  catalogScenarios?: number;
  selectedScenarios?: number;
  /** Why the run was cut short (SIGINT, SIGTERM, the port gone …); absent when it ran to its end. */
  interrupted?: string;
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
  /** Every scenario of the catalog without a verdict: outside the selection, not reached, or skipped without a reason. */
  notRun: number;
  /** Of notRun: scenarios the selection left out. */
  outsideSelection: number;
  /** Of notRun: selected scenarios the run did not reach (it was cut short). */
  notReached: number;
}

export interface ComplianceVerdict {
  /** conforms: every item passed or is n/a; fails: an item failed; deviates: strict run off its profile; incomplete: the rest. */
  outcome: 'conforms' | 'fails' | 'deviates' | 'incomplete';
  text: string;
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
  /** The one-line verdict over every variant (the worst of theirs), and each variant's. */
  verdict: ComplianceVerdict;
  variantVerdicts: Record<string, ComplianceVerdict>;
  /** Spec items that have scenarios in the features the runs used (spec-coverage.json). */
  coverage?: { covered: number; items: number; uncovered: string[] };
  variants: string[];
  runs: ComplianceRun[];
  sections: ComplianceSection[];
  failures: ComplianceFailure[];
  totals: Record<string, Record<CellState, number>>;
  /** Per run: the readings of the note the module took. */
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
  /** What each results folder's run selected and how far it got (default: its run-scope.json). */
  scopeOf?: (resultsDir: string) => RunScope | undefined;
}
