/**
 * Nothing lost when a run cannot go on: Ctrl-C / SIGTERM, the module's port gone (the
 * PTY's far end closed, a USB cable pulled), the broker fixture's port taken by another process,
 * or the results folder no longer writable (disk full). Each time the results of finished
 * scenarios are already on disk (Allure writes each as it finishes); the guard writes the
 * scenario that was running as `broken` with the reason, scrubs secrets, prints ONE line and
 * ends the process, which releases the serial port and the broker's sockets.
 *
 * Follows Cucumber's messages to know which scenario runs; it shares the run's process with the
 * support code, so it sees the same failures the report does.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { scenarioLabels, type ScenarioLabelInfo } from '../report/labels';
import { foldTeardownFailures } from '../report/fold-teardown-failures';
import { recordInterruption } from '../report/run-scope';
import { scrubResultsDir } from '../report/scrub-results';

/** What identifies the run on every result: the label contract without the scenario's own parts. */
type RunLabels = Omit<ScenarioLabelInfo, 'featureName' | 'ruleName' | 'tags'>;

/** Exit codes: 130 / 143 as a shell reports signals; 3 = the run was stopped by rig or disk trouble. */
export const EXIT_INTERRUPTED = { SIGINT: 130, SIGTERM: 143 } as const;
export const EXIT_ABORTED = 3;

interface RunningScenario {
  readonly name: string;
  readonly uri: string;
  readonly tags: string[];
  readonly featureName: string;
  readonly started: number;
}

/** Failures that mean the rest of the run cannot produce verdicts. Messages come from src/at, src/rig, src/broker. */
const FATAL_FAILURES: { pattern: RegExp; describe: (m: RegExpExecArray) => string }[] = [
  {
    pattern: /rig: (\S+(?: @\d+)?) (?:closed|is gone)\b/,
    describe: (m) => `the module's port ${m[1]} closed (unplugged, or the far end went away)`,
  },
  {
    pattern: /EADDRINUSE[^\n]*:(\d+)/,
    describe: (m) => `the broker fixture's port ${m[1]} is taken by another process`,
  },
  { pattern: /EADDRINUSE/, describe: () => `the broker fixture's port is taken by another process` },
];

/** Errors writing results that no retry will cure. */
const DISK_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO']);

