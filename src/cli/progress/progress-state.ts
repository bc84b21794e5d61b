/**
 * What a person watching a run wants to know, followed from Cucumber's messages: scenarios done
 * of the total, failures so far, scenarios not applicable, the one running and, on a real-time rig,
 * the time left. A scenario's verdict is its worst step, as in Cucumber's own summary: any failed
 * (or ambiguous, undefined, pending) step fails it; otherwise a skipped step makes it not
 * applicable (src/rig/applicability.ts, a reading tag), never passed.
 */
import path from 'node:path';
import type { Envelope, TestStepResult } from '@cucumber/messages';
import { classifyResult } from '../../report/failure-classes';
import { scenarioMandatedSeconds } from './mandated-waits';

export interface ProgressSnapshot {
  readonly module: string;
  readonly done: number;
  readonly total: number;
  readonly failed: number;
  readonly notApplicable: number;
  /** The scenario running now. */
  readonly current?: string;
  /** Real-time rigs only, once known. */
  readonly secondsLeft?: number;
  readonly finished: boolean;
}

export interface FailureNotice {
  /** non-conformance, profile deviation, not judged (precondition) … (src/report/failure-classes.ts). */
  readonly category: string;
  /** The first line of the failure, without the error's class name or the category prefix. */
  readonly message: string;
  readonly scenario: string;
  /** features/x.feature:12 */
  readonly location: string;
  /** When the scenario started (ms since the epoch): its Allure files are not older. */
  readonly startedAt: number;
}

const FAILING = new Set(['FAILED', 'AMBIGUOUS', 'UNDEFINED', 'PENDING']);

const CATEGORY: Record<string, string> = {
  'non-conformance': 'non-conformance',
  'profile-deviation': 'profile deviation',
  interoperability: 'interoperability',
  precondition: 'not judged (precondition)',
  'harness-trouble': 'not judged (harness or rig)',
};

interface Pickle {
  readonly name: string;
  readonly location: string;
  readonly mandated: number;
  readonly steps: number;
}

interface Running {
  readonly pickleId: string;
  readonly startedAt: number;
  readonly steps: TestStepResult[];
}

export class ProgressState {
  private readonly lines = new Map<string, number>();
  private readonly pickles = new Map<string, Pickle>();
  private readonly testCases = new Map<string, string>();
  private readonly running = new Map<string, Running>();
  private readonly pending = new Set<string>();
  private done = 0;
  private failed = 0;
  private notApplicable = 0;
  private current: string | undefined;
  private finished = false;
  /** Seconds this run's finished scenarios took beyond their mandated waits, and their steps, summed. */
  private overheadSum = 0;
  private stepsDone = 0;

