/**
 * `qmt run`: the conformance suite against a module (a serial port, a ser2net TCP port, or the
 * built-in simulator), Allure results on disk scenario by scenario, then the report.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeComplianceReport } from '../report/compliance-report';
import { generateReport } from '../report/generate';
import { scrubResultsDir } from '../report/scrub-results';
import { writeTraceabilityResult } from '../report/traceability-result';
import { PROJECT_ROOT, runSuite } from './cucumber-runner';
import { FAULTS } from '../sim/faults/catalog';
import { describeLatency, parseLatency } from '../sim/network-latency';
import { checkPortOpens } from '../rig/preflight';
import { maskingDisabled } from '../secrets/masker';
import { checkInteger, checkLatency, checkPort, checkProfile, checkRecvLayout, checkSimProfile, checkTags, checkTimingMargin, checkVariant, UsageError } from './options';
import { RunConfigSchema } from './run-config';
import { RunGuard } from './run-guard';
import { checkBrokerPortFree, checkResultsDir } from './preflight-checks';
import { harnessVersion } from './version';

export interface RunCommandOptions {
  port?: string;
  baud: string;
  variant?: string;
  profile?: string;
  simProfile?: string;
  timingMargin: string;
  latency?: string;
  brokerHost: string;
  brokerListen: string;
  brokerPort: string;
  tags?: string;
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
  const config = RunConfigSchema.parse({
    port: checkPort(options.port),
    baud: checkInteger('--baud', options.baud, 1, 4_000_000),
    variant: checkVariant(options.variant),
    profile: checkProfile('--profile', options.profile),
    simProfile: checkSimProfile(options.simProfile, options.port),
    timingMargin: checkTimingMargin(options.timingMargin),
    latency: checkLatency(options.latency, options.port),
    brokerHost: options.brokerHost,
    brokerListen: options.brokerListen,
    brokerPort: checkInteger('--broker-port', options.brokerPort, 0, 65535),
    faults: options.fault,
    simRecvLayout: checkRecvLayout(options.simRecvLayout, options.port),
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
  const target = config.port ?? `the built-in simulator (${config.simProfile ?? config.variant ?? 'EC200N-CN'}, network latency ${describeLatency(parseLatency(config.latency)!)})`;
  console.log(`qmt: conformance suite against ${target}; broker fixture on ${config.brokerListen}; results in ${path.relative(process.cwd(), resultsDir) || resultsDir}`);
  console.log(
    config.profile
      ? `qmt: strict mode: the module must show the readings of profile ${config.profile}`
      : 'qmt: default mode: every reading the note allows passes and is recorded (--profile for a strict run)',
  );
  // Interrupted, port gone, broker port taken, disk full: finished results stay, the running
  // scenario is written as broken, one line, exit 130/143/3 (src/cli/run-guard.ts).
  const guard = new RunGuard(resultsDir, () => [...config.secrets, ...Object.values(config.runSecrets)]);
  const uninstall = guard.install();
  let outcome;
  try {
    outcome = await runSuite({ config, tags, resultsDir, onEnvelope: (e) => guard.observe(e) });
    writeTraceabilityResult(resultsDir, path.join(PROJECT_ROOT, 'features'), variantOfResults(resultsDir, config.variant));
  } catch (error) {
    guard.diskTrouble(error);
    throw error;
  } finally {
    uninstall();
  }
  // Belt and braces: secrets are masked where they are recorded; this catches any that slipped through.
  if (!maskingDisabled()) scrubResultsDir(resultsDir, [...config.secrets, ...Object.values(config.runSecrets)]);
  if (options.report) {
    const outDir = path.resolve(options.reportDir);
    const started = Date.now();
    const report = await generateReport({ resultsDirs: [resultsDir], outDir });
    const compliance = await writeComplianceReport([resultsDir], outDir);
    console.log(`qmt: Allure report: ${report.reportIndex}`);
    if (report.singleFile) console.log(`qmt: single-file report: ${report.singleFile}`);
    console.log(`qmt: compliance summary: ${compliance.html}${compliance.pdf ? ` and ${compliance.pdf}` : ''} (${compliance.json})`);
    console.log(`qmt: reports generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(outcome.success ? 'qmt: every scenario passed' : 'qmt: some scenarios FAILED');
  return outcome.success ? 0 : 1;
}

/** Faults are switches of the built-in simulator; a real module has its own bugs. */
function checkFaults(ids: string[], port: string | undefined): void {
  if (ids.length && port) throw new UsageError('--fault switches simulator faults; it cannot be used with --port (a real module)');
  const unknown = ids.filter((id) => !FAULTS.some((f) => f.id === id));
  if (unknown.length) throw new UsageError(`--fault ${unknown.join(', ')}: unknown (see qmt-sim --list-faults)`);
}

/** The variant the run's scenarios were labelled with (detected from ATI on hardware). */
function variantOfResults(resultsDir: string, fallback: string | undefined): string {
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-result.json'))) {
    const result = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as { labels?: { name: string; value: string }[] };
    const variant = result.labels?.find((l) => l.name === 'variant')?.value;
    if (variant) return variant;
  }
  return fallback ?? 'unknown variant';
}