export class RunGuard {
  private readonly pickles = new Map<string, { name: string; uri: string; tags: string[] }>();
  private readonly features = new Map<string, string>();
  private readonly testCases = new Map<string, string>();
  private readonly started = new Map<string, string>();
  /** The scenarios running now, by testCaseStarted id (several with Cucumber's parallel workers). */
  private readonly running = new Map<string, RunningScenario>();
  private lastEnded: RunningScenario | undefined;
  private finished = 0;
  private fatal: string | undefined;
  /** First line of the failure that made it fatal, for the broken result. */
  private fatalDetail: string | undefined;
  private ending = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly resultsDir: string,
    private readonly secrets: () => string[],
    private readonly exit: (code: number) => void = (code) => process.exit(code),
  ) {}

  /** Installs the signal and error handlers; returns their removal. */
  install(): () => void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const handler = () => this.stop(`interrupted (${signal})`, EXIT_INTERRUPTED[signal]);
      process.on(signal, handler);
      this.cleanups.push(() => process.off(signal, handler));
    }
    const onError = (error: unknown) => {
      if (!this.diskTrouble(error)) throw error;
    };
    process.on('uncaughtException', onError);
    this.cleanups.push(() => process.off('uncaughtException', onError));
    return () => this.cleanups.splice(0).forEach((c) => c());
  }

  /** A results folder that cannot be written (disk full …) ends the run; false for other errors. */
  diskTrouble(error: unknown): boolean {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (!code || !DISK_ERRORS.has(code)) return false;
    this.stop(
      `cannot write results in ${this.resultsDir}: ${describeErrno(error as NodeJS.ErrnoException)}`,
      EXIT_ABORTED,
      false,
    );
    return true;
  }

  /** Cucumber message listener: tracks the running scenario and spots run-ending failures. */
  observe(envelope: Envelope): void {
    if (envelope.gherkinDocument?.uri && envelope.gherkinDocument.feature)
      this.features.set(envelope.gherkinDocument.uri, envelope.gherkinDocument.feature.name);
    if (envelope.pickle)
      this.pickles.set(envelope.pickle.id, {
        name: envelope.pickle.name,
        uri: envelope.pickle.uri,
        tags: envelope.pickle.tags.map((t) => t.name),
      });
    if (envelope.testCase) this.testCases.set(envelope.testCase.id, envelope.testCase.pickleId);
    if (envelope.testCaseStarted) {
      this.started.set(envelope.testCaseStarted.id, envelope.testCaseStarted.testCaseId);
      const pickle = this.pickles.get(this.testCases.get(envelope.testCaseStarted.testCaseId) ?? '');
      if (pickle)
        this.running.set(envelope.testCaseStarted.id, {
          ...pickle,
          featureName: this.features.get(pickle.uri) ?? '',
          started: Date.now(),
        });
    }
    const step = envelope.testStepFinished;
    if (step && step.testStepResult.status === 'FAILED' && !this.fatal) {
      const message = step.testStepResult.message ?? step.testStepResult.exception?.message ?? '';
      for (const rule of FATAL_FAILURES) {
        const match = rule.pattern.exec(message);
        if (match) {
          this.fatal = rule.describe(match);
          this.fatalDetail = message.split('\n')[0];
          break;
        }
      }
    }
    if (envelope.testCaseFinished && !envelope.testCaseFinished.willBeRetried) {
      const id = envelope.testCaseFinished.testCaseStartedId;
      const ended = this.running.get(id);
      this.lastEnded = ended;
      this.running.delete(id);
      this.finished++;
      // Stop before the next scenario starts (with the rig gone the rest of the run is promise
      // callbacks only, so this cannot wait for a later turn of the event loop). The scenario that
      // met the failure is on disk if the Allure reporter saw this message first; else it is
      // written here, broken, with the reason.
      if (this.fatal) {
        if (ended && !this.hasResult(ended)) {
          this.running.set(id, ended);
          this.finished--;
        }
        this.stop(this.fatal, EXIT_ABORTED);
      }
    }
  }

  /** Ends the run: the running scenario is written as broken, secrets scrubbed, one line, exit. */
  stop(reason: string, code: number, canWrite = true): void {
    if (this.ending) return;
    this.ending = true;
    const running = [...this.running.values()];
    const names = running.map((r) => r.name).join(', ');
    const which = running.length > 1 ? `running scenarios (${names}) are` : `running scenario (${names}) is`;
    let marked = '';
    if (running.length && canWrite) {
      try {
        for (const scenario of running) this.writeBroken(scenario, reason);
        marked = `; the ${which} marked broken`;
      } catch (error) {
        marked = `; the ${which.replace(/ (are|is)$/, '')} could not be recorded: ${(error as Error).message}`;
      }
    } else if (running.length) {
      marked = `; the running scenario${running.length > 1 ? 's were' : ' was'} ${names}`;
    } else if (this.lastEnded && !this.hasResult(this.lastEnded)) {
      marked = `; the result of ${this.lastEnded.name} could not be written`;
      this.finished--;
    }
    try {
      recordInterruption(this.resultsDir, reason);
      foldTeardownFailures(this.resultsDir);
      scrubResultsDir(this.resultsDir, this.secrets());
    } catch {
      // A full disk may refuse the rewrite too; the results were masked when recorded.
    }
    process.stderr.write(
      `\nqmt: ${reason}${marked}; results of the ${this.finished} finished scenarios are kept in ${this.resultsDir}\n`,
    );
    this.exit(code);
  }

  private hasResult(scenario: RunningScenario): boolean {
    try {
      return readdirSync(this.resultsDir)
        .filter((f) => f.endsWith('-result.json'))
        .some(
          (f) =>
            (JSON.parse(readFileSync(path.join(this.resultsDir, f), 'utf8')) as { fullName?: string }).fullName ===
            fullNameOf(scenario),
        );
    } catch {
      return false;
    }
  }

  /** An Allure result of its own for the scenario cut short, labelled like its finished siblings. */
  private writeBroken(running: RunningScenario, reason: string): void {
    const fullName = fullNameOf(running);
    const testCaseId = md5(fullName);
    const context = this.runLabels();
    const labels = [
      { name: 'feature', value: running.featureName },
      ...running.tags.map((tag) => ({ name: 'tag', value: tag })),
      ...scenarioLabels({ ...context, featureName: running.featureName, tags: running.tags }),
    ];
    const uuid = randomUUID();
    const result = {
      uuid,
      name: running.name,
      fullName,
      testCaseId,
      historyId: `${testCaseId}:${md5('')}`,
      status: 'broken',
      statusDetails: {
        message: `harness: the run stopped while this scenario ran: ${reason}${this.fatalDetail ? ` (${this.fatalDetail})` : ''}`,
      },
      stage: 'finished',
      steps: [],
      attachments: [],
      parameters: [],
      links: [],
      labels,
      start: running.started,
      stop: Date.now(),
    };
    writeFileSync(path.join(this.resultsDir, `${uuid}-result.json`), JSON.stringify(result));
  }

  /** Variant, firmware, rig … as the finished scenarios of this run carry them. */
  private runLabels(): RunLabels {
    const found: Record<string, string> = {};
    try {
      const file = readdirSync(this.resultsDir).find((f) => f.endsWith('-result.json'));
      if (file) {
        const labels =
          (
            JSON.parse(readFileSync(path.join(this.resultsDir, file), 'utf8')) as {
              labels?: { name: string; value: string }[];
            }
          ).labels ?? [];
        for (const l of labels) found[l.name] ??= l.value;
      }
    } catch {
      // No finished scenario to copy from: the labels stay "unknown".
    }
    return {
      variant: found.variant ?? 'unknown variant',
      firmware: found.firmware ?? 'unknown',
      model: found.model ?? 'unknown',
      imei: found.imei,
      rig: found.rig ?? 'unknown',
      harness: found.harness ?? 'unknown',
      place: found['labgrid-place'],
      exporter: found['labgrid-exporter'],
    };
  }
}

/** As allure-cucumberjs names a scenario, so a broken stand-in and a real result share history. */
function fullNameOf(scenario: RunningScenario): string {
  return `qmt-conformance:${scenario.uri}#${scenario.name}`;
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

function describeErrno(error: NodeJS.ErrnoException): string {
  const what =
    error.code === 'ENOSPC'
      ? 'no space left on device'
      : error.code === 'EDQUOT'
        ? 'disk quota exceeded'
        : error.code === 'EROFS'
          ? 'read-only file system'
          : 'I/O error';
  return `${what} (${error.code})`;
}
