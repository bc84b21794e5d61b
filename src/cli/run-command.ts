/**
 * `qmt run`: the conformance suite against a module (a serial port, a ser2net TCP port, or the
 * built-in simulator), Allure results on disk scenario by scenario, then the report.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeComplianceReport } from '../report/compliance-report';
import { generateReport } from '../report/generate';
import { foldTeardownFailures } from '../report/fold-teardown-failures';
import { scrubResultsDir } from '../report/scrub-results';
import { writeTraceabilityResult } from '../report/traceability-result';
import { PROJECT_ROOT, runSuite } from './cucumber-runner';
import { FAULTS } from '../sim/faults/catalog';
import { describeLatency, parseLatency } from '../sim/network-latency';
import { checkPortOpens } from '../rig/preflight';
import { applyRigHostName } from '../rig/rig-host';
import type * as Discovery from '../rig/discovery';
import { addEntry } from '../rig/broker-access';
import { BlockList } from 'node:net';
import { combinedExitCode, planWorkers, runWorkers } from './rigs-run';
import { maskingDisabled } from '../secrets/masker';
import {
  checkInteger,
  checkLatency,
  checkPort,
  checkProfile,
  checkRecvLayout,
  checkSimProfile,
  checkTags,
  checkTimingMargin,
  checkVariant,
  UsageError,
} from './options';
import { RunConfigSchema } from './run-config';
import { RunGuard } from './run-guard';
import { checkBrokerPortFree, checkResultsDir } from './preflight-checks';
import { harnessVersion } from './version';
import {
  adoptSinglePlace,
  placesForRun,
  placeWorkerArgs,
  type LabgridRunOptions,
  type RunPlaces,
} from './labgrid-places';

export interface RunCommandOptions extends LabgridRunOptions {
  /** Every --port given (none = the built-in simulator; "auto" = discovery). */
  port: string[];
  baud: string;
  variant?: string;
  profile?: string;
  simProfile?: string;
  timingMargin: string;
  latency?: string;
  brokerHost: string;
  brokerListen: string;
  brokerPort: string;
  brokerAllow: string[];
  brokerCaOut?: string;
  tags?: string;
  /** Scenario name regular expressions (cucumber --name). */
  name?: string[];
  results: string;
  fault: string[];
  secret: string[];
  report: boolean;
  includeSlow?: boolean;
  reportDir: string;
  simRecvLayout?: string;
}

/**
 * QMT_RUN_SECRETS (a JSON object) fixes the secrets a run makes up ({password} …), e.g. to
 * reproduce a run or to check that known secrets never reach a report; otherwise they are fresh.
 */
function fixedRunSecrets(): Record<string, string> | undefined {
  const text = process.env.QMT_RUN_SECRETS;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, string>;
  } catch {
    throw new UsageError('QMT_RUN_SECRETS is not a JSON object');
  }
}

export async function runCommand(options: RunCommandOptions): Promise<number> {
  const baud = checkInteger('--baud', options.baud, 1, 4_000_000);
  const given = await resolvePorts(options.port, baud);
  // Cheap checks first: a bad tag expression must not cost anyone a place.
  checkTags(options.tags);
  checkVariant(options.variant);
  checkFaults(options.fault, options.place?.[0] ?? options.reserve?.[0]);
  // labgrid places (--place / --reserve): their ports join the others; released however the run ends.
  const places = await placesForRun(options);
  try {
    return await runOnPorts(options, [...given, ...places.ports], places);
  } finally {
    await places.release();
  }
}

