/**
 * A descriptor for a command of the application note, filled from spec/quectel-mqtt-at.json: its
 * section, forms and syntaxes, the result URC its set form answers after `OK`, the `>` prompt, and
 * the maximum response time. What the spec data does not hold (the packets that start the
 * module's timer, which parameters are secret, a harness limit where the note gives no time) the
 * command's own file adds.
 */
import { spec } from '../../spec/catalog';
import type { CommandDescriptor, SetSyntax, TimeLimitRule } from './types';

interface NoteResponse {
  readonly lines: readonly string[];
}
interface NoteSetForm {
  readonly syntax: string;
  readonly responses: readonly NoteResponse[];
}
interface NoteCommand {
  readonly name: string;
  readonly section: string;
  readonly forms: {
    readonly test: { readonly syntax: string } | null;
    readonly query: { readonly syntax: string } | null;
    readonly execute: { readonly syntax: string } | null;
    readonly set: NoteSetForm | readonly string[] | null;
  };
  readonly subOptions?: readonly { readonly name: string; readonly set: NoteSetForm }[];
  readonly maxResponseTime: {
    readonly value?: number;
    readonly unit?: string;
    readonly expression?: string;
    readonly text: string;
  } | null;
}

/** What the command's file adds to the spec data. */
export type NoteAdditions = Pick<CommandDescriptor, 'timerPackets' | 'secretParameters'> & {
  /** The harness's own limit when the note states no maximum response time (spec 3.3.9: "/"). */
  readonly harnessLimitMs?: number;
};

/** The note's commands as spec/quectel-mqtt-at.json holds them (src/spec/catalog.ts types only a part). */
const NOTE_COMMANDS = (spec as unknown as { commands: readonly NoteCommand[] }).commands;

export function fromNote(atName: string, additions: NoteAdditions = {}): CommandDescriptor {
  const command = NOTE_COMMANDS.find((c) => c.name === atName);
  if (!command) throw new Error(`${atName} is not a command of spec/quectel-mqtt-at.json`);
  const name = atName.replace(/^AT/, '');
  const set = command.forms.set;
  const setForm = set && !Array.isArray(set) ? (set as NoteSetForm) : undefined;
  return {
    name,
    document: { note: command.section },
    forms: {
      ...(command.forms.test && { test: command.forms.test.syntax }),
      ...(command.forms.query && { read: command.forms.query.syntax }),
      ...(command.forms.execute && { exec: command.forms.execute.syntax }),
      ...(setForm && { set: setSyntax(setForm) }),
      ...(command.subOptions && {
        setBySubOption: Object.fromEntries(command.subOptions.map((o) => [o.name, setSyntax(o.set)])),
      }),
    },
    ...(setForm && resultUrcOf(name, setForm) && { resultUrc: resultUrcOf(name, setForm) }),
    ...(additions.timerPackets && { timerPackets: additions.timerPackets }),
    ...(additions.secretParameters && { secretParameters: additions.secretParameters }),
    timeLimit: timeLimitOf(command, additions.harnessLimitMs),
  };
}

function setSyntax(form: NoteSetForm): SetSyntax {
  const prompted = form.responses.some((r) => r.lines.includes('>'));
  return prompted ? { syntax: form.syntax, prompt: '>' } : { syntax: form.syntax };
}

/** The line of the command's own name that follows its `OK` (spec 3.3.2: `OK` then `+QMTOPEN: …`). */
function resultUrcOf(name: string, form: NoteSetForm): string | undefined {
  for (const { lines } of form.responses) {
    const ok = lines.indexOf('OK');
    const urc = ok < 0 ? undefined : lines.slice(ok + 1).find((l) => l.startsWith(`${name}:`));
    if (urc) return urc;
  }
  return undefined;
}

function timeLimitOf(command: NoteCommand, harnessLimitMs: number | undefined): TimeLimitRule {
  const rule = command.maxResponseTime;
  const at = { by: 'note', section: command.section } as const;
  if (rule && typeof rule.value === 'number')
    return { ...at, text: rule.text, ms: rule.unit === 'ms' ? rule.value : rule.value * 1000 };
  if (rule?.expression === '<pkt_timeout>' || rule?.expression === '<pkt_timeout> × <retry_times>')
    return { ...at, text: rule.text, expression: rule.expression };
  if (rule) throw new Error(`${command.name}: maximum response time "${rule.text}" has no rule in the harness`);
  if (harnessLimitMs === undefined) throw new Error(`${command.name}: the note gives no time; give a harness limit`);
  return { by: 'harness', ms: harnessLimitMs };
}
