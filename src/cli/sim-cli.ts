/**
 * qmt-sim — a simulated module reachable from outside the process, exactly as hardware is:
 *
 *   qmt-sim --pty | --tcp <port> [--variant EC200N-CN | --profile <file>] [--fault <id> ...] [--host name=ip ...]
 *   qmt-sim --list-faults
 *
 * Prints one line with where it listens (`/dev/pts/7` or `tcp://127.0.0.1:4001`) and runs
 * until SIGINT/SIGTERM. A standalone simulator is like hardware, so it uses the real clock.
 * Bad options: one line on stderr, exit code 2.
 */
import { Command, CommanderError, Option } from 'commander';
import { RealClock } from '../clock/clock';
import { createSimulatedModule, FAULTS, isLoopback } from '../sim';
import { servePty } from '../sim/serve/pty';
import { serveTcp } from '../sim/serve/tcp';
import { findVariant, resolveProfile } from '../variants/catalog';

interface SimOptions {
  pty?: boolean;
  tcp?: string;
  variant: string;
  profile?: string;
  fault: string[];
  host: string[];
  listFaults?: boolean;
}

class UsageError extends Error {}

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
  if (!/^[0-9]{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`--tcp expects a port 0..65535, got "${text}"`);
  return Number(text);
}

export async function simMain(argv: string[], stdout = process.stdout, stderr = process.stderr): Promise<number | undefined> {
  const program = new Command('qmt-sim')
    .description('Simulated Quectel EC200x/EC600x/EG912Y module speaking the MQTT AT commands')
    .addOption(new Option('--pty', 'serve on a pseudo-terminal (prints its /dev/pts path)').conflicts('tcp'))
    .option('--tcp <port>', 'serve on tcp://127.0.0.1:<port> (0 = any free port)')
    .option('--variant <name>', 'module variant', 'EC200N-CN')
    .option('--profile <name|file>', 'simulate this profile (bundled name or JSON file, e.g. one written by qmt characterize)')
    .option('--fault <id>', 'switch on a firmware fault (repeatable)', collect, [])
    .option('--host <name=ip>', 'resolve a host name to a loopback IP (repeatable)', collect, [])
    .option('--list-faults', 'print the fault catalogue and exit')
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: () => {} });

  let options: SimOptions;
  try {
    program.parse(argv, { from: 'user' });
    options = program.opts<SimOptions>();
  } catch (error) {
    if (error instanceof CommanderError && (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')) return 0;
    stderr.write(`qmt-sim: ${(error as Error).message.replace(/^error: /, '')}\n`);
    return 2;
  }

  if (options.listFaults) {
    for (const fault of FAULTS) stdout.write(`${fault.id}\t${fault.targets.join(',')}\t${fault.description}\n`);
    return 0;
  }

  let module;
  let port: number | undefined;
  try {
    if (!options.pty && options.tcp === undefined) throw new UsageError('choose --pty or --tcp <port>');
    if (options.tcp !== undefined) port = parsePort(options.tcp);
    const variant = options.profile ? resolveProfile(options.profile) : findVariant(options.variant);
    const hosts = parseHosts(options.host);
    module = createSimulatedModule({ variant, clock: new RealClock(), faults: options.fault, hosts });
  } catch (error) {
    stderr.write(`qmt-sim: ${(error as Error).message}\n`);
    return 2;
  }

  const server = port !== undefined ? await serveTcp(module, port) : await servePty(module);
  stdout.write(`${'url' in server ? server.url : server.path}\n`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  module.close();
  return 0;
}
