/**
 * The one validation stage of `qmt run`: every option the user typed is checked, ports resolved
 * and opened, broker ports tried, output folders judged and the scenario selection counted,
 * before any worker or scenario starts, for one port or many. Both the single-port run and the
 * multi-port run (src/cli/rigs-run.ts) take the checked run this returns; nothing downstream
 * re-reads the raw options.
 */
import { existsSync, statSync } from 'node:fs';
import { BlockList } from 'node:net';
import path from 'node:path';
import { addEntry } from '../rig/broker-access';
import { checkPortOpens } from '../rig/preflight';
import { FAULTS } from '../sim/faults/catalog';
import { PROJECT_ROOT, selectedScenarios } from './cucumber-runner';
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
import { checkOutputFolder } from './output-folder';
import { checkSimReplay } from './replay-option';
import { checkBrokerPortFree } from './preflight-checks';
import { resolvePorts } from './resolve-ports';
import { planWorkers, type RigWorkerPlan } from './rigs-run';
import { RunConfigSchema, type RunConfig } from './run-config';
import { harnessVersion } from './version';
import { checkShard, checkWorkers, shareOf } from './workers';
import type { LabgridRunOptions } from './labgrid-places';

/** `qmt run`'s options as commander hands them over. */
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
  /** The name the user gave the report folder by: `--out`, or its older alias `--report-dir`. */
  reportDirOption?: string;
  simRecvLayout?: string;
  /** A recorded Allure results folder replayed in place of the built-in simulator. */
  simReplay?: string;
  /** Cucumber parallel workers for the built-in simulator (src/cli/workers.ts). */
  workers?: string;
  /** `i/n`: only every n-th selected scenario, from the i-th (one share per module). */
  shard?: string;
  /** Cucumber formatters to add, `<name>[:<file>]` (repeatable). */
  format?: string[];
  /** JUnit XML file (Cucumber's junit formatter). */
  junit?: string;
}

export interface CheckedRun {
  /** The module ports, resolved (`auto` expanded); empty = the built-in simulator. */
  readonly ports: readonly string[];
  /** The run configuration of a single-port run (its port is ports[0]). */
  readonly config: RunConfig;
  readonly names: readonly string[];
  readonly resultsDir: string;
  /** Where the HTML report and compliance summary go; undefined = --no-report. */
  readonly reportDir: string | undefined;
  /** One per port when there are several. */
  readonly workers: readonly RigWorkerPlan[];
  /** How many scenarios the tags and names select. */
  readonly selected: number;
  /** Extra Cucumber formatters, `[name, file]` (file undefined = stdout). */
  readonly formats: readonly (readonly [string, string | undefined])[];
  /** Cucumber parallel workers of a built-in simulator run (1 = this process). */
  readonly parallel: number;
  /** `i/n` share of the selection, or undefined for all of it. */
  readonly shard: string | undefined;
  /** The raw worker options a multi-port run passes on (already checked). */
  readonly options: RunCommandOptions;
}

/**
 * `morePorts` (labgrid places) is asked once every check that needs no module has passed; its
 * ports join the --port ones and are checked the same way.
 */
export async function checkRunOptions(
  options: RunCommandOptions,
  morePorts: () => Promise<readonly string[]> = async () => [],
): Promise<CheckedRun> {
  // 1. What needs no machine: option syntax, files named, output folders, the selection.
  const baud = checkInteger('--baud', options.baud, 1, 4_000_000);
  // A real module on a port or a labgrid place: the simulator's own options do not apply.
  const anyPort = options.port[0] ?? options.place?.[0] ?? (options.reserve?.length ? 'a reserved place' : undefined);
  const brokerPort = checkInteger('--broker-port', options.brokerPort, 0, 65535);
  const tags = checkTags(options.tags);
  const names = checkNames(options.name);
  const partial = {
    baud,
    variant: checkVariant(options.variant),
    profile: checkProfile('--profile', options.profile),
    simProfile: checkSimProfile(options.simProfile, anyPort),
    timingMargin: checkTimingMargin(options.timingMargin),
    latency: checkLatency(options.latency, anyPort),
    brokerHost: options.brokerHost,
    brokerListen: options.brokerListen,
    brokerPort,
    brokerAllow: checkBrokerAllow(options.brokerAllow),
    brokerCaOut: options.brokerCaOut ? checkFileToWrite('--broker-ca-out', options.brokerCaOut) : undefined,
    faults: checkFaults(options.fault, anyPort),
    simRecvLayout: checkRecvLayout(options.simRecvLayout, anyPort),
    secrets: options.secret,
    tags,
    includeSlow: Boolean(options.includeSlow),
    harness: harnessVersion(),
    runSecrets: fixedRunSecrets(),
  };
  const formats = checkFormats(options.format ?? [], options.junit);
  const parallel = checkWorkers(options.workers, anyPort, brokerPort);
  const shard = checkShard(options.shard);
  const resultsDir = checkOutputFolder('--results', options.results, 'results', PROJECT_ROOT);
  const reportDir = options.report
    ? checkOutputFolder(options.reportDirOption ?? '--out', options.reportDir, 'report', PROJECT_ROOT)
    : undefined;
  const simReplay = checkSimReplay(options.simReplay, {
    port: anyPort,
    simulatorOptions: simulatorOptionsGiven(options),
    resultsDir,
  });
  const matching = await selectedScenarios(tags, names);
  if (matching === 0) throw new UsageError(`no scenario matches ${describeSelection(tags, names)}`);
  // The share is what runs: an empty one would end green with nothing judged.
  const selected = shareOf(matching, shard);
  if (selected === 0)
    throw new UsageError(
      `--shard ${shard}: this share holds no scenario (${matching} match ${describeSelection(tags, names)})`,
    );

  // 2. The ports: resolved in one place, then each checked and opened; broker ports tried.
  const ports = [...(await resolvePorts(options.port, baud)), ...(await morePorts())];
  ports.forEach((port) => checkPort(port));
  // Each module of a multi-module run takes the whole selection; a share of it would apply to one only.
  if (shard !== undefined && ports.length > 1)
    throw new UsageError(`--shard ${shard} takes one module; ${ports.length} were given`);
  const workers = ports.length > 1 ? planWorkers(ports, resultsDir, brokerPort) : [];
  for (const port of ports) {
    const problem = await checkPortOpens(port, baud);
    if (problem) throw new UsageError(`--port ${port}: ${problem}`);
  }
  for (const fixedPort of workers.length ? workers.map((w) => w.brokerPort) : [brokerPort])
    if (fixedPort !== 0) await checkBrokerPortFree(options.brokerListen, fixedPort);

  const config = RunConfigSchema.parse({ ...partial, simReplay, port: ports[0], resultsDir });
  return { ports, config, names, resultsDir, reportDir, workers, selected, formats, parallel, shard, options };
}

