/**
 * The command users type: `qmt run`, `qmt fault-score`, `qmt report`, `qmt compare`.
 */
import { Command, CommanderError } from 'commander';
import { faultScoreCommand } from './fault-score';
import { registerReportCommands } from './report-cli';
import { runCommand } from './run-command';
import { characterizeCommand } from './characterize-command';
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
    .option('--port <path|tcp://host:port>', 'serial device of the module, or a ser2net TCP port')
    .option('--baud <rate>', 'serial baud rate', '115200')
    .option('--variant <name>', 'module variant (default: detected from ATI)')
    .option('--profile <name|file>', 'strict mode: the module must show this profile\'s readings and defaults (default: accept every reading the note allows)')
    .option('--sim-profile <name|file>', 'the built-in simulator simulates this profile (bundled name or JSON file)')
    .option('--timing-margin <ms>ms+<percent>%', 'margin on every deadline for the serial link and the module\'s timers', '150ms+3%')
    .option('--broker-host <address>', 'address the module dials to reach the broker fixture', '127.0.0.1')
    .option('--broker-listen <address>', 'address the broker fixture listens on', '127.0.0.1')
    .option('--broker-port <port>', 'broker fixture port (0 = ephemeral per scenario)', '0')
    .option('--tags <expression>', 'cucumber tag expression selecting scenarios')
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
    .command('characterize')
    .description('probe a module (or the built-in simulator) for every reading of the note and unstated default; write a profile file')
    .option('--port <path|tcp://host:port>', 'serial device of the module, or a ser2net TCP port (default: the built-in simulator)')
    .option('--baud <rate>', 'serial baud rate', '115200')
    .option('--variant <name>', 'base profile for identity and capabilities (default: detected / EC200N-CN)')
    .option('--sim-profile <name|file>', 'the built-in simulator simulates this profile')
    .option('--broker-host <address>', 'address the module dials to reach the broker fixture', '127.0.0.1')
    .option('--broker-listen <address>', 'address the broker fixture listens on', '127.0.0.1')
    .option('--timing-margin <ms>ms+<percent>%', 'margin on every deadline', '150ms+3%')
    .option('--out <file>', 'profile file to write', 'characterized-profile.json')
    .action(async (options) => {
      exitCode = await characterizeCommand(options);
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
