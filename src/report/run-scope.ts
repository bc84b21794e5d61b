/**
 * What a run set out to do and how far it got, kept beside its Allure results so every report
 * can say it (README "Reports"): the selection (tag expression, names, --include-slow), every
 * scenario of the catalog with the spec items it checks and whether the selection held it, the
 * rig host, and, when the run was cut short, why. Cucumber's own verdict of each scenario is
 * appended as it finishes (`cucumber-verdicts.ndjson`), so the reports can be checked against
 * it (scripts/check-report-agreement.js) even for an interrupted run.
 *
 * Fed with Cucumber's messages: every pickle of the features is announced (the catalog), then one
 * test case per scenario the selection holds, before the first scenario starts.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getWorstTestStepResult, type Envelope, type TestStepResult } from '@cucumber/messages';
import { specIdsFromTags } from './labels';

export const RUN_SCOPE_FILE = 'run-scope.json';
export const CUCUMBER_VERDICTS_FILE = 'cucumber-verdicts.ndjson';

export interface RunSelection {
  /** Cucumber tag expression; undefined = every scenario. */
  tags?: string;
  /** Scenario name regular expressions (--name). */
  names: string[];
  includeSlow: boolean;
}

export interface ScopeScenario {
  /** As allure-cucumberjs names a result: `<project>:<feature path>#<scenario name>`. */
  fullName: string;
  specIds: string[];
  selected: boolean;
}

export interface RunScope {
  selection: RunSelection;
  /** The rig host the run was on (QMT_RIG_NAME, else the host name; src/rig/rig-host.ts). */
  host: string;
  started: string;
  /** Every scenario of the features (outline rows one each), selected or not. */
  catalog: ScopeScenario[];
  /** Set when the run ended by itself. */
  ended?: string;
  /** Why the run was cut short (SIGINT, SIGTERM, the port gone, the disk full). */
  interrupted?: string;
}

/** One line of cucumber-verdicts.ndjson: a scenario started, or finished with Cucumber's status. */
export interface CucumberVerdictLine {
  event: 'started' | 'finished';
  fullName: string;
  /** Cucumber's TestStepResultStatus of the whole scenario (worst step, Cucumber's own ranking). */
  status?: string;
  message?: string;
}

/** The project name allure-cucumberjs puts before each fullName (package.json "name"). */
const PROJECT = 'qmt-conformance';

export function scenarioFullName(uri: string, name: string): string {
  return `${PROJECT}:${uri.split(path.sep).join('/')}#${name}`;
}

export function describeSelection(selection: RunSelection): string {
  const parts: string[] = [];
  if (selection.tags && selection.tags.trim() !== '') parts.push(`tags ${selection.tags}`);
  if (selection.names.length > 0) parts.push(`names ${selection.names.map((n) => `/${n}/`).join(', ')}`);
  if (selection.includeSlow) parts.push('--include-slow');
  return parts.length > 0 ? parts.join('; ') : 'every scenario';
}

export class RunScopeRecorder {
  private readonly pickles = new Map<string, ScopeScenario>();
  private readonly order: string[] = [];
  private readonly testCasePickle = new Map<string, string>();
  private readonly startedCase = new Map<string, string>();
  private readonly stepResults = new Map<string, TestStepResult[]>();
  private scope: RunScope | undefined;

  constructor(
    private readonly resultsDir: string,
    private readonly selection: RunSelection,
    private readonly host: string,
  ) {}

  observe(envelope: Envelope): void {
    if (envelope.pickle) {
      const { id, uri, name, tags } = envelope.pickle;
      const specIds = specIdsFromTags(tags.map((t) => t.name));
      this.pickles.set(id, { fullName: scenarioFullName(uri, name), specIds, selected: false });
      this.order.push(id);
    }
    if (envelope.testCase) {
      this.testCasePickle.set(envelope.testCase.id, envelope.testCase.pickleId);
      const pickle = this.pickles.get(envelope.testCase.pickleId);
      if (pickle) pickle.selected = true;
    }
    if (envelope.testCaseStarted) {
      if (!this.scope) this.writeScope();
      this.startedCase.set(envelope.testCaseStarted.id, envelope.testCaseStarted.testCaseId);
      this.stepResults.set(envelope.testCaseStarted.id, []);
      this.append({ event: 'started', fullName: this.nameOf(envelope.testCaseStarted.id) });
    }
    if (envelope.testStepFinished)
      this.stepResults.get(envelope.testStepFinished.testCaseStartedId)?.push(envelope.testStepFinished.testStepResult);
    if (envelope.testCaseFinished && !envelope.testCaseFinished.willBeRetried) {
      const id = envelope.testCaseFinished.testCaseStartedId;
      const worst = getWorstTestStepResult(this.stepResults.get(id) ?? []);
      this.append({
        event: 'finished',
        fullName: this.nameOf(id),
        status: worst.status,
        message: worst.message?.split('\n')[0],
      });
    }
    if (envelope.testRunFinished) {
      if (!this.scope) this.writeScope();
      this.scope!.ended = new Date().toISOString();
      this.save();
    }
  }

  private nameOf(testCaseStartedId: string): string {
    const pickleId = this.testCasePickle.get(this.startedCase.get(testCaseStartedId) ?? '') ?? '';
    return this.pickles.get(pickleId)?.fullName ?? '(unknown scenario)';
  }

  private writeScope(): void {
    this.scope = {
      selection: this.selection,
      host: this.host,
      started: new Date().toISOString(),
      catalog: this.order.map((id) => this.pickles.get(id)!),
    };
    this.save();
  }

  private save(): void {
    writeFileSync(path.join(this.resultsDir, RUN_SCOPE_FILE), JSON.stringify(this.scope, null, 1) + '\n');
  }

  private append(line: CucumberVerdictLine): void {
    appendFileSync(path.join(this.resultsDir, CUCUMBER_VERDICTS_FILE), JSON.stringify(line) + '\n');
  }
}

export function readRunScope(resultsDir: string): RunScope | undefined {
  try {
    return JSON.parse(readFileSync(path.join(resultsDir, RUN_SCOPE_FILE), 'utf8')) as RunScope;
  } catch {
    return undefined;
  }
}

/** The run guard's note that the run was cut short; the scope (if written yet) keeps the rest. */
export function recordInterruption(resultsDir: string, reason: string): void {
  const scope: Partial<RunScope> = readRunScope(resultsDir) ?? {};
  scope.interrupted = reason;
  writeFileSync(path.join(resultsDir, RUN_SCOPE_FILE), JSON.stringify(scope, null, 1) + '\n');
}

export function readCucumberVerdicts(resultsDir: string): CucumberVerdictLine[] {
  let text: string;
  try {
    text = readFileSync(path.join(resultsDir, CUCUMBER_VERDICTS_FILE), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as CucumberVerdictLine];
      } catch {
        return []; // the last line of a run stopped mid-write
      }
    });
}