/** The built-in simulator's own options the user gave (a replay answers as recorded instead). */
function simulatorOptionsGiven(options: RunCommandOptions): string[] {
  const given: [string, unknown][] = [
    ['--fault', options.fault.length],
    ['--sim-profile', options.simProfile],
    ['--sim-recv-layout', options.simRecvLayout],
    ['--latency', options.latency],
  ];
  return given.filter(([, value]) => value).map(([name]) => name);
}

/** `--tags "@x"` / `--name "y"` as the user wrote them, for the empty-selection line. */
function describeSelection(tags: string | undefined, names: readonly string[]): string {
  const parts = [...(tags ? [`--tags "${tags}"`] : []), ...names.map((n) => `--name "${n}"`)];
  return parts.length ? parts.join(' and ') : 'the catalog (no feature file found)';
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
function checkFaults(ids: string[], port: string | undefined): string[] {
  if (ids.length && port)
    throw new UsageError(
      '--fault switches simulator faults; it cannot be used with a real module (--port, --place or --reserve)',
    );
  const unknown = ids.filter((id) => !FAULTS.some((f) => f.id === id));
  if (unknown.length) throw new UsageError(`--fault ${unknown.join(', ')}: unknown (see qmt-sim --list-faults)`);
  return ids;
}

/** A file the run will write: its folder must exist and it must not be a folder itself. */
export function checkFileToWrite(option: string, file: string): string {
  const resolved = path.resolve(file);
  if (existsSync(resolved) && statSync(resolved).isDirectory())
    throw new UsageError(`${option} ${file}: is a folder; name a file`);
  if (!existsSync(path.dirname(resolved)) || !statSync(path.dirname(resolved)).isDirectory())
    throw new UsageError(`${option} ${file}: folder ${path.dirname(resolved)} does not exist`);
  return resolved;
}

/** Cucumber's own formatters (cucumber-js 12), which `--format` passes through. */
const CUCUMBER_FORMATS = [
  'html',
  'json',
  'junit',
  'message',
  'pretty',
  'progress',
  'progress-bar',
  'rerun',
  'snippets',
  'summary',
  'usage',
  'usage-json',
];

function checkFormats(given: readonly string[], junit: string | undefined): [string, string | undefined][] {
  const formats = given.map((spec): [string, string | undefined] => {
    // `name:file`, but not the drive-less `C:` of a Windows path nor a `node:` / `@scope/x` module.
    const match = /^([^:]+):(.+)$/.exec(spec);
    const [name, file] = match ? [match[1] as string, match[2] as string] : [spec, undefined];
    if (!CUCUMBER_FORMATS.includes(name) && !resolvable(name))
      throw new UsageError(
        `--format ${spec}: unknown formatter "${name}" (Cucumber's: ${CUCUMBER_FORMATS.join(', ')})`,
      );
    return [name, file === undefined ? undefined : checkFileToWrite('--format', file)];
  });
  if (junit !== undefined) formats.push(['junit', checkFileToWrite('--junit', junit)]);
  return formats;
}

function resolvable(module: string): boolean {
  try {
    require.resolve(path.isAbsolute(module) || module.startsWith('.') ? path.resolve(module) : module, {
      paths: [process.cwd()],
    });
    return true;
  } catch {
    return false;
  }
}
