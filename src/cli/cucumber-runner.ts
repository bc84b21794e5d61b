/**
 * Runs the conformance features in this process with Cucumber's programmatic API. The support
 * code is loaded once and reused, so the fault-score run can repeat the suite many times.
 */
import { loadConfiguration, loadSources, loadSupport, runCucumber, type IRunOptions } from '@cucumber/cucumber/api';
import type { ISupportCodeLibrary } from '@cucumber/cucumber/api';
import { devNull } from 'node:os';
import path from 'node:path';
import type { Envelope } from '@cucumber/messages';
import type { RunConfig, RunParameters } from './run-config';

/**
 * The sources this file was loaded from: the TypeScript at the project's root, or the compiled
 * tree .build/ (scripts/build.js). Cucumber loads the support code and steps from the same place,
 * so one process never holds two copies of a module.
 */
const SOURCE_ROOT = path.resolve(__dirname, '..', '..');
const COMPILED = path.extname(__filename) === '.js';
/** The project's own folder (features, reports, the folders a run must never empty). */
export const PROJECT_ROOT = COMPILED ? path.dirname(SOURCE_ROOT) : SOURCE_ROOT;

export interface SuiteRunOptions {
  config: RunConfig;
  /** Cucumber tag expression. */
  tags?: string;
  /** Allure results folder; undefined = no Allure output. */
  resultsDir?: string;
  /** Console format: the progress display for people, nothing for fault-score runs. */
  quiet?: boolean;
  /** What the progress display names the module, and whether it runs in real time. */
  progress?: { module: string; realTime: boolean };
  /** Cucumber's own formatters the user added, `[name, file]` (no file = the console, instead of the progress display). */
  formats?: readonly (readonly [string, string | undefined])[];
  /** Stop at the first failure (fault-score runs only need one). */
  failFast?: boolean;
  /** Only scenarios whose name matches one of these regular expressions. */
  names?: string[];
  /** Sees every Cucumber message as it happens (the run guard follows the running scenarios). */
  onEnvelope?: (envelope: Envelope) => void;
  /**
   * Cucumber parallel workers (src/cli/workers.ts); 1 (default) runs the scenarios in this process,
   * where bench/run.ts reads each scenario's virtual clock.
   */
  workers?: number;
  /** Cucumber's `<i>/<n>` sharding: only every n-th selected scenario, from the i-th. */
  shard?: string;
}

export interface SuiteOutcome {
  success: boolean;
  /** Scenario counts by status. */
  counts: Record<string, number>;
  /** Every scenario that ran (not skipped), as "features/x.feature » name". */
  ran: string[];
  /** The scenarios that failed, same naming. */
  failed: string[];
  /** The scenarios skipped as not applicable (never counted as passed), same naming. */
  notApplicable: string[];
}

let support: ISupportCodeLibrary | undefined;

const FEATURES = () => [path.join(PROJECT_ROOT, 'features/**/*.feature')];

/**
 * The scenarios a tag expression and name patterns select, as Cucumber's own filter sees them
 * (outline rows each count), without running anything: an empty selection is refused up front.
 */
export async function selectedScenarios(tags: string | undefined, names: readonly string[]): Promise<number> {
  const { runConfiguration } = await loadConfiguration(
    { file: false, provided: { paths: FEATURES(), tags: tags ?? '', name: [...names] } },
    { cwd: PROJECT_ROOT },
  );
  const { plan, errors } = await loadSources(runConfiguration.sources, { cwd: PROJECT_ROOT });
  if (errors.length) throw new Error(`features do not parse: ${errors.map((e) => e.message).join('; ')}`);
  return plan.length;
}