  constructor(
    private readonly module: string,
    private readonly realTime: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** Follows one message; returns a notice when a scenario has just failed. */
  observe(envelope: Envelope): FailureNotice | undefined {
    const feature = envelope.gherkinDocument?.feature;
    if (feature) {
      const visit = (children: typeof feature.children) => {
        for (const child of children) {
          if (child.rule) visit(child.rule.children);
          const scenario = child.scenario;
          if (!scenario) continue;
          this.lines.set(scenario.id, scenario.location.line);
          for (const row of scenario.examples.flatMap((e) => e.tableBody)) this.lines.set(row.id, row.location.line);
        }
      };
      visit(feature.children);
    }
    const pickle = envelope.pickle;
    if (pickle) {
      const line = this.lines.get(pickle.astNodeIds[pickle.astNodeIds.length - 1] ?? '');
      const uri = path.isAbsolute(pickle.uri) ? path.relative(process.cwd(), pickle.uri) : pickle.uri;
      this.pickles.set(pickle.id, {
        name: pickle.name,
        location: line ? `${uri}:${line}` : uri,
        mandated: scenarioMandatedSeconds(pickle.steps.map((s) => s.text)),
        steps: pickle.steps.length,
      });
    }
    if (envelope.testCase) {
      this.testCases.set(envelope.testCase.id, envelope.testCase.pickleId);
      this.pending.add(envelope.testCase.pickleId);
    }
    const started = envelope.testCaseStarted;
    if (started) {
      const pickleId = this.testCases.get(started.testCaseId) ?? '';
      this.running.set(started.id, { pickleId, startedAt: this.now(), steps: [] });
      this.pending.delete(pickleId);
      this.current = this.pickles.get(pickleId)?.name;
    }
    const step = envelope.testStepFinished;
    if (step) this.running.get(step.testCaseStartedId)?.steps.push(step.testStepResult);
    const caseFinished = envelope.testCaseFinished;
    if (caseFinished) {
      const run = this.running.get(caseFinished.testCaseStartedId);
      this.running.delete(caseFinished.testCaseStartedId);
      if (caseFinished.willBeRetried) {
        if (run) this.pending.add(run.pickleId);
        return undefined;
      }
      this.current = undefined;
      this.done++;
      if (!run) return undefined;
      const pickle = this.pickles.get(run.pickleId);
      this.overheadSum += (this.now() - run.startedAt) / 1000 - (pickle?.mandated ?? 0);
      this.stepsDone += pickle?.steps ?? 0;
      const failedStep = run.steps.find((s) => FAILING.has(s.status));
      if (failedStep) {
        this.failed++;
        return this.notice(failedStep, pickle, run.startedAt);
      }
      if (run.steps.some((s) => s.status === 'SKIPPED')) this.notApplicable++;
    }
    if (envelope.testRunFinished) this.finished = true;
    return undefined;
  }

  snapshot(): ProgressSnapshot {
    return {
      module: this.module,
      done: this.done,
      total: this.done + this.running.size + this.pending.size,
      failed: this.failed,
      notApplicable: this.notApplicable,
      current: this.current,
      secondsLeft: this.secondsLeft(),
      finished: this.finished,
    };
  }

  /**
   * Mandated waits of the scenarios not started, plus what the running one still has of its own,
   * plus for each step the mean time this run's steps took beyond their mandated waits (an AT
   * exchange, the network): a long example of 20 steps says little about a 3-step AT+QMTCFG check.
   */
  private secondsLeft(): number | undefined {
    if (!this.realTime || this.stepsDone === 0) return undefined;
    const perStep = this.overheadSum / this.stepsDone;
    const expected = (id: string) => {
      const pickle = this.pickles.get(id);
      return (pickle?.mandated ?? 0) + (pickle?.steps ?? 0) * perStep;
    };
    let left = 0;
    for (const id of this.pending) left += expected(id);
    for (const run of this.running.values()) {
      const expectedLeft = expected(run.pickleId);
      left += Math.max(0, expectedLeft - (this.now() - run.startedAt) / 1000);
    }
    return Math.max(0, Math.round(left));
  }

  private notice(step: TestStepResult, pickle: Pickle | undefined, startedAt: number): FailureNotice {
    const full = step.message ?? step.exception?.message ?? `step ${step.status.toLowerCase()}`;
    const cls = classifyResult('failed', full);
    const firstLine =
      full
        .replace(/^\s*[A-Za-z_$][\w$]*(?: \[[A-Z_]+\])?: /, '')
        .split('\n')
        .find((l) => l.trim() !== '') ?? full;
    const message = firstLine.replace(
      /^(non-conformance|profile deviation|interoperability|precondition|harness|rig):\s*/,
      '',
    );
    return {
      category: CATEGORY[cls] ?? (step.status === 'FAILED' ? 'failed' : step.status.toLowerCase()),
      message: message.trim(),
      scenario: pickle?.name ?? 'unknown scenario',
      location: pickle?.location ?? '',
      startedAt,
    };
  }
}

/** `4 min 10 s`, `37 s`, `1 h 02 min`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`;
}

/** One line a person can read at a glance. */
export function progressLine(s: ProgressSnapshot): string {
  const parts = [
    `${s.done}/${s.total} scenarios`,
    `${s.failed} failed`,
    ...(s.notApplicable ? [`${s.notApplicable} not applicable`] : []),
    ...(s.secondsLeft !== undefined && !s.finished ? [`~${formatDuration(s.secondsLeft)} left`] : []),
    ...(s.finished ? ['done'] : s.current ? [`now: ${s.current}`] : []),
  ];
  return `${s.module}: ${parts.join(' · ')}`;
}

/** A failure in one line: category: message — scenario (where), and where its evidence is. */
export function failureLine(module: string, f: FailureNotice, evidence: string | undefined): string {
  return `✗ ${module}: ${f.category}: ${f.message} — ${f.scenario} (${f.location})${evidence ? `; transcript: ${evidence}` : ''}`;
}
