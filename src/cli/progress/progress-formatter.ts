/**
 * The console of `qmt run`, a Cucumber formatter: one progress line per module (rewritten in
 * place on a terminal, a plain line at most every PLAIN_INTERVAL_MS otherwise), each failure in
 * one line as it happens with the path of its transcript, and at the end Cucumber's own summary
 * with the skipped scenarios named for what they are: not applicable, not passed. Nothing of
 * Cucumber's or Allure's internals (hook names, attachment media types, stack frames) reaches the
 * screen; the Allure report holds all of it. In a worker of a multi-port run it sends the same to
 * the parent instead (src/cli/progress/worker-events.ts).
 */
import { Formatter, formatterHelpers, type IFormatterOptions } from '@cucumber/cucumber';
import { TimeConversion, type Envelope, type Timestamp } from '@cucumber/messages';
import { transcriptOf } from './failure-evidence';
import { failureLine, progressLine, ProgressState } from './progress-state';
import { encodeWorkerEvent, PROGRESS_EVENTS_ENV, type WorkerEvent } from './worker-events';

/** formatOptions.qmtProgress, set by src/cli/cucumber-runner.ts. */
export interface ProgressFormatOptions {
  /** What the line names: the port, or "simulator". */
  readonly module: string;
  /** Real time (hardware, a pty): the line shows the time left. */
  readonly realTime: boolean;
  /** Allure results folder, where a failure's transcript is found. */
  readonly resultsDir?: string;
}

const PLAIN_INTERVAL_MS = 10_000;
const TTY_INTERVAL_MS = 250;

export default class QmtProgressFormatter extends Formatter {
  static readonly documentation = 'qmt: progress per module, failures as they happen, Cucumber summary';
  private readonly state: ProgressState;
  private readonly settings: ProgressFormatOptions;
  private readonly mode: 'tty' | 'plain' | 'events';
  private lastDrawn = 0;
  private lastLine = '';
  private onScreen = false;
  private runStarted: Timestamp | undefined;
  /** Lines deferred to after the other listeners of a message, in order. */
  private deferred: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(options: IFormatterOptions) {
    super(options);
    this.settings = (options.parsedArgvOptions.qmtProgress as ProgressFormatOptions | undefined) ?? {
      module: 'module',
      realTime: false,
    };
    this.state = new ProgressState(this.settings.module, this.settings.realTime);
    this.mode = process.env[PROGRESS_EVENTS_ENV]
      ? 'events'
      : (options.stream as NodeJS.WriteStream).isTTY
        ? 'tty'
        : 'plain';
    options.eventBroadcaster.on('envelope', (envelope: Envelope) => this.observe(envelope));
    // The time left and the running scenario move between messages too (a 60 s wait sends none).
    if (this.mode !== 'plain') {
      this.timer = setInterval(() => this.draw(false), this.mode === 'tty' ? 1000 : 2000);
      this.timer.unref();
    }
  }

  private observe(envelope: Envelope): void {
    if (envelope.testRunStarted) this.runStarted = envelope.testRunStarted.timestamp;
    const failure = this.state.observe(envelope);
    // Deferred to after every listener of this message: the Allure reporter, whichever formatter
    // Cucumber loaded first, has then written the failed scenario's transcript.
    if (failure)
      this.later(() => {
        const evidence = this.settings.resultsDir
          ? transcriptOf(this.settings.resultsDir, failure.scenario, failure.startedAt)
          : undefined;
        this.emitLine('failure', failureLine(this.settings.module, failure, evidence));
      });
    // A plain line is drawn as a scenario starts, so that it names it.
    if (envelope.testCaseStarted || (envelope.testCaseFinished && this.mode !== 'plain')) this.draw(false);
    if (envelope.testRunFinished) {
      if (this.timer) clearInterval(this.timer);
      this.draw(true);
      const summary = this.summary(envelope);
      this.later(() => this.emitLine('summary', summary)); // after the failure lines deferred above
    }
  }

  private later(write: () => void): void {
    this.deferred = this.deferred.then(() => new Promise<void>((done) => setImmediate(() => (write(), done()))));
  }

  /** Cucumber closes the stream after this: the deferred lines go out first. */
  override async finished(): Promise<void> {
    await this.deferred;
    await super.finished();
  }

  /** The progress line, at a rate the medium can take. */
  private draw(force: boolean): void {
    const snapshot = this.state.snapshot();
    if (this.mode === 'events') {
      this.log(encodeWorkerEvent({ type: 'progress', snapshot }));
      return;
    }
    const line = progressLine(snapshot);
    const interval = this.mode === 'tty' ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS;
    if (!force && (line === this.lastLine || Date.now() - this.lastDrawn < interval)) return;
    this.lastDrawn = Date.now();
    this.lastLine = line;
    if (this.mode === 'plain') {
      this.log(`${line}\n`);
      return;
    }
    const width = (this.stream as NodeJS.WriteStream).columns || 120;
    this.log(`\r\x1b[2K${truncate(line, width - 1)}`);
    this.onScreen = true;
    if (force) {
      this.log('\n');
      this.onScreen = false;
    }
  }

  /** A line of its own above the progress line (a failure, the summary). */
  private emitLine(type: Exclude<WorkerEvent['type'], 'progress'>, line: string): void {
    if (this.mode === 'events') {
      this.log(encodeWorkerEvent({ type, line }));
      return;
    }
    if (this.onScreen) this.log('\r\x1b[2K');
    this.log(`${line}\n`);
    this.onScreen = false;
    if (this.mode === 'tty' && type === 'failure') {
      this.lastDrawn = 0;
      this.draw(false);
    }
  }

  /** Cucumber's summary, in its words, with "skipped" said to mean not applicable. */
  private summary(envelope: Envelope): string {
    const text = formatterHelpers.formatSummary({
      colorFns: this.colorFns,
      testCaseAttempts: this.eventDataCollector.getTestCaseAttempts(),
      testRunDuration: this.runDuration(envelope),
    });
    const [scenarios, ...rest] = text.trimEnd().split('\n');
    return [(scenarios ?? '').replace(/(\d+ skipped)/, '$1 = not applicable, not passed'), ...rest].join('\n');
  }

  private runDuration(envelope: Envelope) {
    const end = envelope.testRunFinished?.timestamp;
    if (!end || !this.runStarted) return { seconds: 0, nanos: 0 };
    return TimeConversion.millisecondsToDuration(
      TimeConversion.timestampToMillisecondsSinceEpoch(end) -
        TimeConversion.timestampToMillisecondsSinceEpoch(this.runStarted),
    );
  }
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
