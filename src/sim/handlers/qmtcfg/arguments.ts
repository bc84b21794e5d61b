/**
 * Typed reads of AT+QMTCFG arguments. Integers are unquoted decimal digits; strings are
 * quoted (spec 3.3.1 declares each parameter "Integer" or "String"). A wrong type reads as
 * undefined and the caller answers ERROR.
 */
import type { AtArgument } from '../../types';
import { inRange, type IntRange } from './ranges';

export function readInt(arg: AtArgument | undefined): number | undefined {
  if (!arg || arg.quoted || !/^[0-9]{1,6}$/.test(arg.text)) return undefined;
  return Number(arg.text);
}

export function readIntIn(arg: AtArgument | undefined, range: IntRange | readonly number[]): number | undefined {
  const value = readInt(arg);
  return value !== undefined && inRange(value, range) ? value : undefined;
}

export function readString(arg: AtArgument | undefined, bytes?: IntRange): string | undefined {
  if (!arg || !arg.quoted) return undefined;
  if (bytes) {
    const length = Buffer.byteLength(arg.text, 'latin1');
    if (length < bytes.min || length > bytes.max) return undefined;
  }
  return arg.text;
}

/** Quotes a string parameter for a query response. */
export function q(text: string): string {
  return `"${text}"`;
}
