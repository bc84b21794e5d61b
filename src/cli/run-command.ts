/**
 * `qmt run`: the conformance suite against a module (a serial port, a ser2net TCP port, or the
 * built-in simulator), Allure results on disk scenario by scenario, then the report.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeComplianceReport } from '../report/compliance-report';
import { generateReport } from '../report/generate';
import { foldTeardownFailures } from '../report/fold-teardown-failures';
import { scrubResultsDir } from '../report/scrub-results';
import { writeTraceabilityResult } from '../report/traceability-result';
import { PROJECT_ROOT, runSuite } from './cucumber-runner';
import { describeLatency, parseLatency } from '../sim/network-latency';
import { applyRigHostName, rigHostName } from '../rig/rig-host';
import { RunScopeRecorder } from '../report/run-scope';
import { combinedExitCode, runWorkers } from './rigs-run';
import { maskingDisabled } from '../secrets/masker';
import { checkRunOptions, type CheckedRun, type RunCommandOptions } from './checked-run';
import { claimResultsFolder, markFolder } from './output-folder';
import { RunGuard } from './run-guard';
import { PROGRESS_EVENTS_ENV } from './progress/worker-events';
import { harnessVersion } from './version';
import { adoptSinglePlace, NO_PLACES, placesForRun, placeWorkerArgs, type RunPlaces } from './labgrid-places';
import { DEFAULT_SIMULATED_VARIANT } from './defaults';

export type { RunCommandOptions } from './checked-run';

export async function runCommand(options: RunCommandOptions): Promise<number> {
  // labgrid places (--place / --reserve) are held once every check that needs no module has
  // passed (a bad tag expression must not cost anyone a place), and released however the run ends.
  let places: RunPlaces = NO_PLACES;
  try {
    // Every check, for one port or many, before anything is deleted or started.
    const run = await checkRunOptions(options, async () => {
      places = await placesForRun(options);
      return places.ports;
    });
    if (run.workers.length) return await runOnRigs(run, places);
    adoptSinglePlace(places, run.ports[0]);
    return await runOnOnePort(run);
  } finally {
    await places.release();
  }
}

async function runOnOnePort(run: CheckedRun): Promise<number> {
  const { config, resultsDir } = run;
  // Emptied at each run (checked: the harness's own folder); each scenario's result is written as
  // soon as it finishes, so an interrupted run keeps what it completed.
  claimResultsFolder(resultsDir, `qmt ${harnessVersion()} run (Allure results)`);
  const target =
    config.port ??
    (config.simReplay ? `a replay of ${config.simReplay}` : undefined) ??
    `the built-in simulator (${config.simProfile ?? config.variant ?? DEFAULT_SIMULATED_VARIANT}, network latency ${describeLatency(parseLatency(config.latency)!)})`;
  // A worker of a multi-port run: the parent says all this once, for every module.
  const say = process.env[PROGRESS_EVENTS_ENV] ? () => undefined : console.log;
  say(
    `qmt: conformance suite against ${target}; ${run.selected} scenarios${config.tags || run.names.length ? ' selected' : ''}; broker fixture on ${config.brokerListen}; results in ${path.relative(process.cwd(), resultsDir) || resultsDir}`,
  );
  say(
    config.profile
      ? `qmt: strict mode: the module must show the readings of profile ${config.profile}`
      : 'qmt: default mode: every reading the note allows passes and is recorded (--profile for a strict run)',
  );
  applyRigHostName();
  // Interrupted, port gone, broker port taken, disk full: finished results stay, the running
  // scenario is written as broken, one line, exit 130/143/3 (src/cli/run-guard.ts).
  const guard = new RunGuard(resultsDir, () => [...config.secrets, ...Object.values(config.runSecrets)]);
  // The selection, the catalog and Cucumber's verdicts, for the report's scope (src/report/run-scope.ts).
  const scope = new RunScopeRecorder(
    resultsDir,
    { tags: config.tags, names: [...run.names], includeSlow: config.includeSlow },
    rigHostName(),
  );
  const uninstall = guard.install();
  let outcome;
  try {
    outcome = await runSuite({
      config,
      tags: config.tags,
      resultsDir,
      names: [...run.names],
      formats: run.formats,
      progress: {
        module: config.port ?? (config.simReplay ? 'replay' : 'simulator'),
        realTime: config.port !== undefined,
      },
      onEnvelope: (e) => {
        guard.observe(e);
        try {
          scope.observe(e);
        } catch (error) {
          if (!guard.diskTrouble(error)) throw error;
        }
      },
      workers: run.parallel,
      shard: run.shard,
    });
    writeTraceabilityResult(resultsDir, path.join(PROJECT_ROOT, 'features'));
  } catch (error) {
    guard.diskTrouble(error);
    throw error;
  } finally {
    uninstall();
  }
  // A failing After hook (a conformance check) fails the scenario in Allure too, as in Cucumber.
  foldTeardownFailures(resultsDir);
  // Belt and braces: secrets are masked where they are recorded; this catches any that slipped through.
  if (!maskingDisabled()) scrubResultsDir(resultsDir, [...config.secrets, ...Object.values(config.runSecrets)]);
  if (run.reportDir) {
    const outDir = run.reportDir;
    markFolder(outDir, `qmt ${harnessVersion()} run (reports)`);
    const started = Date.now();
    const report = await generateReport({ resultsDirs: [resultsDir], outDir });
    const compliance = await writeComplianceReport([resultsDir], outDir);
    console.log(`qmt: Allure report: ${report.reportIndex}`);
    if (report.singleFile) console.log(`qmt: single-file report: ${report.singleFile}`);
    console.log(
      `qmt: compliance summary: ${compliance.html}${compliance.pdf ? ` and ${compliance.pdf}` : ''} (${compliance.json})`,
    );
    if (compliance.pdfNote) console.log(`qmt: ${compliance.pdfNote}`);
    console.log(`qmt: reports generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  say(finalLine(outcome));
  return outcome.success ? 0 : 1;
}

/** Several modules: one worker process each (src/cli/rigs-run.ts says why), then one report over all. */
async function runOnRigs(run: CheckedRun, places: RunPlaces): Promise<number> {
  const { options, resultsDir, workers: plans } = run;
  claimResultsFolder(resultsDir, `qmt ${harnessVersion()} run (Allure results of ${plans.length} modules)`);
  const args = [
    '--baud',
    options.baud,
    '--broker-host',
    options.brokerHost,
    '--broker-listen',
    options.brokerListen,
    ...(options.variant ? ['--variant', options.variant] : []),
    // Strict mode and the margin hold for every module of the rig alike.
    ...(options.profile ? ['--profile', options.profile] : []),
    '--timing-margin',
    options.timingMargin,
    ...(options.tags ? ['--tags', options.tags] : []),
    ...run.names.flatMap((n) => ['--name', n]),
    ...options.brokerAllow.flatMap((a) => ['--broker-allow', a]),
    ...(options.includeSlow ? ['--include-slow'] : []),
    ...options.secret.flatMap((s) => ['--secret', s]),
  ];
  console.log(
    `qmt: ${plans.length} modules in parallel, one worker each, ${run.selected} scenarios each: ${plans.map((p) => p.port).join(', ')}; results in ${path.relative(process.cwd(), resultsDir) || resultsDir}/<port>`,
  );
  console.log(
    options.profile
      ? `qmt: strict mode: every module must show the readings of profile ${options.profile}`
      : 'qmt: default mode: every reading the note allows passes and is recorded (--profile for a strict run)',
  );
  const started = Date.now();
  // One file per worker process: <name>-<port slug>.<ext> for the CA, JUnit and formatter files.
  const perWorker = (file: string, slug: string) => file.replace(/(\.[A-Za-z0-9]+)?$/, (ext) => `-${slug}${ext}`);
  const workerArgs = (slug: string) => [
    ...(run.config.brokerCaOut ? ['--broker-ca-out', perWorker(run.config.brokerCaOut, slug)] : []),
    ...run.formats.flatMap(([name, file]) => ['--format', file ? `${name}:${perWorker(file, slug)}` : name]),
  ];
  const outcomes = await runWorkers(plans, args, (plan) => [
    ...workerArgs(plan.slug),
    ...placeWorkerArgs(places, plan.port),
  ]);
  for (const o of outcomes)
    console.log(
      `qmt: ${o.plan.port}: ${o.exitCode === 0 ? 'no scenario failed' : o.exitCode === 1 ? 'some scenarios FAILED' : `worker exited ${o.exitCode}`}`,
    );
  console.log(`qmt: ${plans.length} modules done in ${((Date.now() - started) / 1000).toFixed(1)} s wall`);
  const dirs = outcomes.map((o) => o.plan.resultsDir).filter((d) => existsSync(d));
  if (run.reportDir && dirs.length) {
    const outDir = run.reportDir;
    markFolder(outDir, `qmt ${harnessVersion()} run (reports)`);
    const report = await generateReport({ resultsDirs: dirs, outDir });
    const compliance = await writeComplianceReport(dirs, outDir);
    console.log(`qmt: Allure report over ${dirs.length} modules (grouped by variant): ${report.reportIndex}`);
    console.log(
      `qmt: compliance summary: ${compliance.html}${compliance.pdf ? ` and ${compliance.pdf}` : ''} (${compliance.json})`,
    );
    if (compliance.pdfNote) console.log(`qmt: ${compliance.pdfNote}`);
  }
  return combinedExitCode(outcomes);
}

/** The run's last line: a scenario skipped as not applicable is named as such, never as passed. */
function finalLine(outcome: { success: boolean; notApplicable: string[] }): string {
  if (!outcome.success) return 'qmt: some scenarios FAILED';
  const na = outcome.notApplicable.length;
  return na ? `qmt: no scenario failed; ${na} not applicable (not passed)` : 'qmt: every scenario passed';
}