export async function runSuite(options: SuiteRunOptions): Promise<SuiteOutcome> {
  // Only one formatter may own stdout: the Allure reporter writes files, its stream goes nowhere.
  // The progress display comes after it, so a failure's transcript is on disk when it is named.
  const formats: (string | [string, string])[] = [];
  const userConsole = options.formats?.find(([, file]) => file === undefined);
  // allure-cucumberjs with Cucumber's verdict per scenario (src/report/scenario-verdict.ts).
  if (options.resultsDir) formats.push([path.join(PROJECT_ROOT, 'scripts', 'allure-reporter.js'), devNull]);
  if (options.quiet) formats.push(path.join(PROJECT_ROOT, 'scripts', 'silent-formatter.js'));
  else if (userConsole) formats.push(userConsole[0]);
  else formats.push(path.join(PROJECT_ROOT, 'scripts', 'progress-formatter.js'));
  for (const [name, file] of options.formats ?? []) if (file !== undefined) formats.push([name, file]);
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: {
        paths: FEATURES(),
        require: COMPILED
          ? [path.join(SOURCE_ROOT, 'support/**/*.js'), path.join(SOURCE_ROOT, 'steps/**/*.js')]
          : [path.join(SOURCE_ROOT, 'support/**/*.ts'), path.join(SOURCE_ROOT, 'steps/**/*.ts')],
        requireModule: COMPILED ? [] : [path.join(PROJECT_ROOT, 'scripts', 'register-ts.js')],
        format: formats,
        formatOptions: {
          ...(options.resultsDir ? { resultsDir: options.resultsDir } : {}),
          qmtProgress: {
            module: 'simulator',
            realTime: false,
            ...options.progress,
            ...(options.resultsDir ? { resultsDir: options.resultsDir } : {}),
          },
        },
        tags: options.tags ?? '',
        name: options.names ?? [],
        failFast: options.failFast ?? false,
        strict: true,
        shard: options.shard ?? '',
      },
    },
    { cwd: PROJECT_ROOT },
  );
  process.env.TS_NODE_TRANSPILE_ONLY = 'true';
  support ??= await loadSupport(runConfiguration, { cwd: PROJECT_ROOT });
  // bin/qmt.js keeps start-up marks for the cold-start benchmark (figure d).
  const marks = (globalThis as { qmtStartMarks?: Record<string, number> }).qmtStartMarks;
  if (marks) marks.cucumber ??= performance.now();
  const counts: Record<string, number> = {};
  const workers = options.workers ?? 1;
  const config: IRunOptions = {
    ...runConfiguration,
    runtime: {
      ...runConfiguration.runtime,
      parallel: workers > 1 ? workers : 0,
      // Read by BeforeAll (`this.parameters`) in this process or in each parallel worker, and by every World.
      worldParameters: { ...runConfiguration.runtime.worldParameters, config: options.config } satisfies RunParameters,
    },
    support,
  };
  const tracker = new ScenarioTracker();
  const { success } = await runCucumber(config, { cwd: PROJECT_ROOT }, (envelope) => {
    tracker.observe(envelope);
    options.onEnvelope?.(envelope);
    const finished = envelope.testCaseFinished;
    if (finished && !finished.willBeRetried) counts.finished = (counts.finished ?? 0) + 1;
    const status = envelope.testStepFinished?.testStepResult.status;
    if (status) counts[`step:${status}`] = (counts[`step:${status}`] ?? 0) + 1;
  });
  return { success, counts, ran: tracker.ran(), failed: tracker.failed(), notApplicable: tracker.notApplicable() };
}

/** Follows Cucumber's messages to name each scenario that ran and each that failed. */
class ScenarioTracker {
  private readonly pickleNames = new Map<string, string>();
  private readonly occurrences = new Map<string, number>();
  private readonly testCasePickle = new Map<string, string>();
  private readonly startedCase = new Map<string, string>();
  private readonly statuses = new Map<string, Set<string>>();

  observe(envelope: Envelope): void {
    if (envelope.pickle) {
      const { id, uri, name } = envelope.pickle;
      // Outline rows may share a name: the n-th occurrence keeps them apart, stable across runs.
      const base = `${path.relative(PROJECT_ROOT, path.resolve(PROJECT_ROOT, uri))} » ${name}`;
      const seen = (this.occurrences.get(base) ?? 0) + 1;
      this.occurrences.set(base, seen);
      this.pickleNames.set(id, seen === 1 ? base : `${base} (${seen})`);
    }
    if (envelope.testCase) this.testCasePickle.set(envelope.testCase.id, envelope.testCase.pickleId);
    if (envelope.testCaseStarted)
      this.startedCase.set(envelope.testCaseStarted.id, envelope.testCaseStarted.testCaseId);
    const step = envelope.testStepFinished;
    if (step) {
      const pickle = this.testCasePickle.get(this.startedCase.get(step.testCaseStartedId) ?? '');
      if (!pickle) return;
      const set = this.statuses.get(pickle) ?? new Set<string>();
      set.add(step.testStepResult.status);
      this.statuses.set(pickle, set);
    }
  }

  /** A scenario skipped as not applicable has only skipped steps besides passing hooks. */
  ran(): string[] {
    return this.named((s) => !s.has('SKIPPED') || s.has('FAILED'));
  }

  /** Skipped steps and nothing worse: its decisive steps did not run, so it is not a pass. */
  notApplicable(): string[] {
    return this.named((s) => s.has('SKIPPED') && !s.has('FAILED') && !s.has('AMBIGUOUS') && !s.has('UNDEFINED'));
  }

  failed(): string[] {
    return this.named((s) => s.has('FAILED') || s.has('AMBIGUOUS') || s.has('UNDEFINED'));
  }

  private named(keep: (statuses: Set<string>) => boolean): string[] {
    return [...this.statuses].filter(([, s]) => keep(s)).map(([id]) => this.pickleNames.get(id) ?? id);
  }
}
