/**
 * Turns one assembled command line into a ParsedCommand (spec 3.1.2, table 2).
 * - The prefix must be `AT` or `at` (spec 3.1.2 names exactly these two spellings).
 * - Extended commands `+NAME` / `&X` take the forms `=?` (test), `?` (read), `=…` (set) or
 *   nothing (exec). Basic commands are one letter and optional digits (`E0`, `I`, `E`).
 * - Bytes outside printable ASCII (0x20–0x7E) make the whole line an error.
 * - Several commands on one line (`;`) are not supported by this simulator → error.
 * Returns undefined when the line is not a well-formed command; the module answers ERROR.
 */
import type { ParsedCommand } from '../types';
import { parseArguments } from './argument-parser';

export interface ParseOptions {
  /** Fault hook: refuse the lower-case `at` prefix. */
  readonly upperCasePrefixOnly?: boolean;
}

export function isPrintableAscii(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte < 0x20 || byte > 0x7e) return false;
  return true;
}

export function parseCommandLine(bytes: Buffer, options: ParseOptions = {}): ParsedCommand | undefined {
  if (!isPrintableAscii(bytes)) return undefined;
  const raw = bytes.toString('latin1');
  const prefix = raw.slice(0, 2);
  if (prefix !== 'AT' && (prefix !== 'at' || options.upperCasePrefixOnly)) return undefined;
  const body = raw.slice(2);
  if (body === '') return { raw, name: '', form: 'exec', args: [] };

  if (body[0] === '+' || body[0] === '&') return parseExtended(raw, body);

  const basic = /^([A-Za-z])([0-9]*)$/.exec(body);
  if (!basic) return undefined;
  return { raw, name: (basic[1] + basic[2]).toUpperCase(), form: 'exec', args: [] };
}

function parseExtended(raw: string, body: string): ParsedCommand | undefined {
  const match = /^([+&][A-Za-z][A-Za-z0-9]*)(.*)$/.exec(body);
  if (!match) return undefined;
  const name = match[1].toUpperCase();
  const rest = match[2];
  if (rest === '') return { raw, name, form: 'exec', args: [] };
  if (rest === '?') return { raw, name, form: 'read', args: [] };
  if (rest === '=?') return { raw, name, form: 'test', args: [] };
  if (rest[0] !== '=') return undefined;
  const args = parseArguments(rest.slice(1));
  if (!args) return undefined;
  return { raw, name, form: 'set', args };
}
