/**
 * What the digester needs to know about the running command to tell its information lines from
 * URCs: the response prefix it owns (`+QMTCFG` for `AT+QMTCFG="keepalive",0`), its form, and
 * whether it answers with untagged lines (ATI, AT+GMR). The per-command facts come from the
 * command's descriptor (src/at/commands).
 */
import { answersUntagged, dataPromptFor } from './commands/tables';
import type { CommandForm, DataPrompt } from './commands/types';

export type { CommandForm, DataPrompt } from './commands/types';

export interface CommandInfo {
  /** The command line as sent, without the terminating CR. */
  readonly text: string;
  /** `+QMTCFG`, `+GMR`; for basic commands the command letters (`I`, `E0`, `&F`). */
  readonly name: string;
  readonly form: CommandForm;
  /** True when untagged lines (`Quectel`, `Revision: …`) are information lines of this command. */
  readonly untaggedInfo: boolean;
}

export function describeCommand(text: string): CommandInfo {
  const body = /^AT/i.test(text) ? text.slice(2) : text;
  const extended = /^([+$^][A-Za-z0-9_]+)(.*)$/s.exec(body);
  let name: string;
  let rest: string;
  if (extended) {
    name = extended[1].toUpperCase();
    rest = extended[2];
  } else {
    // Basic command: ATI, ATE0, AT&F, ATZ — the name is the whole body (ATI0 still answers untagged).
    name = body.toUpperCase();
    rest = '';
  }
  const form: CommandForm = rest === '' ? 'exec' : rest === '?' ? 'read' : rest === '=?' ? 'test' : 'set';
  return { text, name, form, untaggedInfo: answersUntagged(name) };
}

/**
 * What the module answers before it reads raw data for a command: `>` (QMTPUBEX, QMTCFG="willex",
 * spec 3.3.8 / 3.3.1) or a `CONNECT` line (AT+QFUPL, spec 5.2: `CONNECT`, then exactly <size>
 * raw bytes, then `+QFUPL: <size>,<checksum>` and OK).
 */
export function dataPromptOf(command: CommandInfo): DataPrompt {
  return dataPromptFor(command.name);
}
