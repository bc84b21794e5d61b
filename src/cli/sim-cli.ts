/**
 * qmt-sim — a simulated module reachable from outside the process, exactly as hardware is:
 *
 *   qmt-sim --pty | --tcp <port> [--variant EC200N-CN | --profile <file>] [--fault <id> ...] [--host name=ip ...]
 *           [--latency off|field|<ms>|<min>-<max>]
 *   qmt-sim --pty | --tcp <port> --replay <transcript file | field log | Allure results folder> [--host name=ip ...]
 *   qmt-sim import-log <field log> [--out <transcript file>]
 *   qmt-sim --pty --count 3 [--variant A --variant B ...]    (a rig in a box)
 *   qmt-sim --list-faults
 *
 * Prints one line with where it listens (`/dev/pts/7` or `tcp://127.0.0.1:4001`) and runs
 * until SIGINT/SIGTERM. With --count N it serves N independent modules, one line each:
 * `<where><TAB><variant>`; the variants are the --variant values in turn (cycled), or without
 * any, the catalogue's variants in turn, so each module of the box is a different one. A standalone simulator is like hardware, so it uses the real clock.
 * Bad options: one line on stderr, exit code 2.
 */
import { Command, CommanderError, Option } from 'commander';
import { RealClock } from '../clock/clock';
import { createSimulatedModule, DEFAULT_LATENCY, FAULTS, isLoopback, parseLatency } from '../sim';
import { servePty } from '../sim/serve/pty';
import { serveTcp } from '../sim/serve/tcp';
import { findVariant, resolveProfile, variantNames } from '../variants/catalog';
import { checkRecvLayout, UsageError } from './options';
import { loadRecording } from '../sim/replay/recording';
import { ReplayModule } from '../sim/replay/replay-module';
import { importLogMain } from '../sim/replay/import-log-command';
import type { VariantProfile } from '../variants/profile';
import { DEFAULT_SIMULATED_VARIANT } from './defaults';

