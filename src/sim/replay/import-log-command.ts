/**
 * `qmt-sim import-log <field log> [--out <file>]`: a field log as an AT transcript (./field-log.ts),
 * printed or written to a new file, to read, edit (mask a secret, cut a session) and replay with
 * `qmt-sim --replay <file>`. Bad input: one line, exit 2, before anything is written; an existing
 * file is never overwritten.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { importFieldLog } from './field-log';
import { parseTranscript } from './recording';

export async function importLogMain(
  argv: string[],
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
): Promise<number> {
  const program = new Command('qmt-sim import-log')
    .description('turn a field log (terminal view, time stamps, TX/RX markers) into an AT transcript')
    .argument('<log>', 'the field log')
    .option('--out <file>', 'write the transcript to this new file (default: standard output)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: () => {} });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && error.code === 'commander.helpDisplayed') return 0;
    stderr.write(`qmt-sim import-log: ${(error as Error).message.replace(/^error: /, '')}\n`);
    return 2;
  }
  const [log] = program.args as [string];
  const { out } = program.opts<{ out?: string }>();
  const fail = (message: string) => {
    stderr.write(`qmt-sim import-log: ${message}\n`);
    return 2;
  };
  if (!existsSync(log)) return fail(`${log}: no such file`);
  if (!statSync(log).isFile()) return fail(`${log}: not a file`);
  if (out !== undefined && existsSync(out)) return fail(`--out ${out} exists; choose a new file name`);
  if (out !== undefined && !existsSync(path.dirname(path.resolve(out))))
    return fail(`--out ${out}: folder ${path.dirname(out)} does not exist`);
  const transcript = importFieldLog(readFileSync(log, 'utf8'), path.basename(log));
  const track = parseTranscript(transcript, log, log);
  if (!track.steps.some((s) => s.kind === 'line'))
    return fail(`${log}: no command line found (no line starting with AT)`);
  if (out === undefined) stdout.write(transcript);
  else writeFileSync(out, transcript, { flag: 'wx' });
  stderr.write(`qmt-sim import-log: ${track.steps.length} host step(s)${out ? ` written to ${out}` : ''}\n`);
  return 0;
}
