/**
 * One verdict per scenario: Cucumber's. allure-cucumberjs takes the "worst" step with passed
 * ranked above skipped, so a scenario whose decisive steps were skipped (a step observed another
 * reading than the scenario's `@reading:` tag, README "Verdicts") reached Allure as *passed*
 * while Cucumber counted it skipped. A skipped step is never a pass: such a result is written
 * `skipped`, with the reason as its message and as an `applicability` label, before it reaches
 * the disk (an Allure writer listener, scripts/allure-reporter.js), so an interrupted run keeps
 * the same verdicts as a finished one.
 */
import { NOT_APPLICABLE_PREFIX, readingSkipMessage } from './failure-classes';

interface StepLike {
  status?: string;
  steps?: StepLike[];
}

interface ResultLike {
  status?: string;
  statusDetails?: { message?: string; trace?: string };
  labels?: { name: string; value: string }[];
  steps?: StepLike[];
}

/** Label naming why a scenario was not judged (also set by the Before hook's applicability skip). */
export const APPLICABILITY_LABEL = 'applicability';

/** Cucumber's rule: a scenario with a skipped step and nothing worse is skipped, not passed. */
export function hasSkippedStep(steps: readonly StepLike[]): boolean {
  return steps.some((s) => s.status === 'skipped');
}

/** Why a passed-looking result with skipped steps did not run to its end. */
export function skipReason(result: ResultLike): string {
  const values = (name: string) => (result.labels ?? []).filter((l) => l.name === name).map((l) => l.value);
  const given = values(APPLICABILITY_LABEL)[0] ?? result.statusDetails?.message;
  if (given && given.trim() !== '')
    return given.startsWith(NOT_APPLICABLE_PREFIX) ? given : `${NOT_APPLICABLE_PREFIX} ${given}`;
  return (
    readingSkipMessage(values('tag'), values('reading')) ??
    // No reason recorded: a skip, so never a pass, but nothing says it does not apply either.
    'not run: a step was skipped and no reason was recorded'
  );
}

/** Rewrites an Allure result in place so its status is the scenario's verdict. */
export function applyScenarioVerdict(result: ResultLike): void {
  if (result.status !== 'passed' || !hasSkippedStep(result.steps ?? [])) return;
  const reason = skipReason(result);
  result.status = 'skipped';
  result.statusDetails = { ...result.statusDetails, message: reason };
  const labels = (result.labels ??= []);
  if (!labels.some((l) => l.name === APPLICABILITY_LABEL)) labels.push({ name: APPLICABILITY_LABEL, value: reason });
}

/** An allure-js-commons writer listener (ReporterRuntime `listeners`). */
export const scenarioVerdictListener = {
  beforeTestResultWrite: (result: ResultLike): void => applyScenarioVerdict(result),
};