interface SimOptions {
  pty?: boolean;
  tcp?: string;
  variant: string[];
  count: string;
  profile?: string;
  fault: string[];
  host: string[];
  latency: string;
  replay?: string;
  listFaults?: boolean;
  recvLayout?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseHosts(entries: string[]): Record<string, string> {
  const hosts: Record<string, string> = {};
  for (const entry of entries) {
    const match = /^([^=\s]+)=(\S+)$/.exec(entry);
    if (!match) throw new UsageError(`--host expects name=ip, got "${entry}"`);
    // Project network rule: the simulated module may only reach loopback.
    if (!isLoopback(match[2])) throw new UsageError(`--host ${match[1]}: ${match[2]} is not a loopback address`);
    hosts[match[1]] = match[2];
  }
  return hosts;
}

function parsePort(text: string): number {
  if (!/^[0-9]{1,5}$/.test(text) || Number(text) > 65535)
    throw new UsageError(`--tcp expects a port 0..65535, got "${text}"`);
  return Number(text);
}

function parseCount(text: string): number {
  if (!/^\d{1,2}$/.test(text) || Number(text) < 1 || Number(text) > 16)
    throw new UsageError(`--count expects 1..16, got "${text}"`);
  return Number(text);
}

/** The variant of each of `count` modules: the given ones in turn, or the catalogue's. */
function variantsFor(count: number, given: string[]): string[] {
  const pool = given.length ? given : count === 1 ? [DEFAULT_SIMULATED_VARIANT] : variantNames();
  return Array.from({ length: count }, (_, i) => pool[i % pool.length] as string);
}

export async function simMain(
  argv: string[],
  stdout = process.stdout,
  stderr = process.stderr,
): Promise<number | undefined> {
  if (argv[0] === 'import-log') return importLogMain(argv.slice(1), stdout, stderr);
  const parent = process.ppid; // before the slow start-up: npm may be gone by the time we serve
  const program = new Command('qmt-sim')
    .description('Simulated Quectel EC200x/EC600x/EG912Y module speaking the MQTT AT commands')
    .addOption(new Option('--pty', 'serve on a pseudo-terminal (prints its /dev/pts path)').conflicts('tcp'))
    .option('--tcp <port>', 'serve on tcp://127.0.0.1:<port> (0 = any free port)')
    .option('--variant <name>', 'module variant (repeatable with --count; default EC200N-CN)', collect, [])
    .option('--count <n>', 'serve this many independent modules (1..16)', '1')
    .option(
      '--profile <name|file>',
      'simulate this profile (bundled name or JSON file, e.g. one written by qmt characterize)',
    )
    .option('--fault <id>', 'switch on a firmware fault (repeatable)', collect, [])
    .option('--host <name=ip>', 'resolve a host name to a loopback IP (repeatable)', collect, [])
    .option('--recv-layout <layout>', "print +QMTRECV as quoted | unquoted | split (default: the profile's)")
    .option(
      '--latency <off|field|ms|min-max>',
      "network latency of the server's packets in ms (default field = 150-900, as field logs show, docs/field-evidence.md; off for none)",
      DEFAULT_LATENCY,
    )
    .option(
      '--replay <transcript|allure-results>',
      'answer as the recorded firmware did, command by command, with the recorded timing',
    )
    .option('--list-faults', 'print the fault catalogue and exit')
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: () => {} });

  let options: SimOptions;
  try {
    program.parse(argv, { from: 'user' });
    options = program.opts<SimOptions>();
  } catch (error) {
    if (
      error instanceof CommanderError &&
      (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
    )
      return 0;
    stderr.write(`qmt-sim: ${(error as Error).message.replace(/^error: /, '')}\n`);
    return 2;
  }

  if (options.listFaults) {
    for (const fault of FAULTS) stdout.write(`${fault.id}\t${fault.targets.join(',')}\t${fault.description}\n`);
    return 0;
  }

  const modules: { module: { attach: ReplayModule['attach']; close(): void }; variant: string }[] = [];
  // Each module's restarts are logged with where it listens (a labgrid rig test restarts the exporter then, as udev would).
  const wheres: string[] = [];
  const restartLog = (i: number) => () => stderr.write(`qmt-sim: ${wheres[i] ?? 'module'}: restarting (AT+CFUN=1,1)\n`);
  let port: number | undefined;
  try {
    if (!options.pty && options.tcp === undefined) throw new UsageError('choose --pty or --tcp <port>');
    if (options.tcp !== undefined) port = parsePort(options.tcp);
    const count = parseCount(options.count);
    if (options.replay !== undefined) {
      // What shapes the built-in simulator's answers: the replay answers as the recording did.
      const given = Object.entries({
        '--profile': options.profile !== undefined,
        '--variant': options.variant.length > 0,
        '--fault': options.fault.length > 0,
        '--recv-layout': options.recvLayout !== undefined,
        '--latency': options.latency !== DEFAULT_LATENCY,
        '--count': count > 1,
      })
        .filter(([, set]) => set)
        .map(([option]) => option);
      if (given.length)
        throw new UsageError(`--replay answers as the recording did; ${given.join(', ')} cannot be used with it`);
      const recording = loadRecording(options.replay);
      stderr.write(`qmt-sim: replaying ${recording.tracks.length} recorded scenario(s) from ${recording.source}\n`);
      modules.push({
        variant: 'replay',
        module: new ReplayModule({
          recording,
          clock: new RealClock(),
          hosts: parseHosts(options.host),
          log: (event) => stderr.write(`qmt-sim: replay ${event.message}\n`),
        }),
      });
    } else if (options.profile !== undefined) {
      if (count > 1 || options.variant.length)
        throw new UsageError('--profile simulates one firmware; it cannot be used with --count or --variant');
      modules.push({
        variant: 'profile',
        module: simulatedModule(options, resolveProfile(options.profile), restartLog(0)),
      });
    } else {
      for (const name of variantsFor(count, options.variant)) {
        const profile = findVariant(name);
        modules.push({ variant: profile.name, module: simulatedModule(options, profile, restartLog(modules.length)) });
      }
    }
  } catch (error) {
    for (const { module } of modules) module.close();
    stderr.write(`qmt-sim: ${(error as Error).message}\n`);
    return 2;
  }

  const servers: { close(): Promise<void> }[] = [];
  for (const [i, { module, variant }] of modules.entries()) {
    // Port P given: P, P+1, ... (0: each its own ephemeral port).
    const server = port !== undefined ? await serveTcp(module, port === 0 ? 0 : port + i) : await servePty(module);
    servers.push(server);
    const where = 'url' in server ? server.url : server.path;
    wheres[i] = where;
    stdout.write(modules.length === 1 ? `${where}\n` : `${where}\t${variant}\n`);
  }

  await untilStopped(parent);
  for (const server of servers) await server.close();
  for (const { module } of modules) module.close();
  return 0;
}

/** The simulated module as the options describe it (bad values throw a UsageError). */
function simulatedModule(options: SimOptions, profile: VariantProfile, onRestart?: () => void) {
  const recvLayout = checkRecvLayout(options.recvLayout, undefined, '--recv-layout');
  const variant = recvLayout ? { ...profile, recvLayout } : profile;
  const hosts = parseHosts(options.host);
  const latency = parseLatency(options.latency);
  if (!latency)
    throw new UsageError(
      `--latency ${options.latency}: expected off, field, <ms> or <min>-<max> (milliseconds), e.g. 150-900`,
    );
  return createSimulatedModule({ variant, clock: new RealClock(), faults: options.fault, hosts, latency, onRestart });
}

/**
 * Runs until Ctrl-C, SIGTERM, the terminal closing (SIGHUP) or, when npm started it (`npx
 * qmt-sim`), npm going away: npm exec does not pass a SIGTERM sent to it on to its child, which
 * would otherwise keep serving and hold its pseudo-terminals with nobody to stop it.
 */
function untilStopped(parent: number): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      clearInterval(watch);
      for (const signal of SIGNALS) process.off(signal, stop);
      resolve();
    };
    const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    for (const signal of SIGNALS) process.once(signal, stop);
    const watch = setInterval(() => {
      if (process.env.npm_command && process.ppid !== parent) stop();
    }, 500);
  });
}
