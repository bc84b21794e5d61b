/**
 * The command users type: `qmt run`, `qmt fault-score`, `qmt report`, `qmt compare`.
 */
import { Command, CommanderError } from 'commander';
import type * as DoctorCommand from './doctor-command';
import type * as ListCommand from './list-command';
import { faultScoreCommand } from './fault-score';
import { registerReportCommands } from './report-cli';
import { runCommand } from './run-command';
import { UsageError } from './options';
import { harnessVersion } from './version';

const collect = (value: string, previous: string[]) => [...previous, value];

export async function main(argv: string[]): Promise<number> {
  const program = new Command('qmt')
    .description('Conformance harness for the MQTT AT interface of Quectel EC200x / EC600x / EG912Y modules')
    .version(harnessVersion())
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.split('\n')[0] + '\n') });
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
    .option('--baud <rate>', 'serial baud rate', '115200')
    .option('--variant <name>', 'module variant (default: detected from ATI)')
    .option('--broker-host <address>', 'address the module dials to reach the broker fixture', '127.0.0.1')
    .option('--broker-listen <address>', 'address the broker fixture listens on', '127.0.0.1')
    .option('--broker-port <port>', 'broker fixture port (0 = ephemeral per scenario)', '0')
    .option('--broker-allow <address|cidr>', 'also accept broker connections from here (repeatable; default: loopback and the --broker-host /24)', collect, [])
    .option('--broker-ca-out <file>', "write the CA of the fixture's TLS certificates here (for AT+QFUPL on a real module)")
    .option('--tags <expression>', 'cucumber tag expression selecting scenarios')
    .option('--name <regexp>', 'only scenarios whose name matches (repeatable)', collect, [])
    .option('--results <dir>', 'Allure results folder (cleaned at each run)', 'reports/allure-results')
    .option('--fault <id>', 'switch on a simulator firmware fault (repeatable)', collect, [])
    .option('--secret <value>', 'a secret to mask everywhere (repeatable)', collect, [])
    .option('--include-slow', 'run @slow scenarios on real-time rigs too')
    .option('--no-report', 'write Allure results only, no HTML report')
    .option('--report-dir <dir>', 'where the HTML report and compliance summary go', 'reports')
    .action(async (options) => {
      exitCode = await runCommand(options);
    });

  program
    .command('fault-score')
    .description('switch on each simulator fault in turn and check the suite catches it')
    .option('--fault <id>', 'only these faults (repeatable)', collect, [])
    .action(async (options) => {
      exitCode = await faultScoreCommand(options);
    });

  program
    .command('list')
    .description('list the attached Quectel modules (USB vendor 2C7C, plus QMT_RIG_PORTS): AT port, variant, firmware')
    .option('--json', 'print JSON for machines')
    .option('--baud <rate>', 'serial baud rate for the AT probe', '115200')
    .action(async (options) => {
      exitCode = await (require('./list-command') as typeof ListCommand).listCommand(options);
    });

  program
    .command('doctor')
    .description('health check of rig ports before a run: one line per problem, exit code 2 if any')
    .option('--port <path|tcp://host:port|rfc2217://host:port|auto>', 'port to check (repeatable; none or auto = every module found)', collect, [])
    .option('--baud <rate>', 'serial baud rate', '115200')
    .option('--broker-host <address>', 'address the module dials to reach the broker fixture', '127.0.0.1')
    .option('--broker-listen <address>', 'address the broker fixture listens on', '127.0.0.1')
    .option('--open-timeout <s>', 'how long +QMTOPEN may take', '30')
    .option('--max-drift <s>', 'largest acceptable module clock drift', '10')
    .option('--pdp-cid <cid>', 'PDP context the MQTT stack uses', '1')
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
    if (error instanceof UsageError) {
      console.error(`qmt: ${error.message}`);
      return 2;
    }
    console.error(`qmt: ${(error as Error).message}`);
    return 2;
  }
}
