/**
 * The per-command tables of the AT client, the QMT host and `qmt characterize`, derived from the
 * descriptors (./index.ts) so that no table keeps a second copy of what a descriptor says.
 */
import { COMMANDS, commandDescriptor } from './index';
import type { CommandDescriptor, DataPrompt, TimeLimitRule, TimerPacket } from './types';

/** Fields of a result URC's format, `<client_idx>,<msgid>,<result>[,<value>]` → names in order. */
function urcFields(format: string): string[] {
  const body = format.slice(format.indexOf(':') + 1);
  return [...body.matchAll(/<([^>]+)>/g)].map((m) => m[1] as string);
}

/**
 * Names whose set form answers `OK` and reports its result later as a URC of the same name
 * (spec 3.3.2 ff.), so a same-name line during the set form is a URC even if it overtakes the OK.
 */
export const URC_ON_SET: ReadonlySet<string> = new Set(COMMANDS.filter((c) => c.resultUrc).map((c) => c.name));

/**
 * Result URCs that answer once per client: spec 3.3.2–3.3.5 `+QMTOPEN: <client_idx>,<result>`.
 * Another one for the same client settles the same question.
 */
export const ONE_SHOT: ReadonlySet<string> = resultUrcsStartingWith(['client_idx', 'result']);

/** Result URCs that answer one message: spec 3.3.6–3.3.8 `+QMTSUB: <client_idx>,<msgid>,<result>…`. */
export const PER_MESSAGE: ReadonlySet<string> = resultUrcsStartingWith(['client_idx', 'msgid', 'result']);

function resultUrcsStartingWith(fields: readonly string[]): ReadonlySet<string> {
  return new Set(
    COMMANDS.filter((c) => {
      const actual = c.resultUrc ? urcFields(c.resultUrc) : [];
      return actual.length >= fields.length && fields.every((f, i) => actual[i] === f);
    }).map((c) => c.name),
  );
}

/** Answers bare text (`Quectel`, `Revision: …`) rather than `+NAME: …` lines (ATI, AT+GMR). */
export function answersUntagged(name: string): boolean {
  return commandDescriptor(name)?.untaggedInfo === true;
}

/** The prompt a command's set form waits for before its data: `CONNECT` (AT+QFUPL) or `>`. */
export function dataPromptFor(name: string): DataPrompt {
  return commandDescriptor(name)?.forms.set?.prompt === 'CONNECT' ? 'CONNECT' : '>';
}

/** spec figure 1: per result URC name, the packets whose first send starts the module's T1. */
export const TIMER_PACKETS: Readonly<Record<string, readonly TimerPacket[]>> = Object.fromEntries(
  COMMANDS.filter((c) => c.timerPackets).map((c) => [c.name, c.timerPackets as readonly TimerPacket[]]),
);

/** Commands of other documents: their failure is a precondition of the scenario, never a verdict. */
export const OTHER_DOCUMENT_COMMANDS: { has(name: string): boolean } = {
  has: (name) => {
    const command = commandDescriptor(name);
    return command !== undefined && 'other' in command.document;
  },
};

/** A command the harness has no descriptor for is held to one second, and judged on no time. */
const UNKNOWN_COMMAND_LIMIT: TimeLimitRule = { by: 'harness', ms: 1_000 };

export function timeLimitRule(name: string): { rule: TimeLimitRule; resultUrc: boolean } {
  const command = commandDescriptor(name);
  return { rule: command?.timeLimit ?? UNKNOWN_COMMAND_LIMIT, resultUrc: command?.resultUrc !== undefined };
}

/**
 * Positions of the secret arguments in a set command line (0 = first argument); for AT+QMTCFG by
 * sub-option, counted from the sub-option name, which is argument 0.
 */
export const SECRET_ARGUMENTS: Readonly<Record<string, Readonly<Record<string, number[]>> | number[]>> =
  Object.fromEntries(COMMANDS.filter((c) => c.secretParameters).map((c) => [c.name, secretPositions(c)]));

function secretPositions(command: CommandDescriptor): Record<string, number[]> | number[] {
  const secrets = command.secretParameters ?? [];
  const positions = (syntax: string) => argumentNames(syntax).flatMap((name, i) => (secrets.includes(name) ? [i] : []));
  const bySubOption = command.forms.setBySubOption;
  if (!bySubOption) return positions(command.forms.set?.syntax ?? '');
  return Object.fromEntries(
    Object.entries(bySubOption)
      .map(([option, form]) => [option, positions(form.syntax)] as const)
      .filter(([, found]) => found.length > 0),
  );
}

/** `AT+QMTCONN=<client_idx>,<clientid>[,<username>,<password>]` → `<client_idx>`, `<clientid>`, … */
function argumentNames(syntax: string): string[] {
  const args = syntax.slice(syntax.indexOf('=') + 1).replace(/[[\]]/g, '');
  return args.split(',').map((a) => a.trim());
}

/**
 * Command lines the module answers with a `>` prompt (spec 3.3.8 AT+QMTPUBEX, spec 3.3.1
 * AT+QMTCFG="willex"), as one expression over the line as sent.
 */
export const PROMPTED_COMMAND: RegExp = new RegExp(
  COMMANDS.flatMap((c) => [
    ...(c.forms.set?.prompt === '>' ? [`^AT${escape(c.name)}=`] : []),
    ...Object.entries(c.forms.setBySubOption ?? {})
      .filter(([, form]) => form.prompt === '>')
      .map(([option]) => `^AT${escape(c.name)}="${escape(option)}"`),
  ]).join('|'),
  'i',
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
