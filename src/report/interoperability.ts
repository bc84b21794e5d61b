// "Interoperability beyond the application note": the cloud scenarios check that the CONNECT a
// module derives from "aliauth" / "onenet" / "hwauth" / "hwprodid" is what Alibaba, OneNET and
// Huawei accept. The note only says those settings exist (3.3.1 note 5), so a wrong signature is
// reported here, not as non-conformance, and never decides a spec item of the matrix. The
// scenarios stay in the catalog and run by default.
import type { ResultClass } from './failure-classes';
import { describeFailure } from './failure-text';
import type { ScenarioResult } from './read-results';

/** The Gherkin tag of the scenarios whose check goes beyond the note. */
export const INTEROPERABILITY_TAG = '@interoperability';

export interface InteroperabilityRow {
  scenario: string;
  variant: string;
  firmware: string;
  outcome: ResultClass;
  specIds: string[];
  expected?: string;
  observed?: string;
}

export function isInteroperabilityScenario(s: Pick<ScenarioResult, 'tags' | 'outcome'>): boolean {
  return s.tags.includes(INTEROPERABILITY_TAG) || s.outcome === 'interoperability';
}

export function interoperabilitySection(scenarios: readonly ScenarioResult[]): InteroperabilityRow[] {
  return scenarios
    .filter(isInteroperabilityScenario)
    .map((s) => {
      const row: InteroperabilityRow = {
        scenario: s.name,
        variant: s.variant,
        firmware: s.firmware ?? '(not reported)',
        outcome: s.outcome,
        specIds: s.specIds,
      };
      if (s.outcome !== 'passed' && s.outcome !== 'not-applicable' && s.outcome !== 'not-run') {
        const text = describeFailure(s);
        row.expected = text.expected;
        row.observed = text.observed;
      }
      return row;
    })
    .sort((a, b) => a.scenario.localeCompare(b.scenario) || a.variant.localeCompare(b.variant));
}

/** How a row's outcome reads in the section. */
export function interoperabilityText(outcome: ResultClass): string {
  switch (outcome) {
    case 'passed':
      return 'accepted by the platform check';
    case 'interoperability':
      return 'refused: credentials not derived as the platform expects';
    case 'non-conformance':
      return 'failed on the note itself (see failing items)';
    case 'profile-deviation':
      return 'deviation from the declared profile (see failing items)';
    case 'precondition':
    case 'harness-trouble':
      return 'not judged (see failing items)';
    case 'not-applicable':
      return 'not applicable';
    default:
      return 'not run';
  }
}