async function runOnPorts(options: RunCommandOptions, ports: string[], places: RunPlaces): Promise<number> {
  if (ports.length > 1) return runOnRigs(options, ports, places);
  adoptSinglePlace(places, ports[0]);
  const config = RunConfigSchema.parse({
    port: checkPort(ports[0]),
    baud: checkInteger('--baud', options.baud, 1, 4_000_000),
    variant: checkVariant(options.variant),
    profile: checkProfile('--profile', options.profile),
    simProfile: checkSimProfile(options.simProfile, ports[0]),
    timingMargin: checkTimingMargin(options.timingMargin),
    latency: checkLatency(options.latency, ports[0]),
    brokerHost: options.brokerHost,
    brokerListen: options.brokerListen,
    brokerPort: checkInteger('--broker-port', options.brokerPort, 0, 65535),
    brokerAllow: checkBrokerAllow(options.brokerAllow),
    brokerCaOut: options.brokerCaOut ? path.resolve(options.brokerCaOut) : undefined,
    faults: options.fault,
    simRecvLayout: checkRecvLayout(options.simRecvLayout, ports[0]),
    secrets: options.secret,
    resultsDir: path.resolve(options.results),
    tags: options.tags,
    includeSlow: Boolean(options.includeSlow),
    harness: harnessVersion(),
    runSecrets: fixedRunSecrets(),
  });
  const tags = checkTags(options.tags);
  checkFaults(options.fault, config.port);
  if (config.port) {
    const problem = await checkPortOpens(config.port, config.baud);
    if (problem) throw new UsageError(`--port ${config.port}: ${problem}`);
  }
  const resultsDir = config.resultsDir as string;
  checkResultsDir('--results', resultsDir);
  if (config.brokerPort !== 0) await checkBrokerPortFree(config.brokerListen, config.brokerPort);
  // Cleaned at each run; each scenario's result is written as soon as it finishes, so an
  // interrupted run keeps what it completed.
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const target =
    config.port ??
    `the built-in simulator (${config.simProfile ?? config.variant ?? 'EC200N-CN'}, network latency ${describeLatency(parseLatency(config.latency)!)})`;
  console.log(
    `qmt: conformance suite against ${target}; broker fixture on ${config.brokerListen}; results in ${path.relative(process.cwd(), resultsDir) || resultsDir}`,
  );
  console.log(
    config.profile
      ? `qmt: strict mode: the module must show the readings of profile ${config.profile}`
      : 'qmt: default mode: every reading the note allows passes and is recorded (--profile for a strict run)',
  );
  applyRigHostName();
  // Interrupted, port gone, broker port taken, disk full: finished results stay, the running
  // scenario is written as broken, one line, exit 130/143/3 (src/cli/run-guard.ts).
  const guard = new RunGuard(resultsDir, () => [...config.secrets, ...Object.values(config.runSecrets)]);
  const uninstall = guard.install();
  let outcome;
  try {
    outcome = await runSuite({
      config,
      tags,
      resultsDir,
      names: checkNames(options.name),
      onEnvelope: (e) => guard.observe(e),
    });
    writeTraceabilityResult(
      resultsDir,
      path.join(PROJECT_ROOT, 'features'),
      variantOfResults(resultsDir, config.variant),
    );
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
  if (options.report) {
    const outDir = path.resolve(options.reportDir);
    const started = Date.now();
    const report = await generateReport({ resultsDirs: [resultsDir], outDir });
    const compliance = await writeComplianceReport([resultsDir], outDir);
    console.log(`qmt: Allure report: ${report.reportIndex}`);
    if (report.singleFile) console.log(`qmt: single-file report: ${report.singleFile}`);
    console.log(
      `qmt: compliance summary: ${compliance.html}${compliance.pdf ? ` and ${compliance.pdf}` : ''} (${compliance.json})`,
    );
    console.log(`qmt: reports generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(outcome.success ? 'qmt: every scenario passed' : 'qmt: some scenarios FAILED');
  return outcome.success ? 0 : 1;
}

/** `--port auto` expands to every module discovery finds (besides the ports named explicitly). */
async function resolvePorts(given: readonly string[], baud: number): Promise<string[]> {
  if (!given.includes('auto')) return [...given];
  // Loaded on use: each run worker of a multi-module run starts faster without it.
  const { discoverModules } = require('../rig/discovery') as typeof Discovery;
  const { modules, problems } = await discoverModules({ baud });
  for (const p of problems) console.log(`qmt: --port auto: skipping ${p.ports.join(',')}: ${p.problem}`);
  for (const m of modules)
    console.log(
      `qmt: --port auto: ${m.variant ?? 'unknown variant'} (${m.identity.model}, ${m.identity.revision}) on ${m.port}`,
    );
  if (modules.length === 0)
    throw new UsageError(
      '--port auto: no Quectel module found (USB vendor 2C7C; QMT_RIG_PORTS adds ser2net / RFC 2217 / other ports)',
    );
  return [...given.filter((p) => p !== 'auto'), ...modules.map((m) => m.port)];
}

/** Several modules: one worker process each (src/cli/rigs-run.ts says why), then one report over all. */
async function runOnRigs(options: RunCommandOptions, ports: string[], places: RunPlaces): Promise<number> {
  ports.forEach((port) => checkPort(port));
  checkVariant(options.variant);
  checkTags(options.tags);
  checkFaults(options.fault, ports[0]);
  const resultsDir = path.resolve(options.results);
  const plans = planWorkers(ports, resultsDir, checkInteger('--broker-port', options.brokerPort, 0, 65535));
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const args = [
    '--baud',
    options.baud,
    '--broker-host',
    options.brokerHost,
    '--broker-listen',
    options.brokerListen,
    ...(options.variant ? ['--variant', options.variant] : []),
    // Strict mode and the margin hold for every module of the rig alike.
    ...(options.profile ? ['--profile', checkProfile('--profile', options.profile) as string] : []),
    '--timing-margin',
    checkTimingMargin(options.timingMargin),
    ...(options.tags ? ['--tags', options.tags] : []),
    ...checkNames(options.name).flatMap((n) => ['--name', n]),
    ...checkBrokerAllow(options.brokerAllow).flatMap((a) => ['--broker-allow', a]),
    ...(options.includeSlow ? ['--include-slow'] : []),
    ...options.secret.flatMap((s) => ['--secret', s]),
  ];
  console.log(
    `qmt: ${plans.length} modules in parallel, one worker each: ${plans.map((p) => p.port).join(', ')}; results in ${path.relative(process.cwd(), resultsDir) || resultsDir}/<port>`,
  );
  const started = Date.now();
  // One CA per worker process: each gets its own file, <name>-<port slug>.pem.
  const caArgs = (slug: string) =>
    options.brokerCaOut ? ['--broker-ca-out', options.brokerCaOut.replace(/(\.pem)?$/, `-${slug}.pem`)] : [];
  const outcomes = await runWorkers(plans, args, (plan) => [
    ...caArgs(plan.slug),
    ...placeWorkerArgs(places, plan.port),
  ]);
  for (const o of outcomes)
    console.log(
      `qmt: ${o.plan.port}: ${o.exitCode === 0 ? 'every scenario passed' : o.exitCode === 1 ? 'some scenarios FAILED' : `worker exited ${o.exitCode}`}`,
    );
  console.log(`qmt: ${plans.length} modules done in ${((Date.now() - started) / 1000).toFixed(1)} s wall`);
  const dirs = outcomes.map((o) => o.plan.resultsDir).filter((d) => existsSync(d));
  if (options.report && dirs.length) {
    const outDir = path.resolve(options.reportDir);
    const report = await generateReport({ resultsDirs: dirs, outDir });
    const compliance = await writeComplianceReport(dirs, outDir);
    console.log(`qmt: Allure report over ${dirs.length} modules (grouped by variant): ${report.reportIndex}`);
    console.log(`qmt: compliance summary: ${compliance.html} (${compliance.json})`);
  }
  return combinedExitCode(outcomes);
}

function checkBrokerAllow(entries: string[] | undefined): string[] {
  for (const entry of entries ?? []) {
    try {
      addEntry(new BlockList(), entry);
    } catch (error) {
      throw new UsageError(`--broker-allow: ${(error as Error).message}`);
    }
  }
  return entries ?? [];
}

function checkNames(names: string[] | undefined): string[] {
  for (const name of names ?? []) {
    try {
      new RegExp(name);
    } catch (error) {
      throw new UsageError(`--name ${name}: ${(error as Error).message}`);
    }
  }
  return names ?? [];
}

/** Faults are switches of the built-in simulator; a real module has its own bugs. */
function checkFaults(ids: string[], port: string | undefined): void {
  if (ids.length && port)
    throw new UsageError('--fault switches simulator faults; it cannot be used with --port (a real module)');
  const unknown = ids.filter((id) => !FAULTS.some((f) => f.id === id));
  if (unknown.length) throw new UsageError(`--fault ${unknown.join(', ')}: unknown (see qmt-sim --list-faults)`);
}

/** The variant the run's scenarios were labelled with (detected from ATI on hardware). */
function variantOfResults(resultsDir: string, fallback: string | undefined): string {
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-result.json'))) {
    const result = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as {
      labels?: { name: string; value: string }[];
    };
    const variant = result.labels?.find((l) => l.name === 'variant')?.value;
    if (variant) return variant;
  }
  return fallback ?? 'unknown variant';
}
