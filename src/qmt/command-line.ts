/**
 * The harness's own reading of an AT command line it is about to send: name, form and
 * arguments. Written independently of the simulator's parser (src/sim must never share it).
 */
import { splitOutsideQuotes } from '../at/line-kinds';

export interface CommandLine {
  readonly raw: string;
  /** Upper-case name with prefix, e.g. `+QMTCFG`, `I`, `E0`. */
  readonly name: string;
  readonly form: 'test' | 'read' | 'set' | 'exec';
  /** Arguments with surrounding quotes removed. */
  readonly args: readonly string[];
}

export function parseCommandLine(raw: string): CommandLine {
  const body = raw.replace(/^at/i, '');
  const match = /^([+&]?[A-Za-z]+\d*)(=\?|\?|=)?(.*)$/s.exec(body);
  if (!match) return { raw, name: body.toUpperCase(), form: 'exec', args: [] };
  const [, name, operator, rest] = match;
  const form = operator === '=?' ? 'test' : operator === '?' ? 'read' : operator === '=' ? 'set' : 'exec';
  return { raw, name: name.toUpperCase(), form, args: form === 'set' ? splitArguments(rest) : [] };
}

/** Splits on commas outside double quotes and removes the quotes. */
export const splitArguments = splitOutsideQuotes;
