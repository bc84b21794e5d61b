/**
 * The command users type: `qmt run`, `qmt fault-score`, `qmt report`, `qmt compare`.
 */
import { Command, CommanderError, Option } from 'commander';
import type * as CharacterizeCommand from './characterize-command';
import type * as DoctorCommand from './doctor-command';
import type * as FaultScore from './fault-score';
import type * as ListCommand from './list-command';
import { registerReportCommands } from './report-cli';
import { runCommand } from './run-command';
import { UsageError } from './options';
import { harnessVersion } from './version';
import { DEFAULT_TIMING_MARGIN } from '../qmt/timing-margin';
import { DEFAULT_BAUD, DEFAULT_BROKER_ADDRESS, DEFAULT_REPORT_DIR, DEFAULT_RESULTS_DIR } from './defaults';

const collect = (value: string, previous: string[]) => [...previous, value];

export async function main(rawArgv: string[]): Promise<number> {
  // `--verbose` anywhere: an error also shows its stack trace (otherwise one line, exit code 2).
  const verbose = rawArgv.includes('--verbose');
  const argv = rawArgv.filter((a) => a !== '--verbose');
  const program = new Command('qmt')
    .description('Conformance harness for the MQTT AT interface of Quectel EC200x / EC600x / EG912Y modules')
    .version(harnessVersion())
    .option('--verbose', 'on an error, show its stack trace too')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`qmt: ${text.split('\n')[0].replace(/^error: /, '')}\n`) });
  let exitCode = 0;

  program
    .command('run')
    .description('run the conformance suite (no --port: against the built-in simulated module)')
    .option(
      '--port <path|tcp://host:port|rfc2217://host:port|auto>',
      'serial device of the module, a ser2net TCP port or an RFC 2217 port; repeatable (one worker per module); auto = every module `qmt list` finds',
      collect,
      [],
    )
    .option(
      '--place <name>',
      'a labgrid place: acquired for the run, its serial port used like --port, released at the end (repeatable)',
      collect,
      [],
    )
    .option(
      '--reserve <key=value[,...]>',
      'a labgrid reservation by place tags: waits for a free matching place, then as --place (repeatable: one place each)',
      collect,
      [],
    )
    .option('--wait', 'wait for a --place someone else holds (default: refuse, naming the holder)')
    .option(
      '--coordinator <host:port>',
      "labgrid coordinator (default: LG_COORDINATOR, else labgrid's 127.0.0.1:20408)",
    )
    .option(
      '--labgrid-client <command>',
      'command that runs labgrid-client (default: QMT_LABGRID_CLIENT, labgrid-client on PATH, else the copy in .tools/)',
    )
    .addOption(
      new Option('--labgrid-place <name>', 'worker: the --port belongs to this place, held by the parent').hideHelp(),
    )
    .option('--baud <rate>', 'serial baud rate', String(DEFAULT_BAUD))
    .option('--variant <name>', 'module variant (default: detected from ATI)')
    .option(
      '--profile <name|file>',
      "strict mode: the module must show this profile's readings and defaults (default: accept every reading the note allows)",
    )
    .option('--sim-profile <name|file>', 'the built-in simulator simulates this profile (bundled name or JSON file)')
    .option(
      '--timing-margin <ms>ms+<percent>%',
      "margin on every deadline for the serial link and the module's timers",
      DEFAULT_TIMING_MARGIN,
    )
    .option(
      '--latency <off|field|ms|min-max>',
      'network latency of the built-in simulator in ms (default field = 150-900: +QMTOPEN 0.3-1.8 s after OK, as field logs show, docs/field-evidence.md; off for none)',
    )
    .option('--broker-host <address>', 'address the module dials to reach the broker fixture', DEFAULT_BROKER_ADDRESS)
    .option('--broker-listen <address>', 'address the broker fixture listens on', DEFAULT_BROKER_ADDRESS)
    .option('--broker-port <port>', 'broker fixture port (0 = ephemeral per scenario)', '0')
    .option(
      '--broker-allow <address|cidr>',
      'also accept broker connections from here (repeatable; default: loopback and the --broker-host /24)',
      collect,
      [],
    )
    .option(
      '--broker-ca-out <file>',
      "write the CA of the fixture's TLS certificates here (for AT+QFUPL on a real module)",
    )
    .option('--tags <expression>', 'cucumber tag expression selecting scenarios')
    .option('--name <regexp>', 'only scenarios whose name matches (repeatable)', collect, [])
    .option(
      '--results <dir>',
      'Allure results folder, emptied at each run: new, empty, or one qmt wrote (it holds a .qmt-output marker)',
      DEFAULT_RESULTS_DIR,
    )
    .option('--fault <id>', 'switch on a simulator firmware fault (repeatable)', collect, [])
    .option('--sim-recv-layout <layout>', 'built-in simulator prints +QMTRECV as quoted | unquoted | split')
    .option(
      '--sim-replay <allure-results>',
      'in place of the built-in simulator, replay a recorded run (its Allure results folder) on the virtual clock',
    )
    .option('--secret <value>', 'a secret to mask everywhere (repeatable)', collect, [])
    .option('--include-slow', 'run @slow scenarios on real-time rigs too')
    .option('--no-report', 'write Allure results only, no HTML report')
    .option('--out <dir>', 'where the HTML report and compliance summary go (as for qmt report)', DEFAULT_REPORT_DIR)
    .addOption(new Option('--report-dir <dir>', 'the same as --out (older name)').hideHelp())
    .option(
      '--format <name[:file]>',
      "add one of Cucumber's formatters (progress, pretty, summary, json, html, message, junit, rerun, usage …); without a file it replaces the progress display (repeatable)",
      collect,
      [],
    )
    .option('--junit <file>', "write JUnit XML (Cucumber's junit formatter) for CI")
    .option('--workers <n>', 'built-in simulator: Cucumber parallel workers (default 1: one process)')
    .option(
      '--shard <i/n>',
      'only the i-th of n shares of the selected scenarios (every n-th one), e.g. one per module',
    )
    .action(async (options) => {
      exitCode = await runCommand({
        ...options,
        reportDir: options.reportDir ?? options.out,
        reportDirOption: options.reportDir ? '--report-dir' : '--out',
      });
    });

  program
    .command('fault-score')
    .description('switch on each simulator fault in turn and check the suite catches it')
    .option('--fault <id>', 'only these faults (repeatable)', collect, [])
    .option('--workers <n>', 'worker processes sharing the fault runs (default 1: one process)')
    .action(async (options) => {
      exitCode = await (require('./fault-score') as typeof FaultScore).faultScoreCommand(options);
    });

  program
    .command('characterize')
    .description(
      'probe a module (or the built-in simulator) for every reading of the note and unstated default; write a profile file',
    )
    .option(
      '--port <path|tcp://host:port|rfc2217://host:port>',
      'serial device of the module, a ser2net TCP port or an RFC 2217 port (default: the built-in simulator)',
    )
    .option('--baud <rate>', 'serial baud rate', String(DEFAULT_BAUD))
    .option('--variant <name>', 'base profile for identity and capabilities (default: detected / EC200N-CN)')
    .option('--sim-profile <name|file>', 'the built-in simulator simulates this profile')
    .option('--broker-host <address>', 'address the module dials to reach the broker fixture', DEFAULT_BROKER_ADDRESS)
    .option('--broker-listen <address>', 'address the broker fixture listens on', DEFAULT_BROKER_ADDRESS)
    .option('--timing-margin <ms>ms+<percent>%', 'margin on every deadline', DEFAULT_TIMING_MARGIN)
    .option('--out <file>', 'profile file to write', 'characterized-profile.json')
    .action(async (options) => {
      exitCode = await (require('./characterize-command') as typeof CharacterizeCommand).characterizeCommand(options);
    });

  program
    .command('list')
    .description('list the attached Quectel modules (USB vendor 2C7C, plus QMT_RIG_PORTS): AT port, variant, firmware')
    .option('--json', 'print JSON for machines')
    .option('--labgrid', "list the labgrid coordinator's places: tags, who holds them, exporters")
    .option('--coordinator <host:port>', 'labgrid coordinator (default: LG_COORDINATOR)')
    .option(
      '--labgrid-client <command>',
      'command that runs labgrid-client (default: QMT_LABGRID_CLIENT, PATH, .tools/)',
    )
    .option('--baud <rate>', 'serial baud rate for the AT probe', String(DEFAULT_BAUD))
    .action(async (options) => {
      exitCode = await (require('./list-command') as typeof ListCommand).listCommand(options);
    });

  program
    .command('doctor')
    .description('health check of rig ports before a run: one line per problem, exit code 2 if any')
    .option(
      '--port <path|tcp://host:port|rfc2217://host:port|auto>',
      'port to check (repeatable; none or auto = every module found)',
      collect,
      [],
    )
    .option('--baud <rate>', 'serial baud rate', String(DEFAULT_BAUD))
    .option('--broker-host <address>', 'address the module dials to reach the broker fixture', DEFAULT_BROKER_ADDRESS)
    .option('--broker-listen <address>', 'address the broker fixture listens on', DEFAULT_BROKER_ADDRESS)
    .option('--open-timeout <s>', 'how long +QMTOPEN may take', '30')
    .option('--max-drift <s>', 'largest acceptable module clock drift', '10')
    .option('--pdp-cid <cid>', 'PDP context the MQTT stack uses', '1')
    .option(
      '--place <name>',
      'a labgrid place to check: acquired for the check, released after (repeatable)',
      collect,
      [],
    )
    .option('--coordinator <host:port>', 'labgrid coordinator (default: LG_COORDINATOR)')
    .option(
      '--labgrid-client <command>',
      'command that runs labgrid-client (default: QMT_LABGRID_CLIENT, PATH, .tools/)',
    )
    .action(async (options) => {
      // Loaded on use: a run worker (one per module) should not pay for the broker and discovery code.
      exitCode = await (require('./doctor-command') as typeof DoctorCommand).doctorCommand(options);
    });

  registerReportCommands(program);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode || Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    console.error(`qmt: ${(error as Error).message}`);
    if (verbose && !(error instanceof UsageError)) console.error((error as Error).stack);
    else if (verbose) console.error((error as Error).stack?.split('\n').slice(1).join('\n'));
    return 2;
  }
}
