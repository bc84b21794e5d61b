/**
 * Classification of complete lines: final result codes, URC-only names, and which lines belong to
 * the running command. Pure functions, shared by the digester and its tests.
 */
import type { FinalResult } from './types';
import type { CommandInfo } from './command-info';
import { URC_ON_SET } from './commands/tables';

/** OK / ERROR / +CME ERROR: <n or text> — all three forms (docs/field-evidence.md#error-forms, AT+CMEE=0/1/2). */
export function parseFinal(line: string): FinalResult | undefined {
  const text = line.trim();
  if (text === 'OK') return { kind: 'OK' };
  if (text === 'ERROR') return { kind: 'ERROR' };
  const cme = /^\+CME ERROR:\s*(.*)$/.exec(text);
  if (cme) return { kind: 'CME ERROR', code: cme[1].trim() };
  return undefined;
}

/** Prefix before the colon (`+QMTSTAT`), or the whole line when it has none (`RDY`, `APP RDY`). */
export function lineName(line: string): string {
  const colon = line.indexOf(':');
  return colon < 0 ? line.trim() : line.slice(0, colon).trim();
}

/**
 * Lines that are URCs even between a command and its final result
 * (docs/field-evidence.md#unrelated-urcs; spec 4: +QMTSTAT, +QMTRECV, +QMTPING). +QMTRECV is the running command's
 * answer only while AT+QMTRECV runs (spec 3.3.9).
 */
const ALWAYS_URC = new Set([
  'RDY',
  'APP RDY',
  '+QIND',
  '+QIURC',
  '+QUSIM',
  '+QMTSTAT',
  '+QMTPING',
  '+QMTRECV',
  'POWERED DOWN',
  'NORMAL POWER DOWN',
]);

/**
 * A line of the running command's own name is its information line, except during a set form that
 * reports its result as a URC of that name (spec 3.3.2 ff.: `AT+QMTOPEN=…` → `OK` then `+QMTOPEN: 0,0`,
 * src/at/commands); their read/test forms (`AT+QMTOPEN?`, `AT+CPIN?`) answer with info lines.
 */
export function isInformationLine(command: CommandInfo, name: string, line: string): boolean {
  if (ALWAYS_URC.has(name) && name !== command.name) return false;
  if (name === command.name) return !(command.form === 'set' && URC_ON_SET.has(name));
  return command.untaggedInfo && !line.startsWith('+');
}

/** Comma-separated fields after `name:`, quotes removed; commas inside quotes do not split. */
export function splitFields(line: string): string[] {
  const colon = line.indexOf(':');
  if (colon < 0) return [];
  const body = line.slice(colon + 1).replace(/^ +/, '');
  if (body === '') return [];
  return splitOutsideQuotes(body);
}

/**
 * Splits on commas outside double quotes (AT argument lists, V.25ter); the quotes are removed
 * unless `keepQuotes` (an expected line whose fields are compared as printed).
 */
export function splitOutsideQuotes(text: string, options: { keepQuotes?: boolean } = {}): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      fields.push(current);
      current = '';
    } else if (ch !== '"' || options.keepQuotes) current += ch;
  }
  fields.push(current);
  return fields;
}
