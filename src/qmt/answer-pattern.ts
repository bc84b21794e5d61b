/**
 * Expected answer lines as a scenario writes them, compared field by field with what the module
 * printed. Fields are compared byte for byte (the note's response syntax has no spaces), except:
 * - `*` matches any one field;
 * - `{default:<name>}` matches any value the note allows for an unstated default (A8) and
 *   captures it, so the observer can record it (default mode) or check it (strict mode);
 *   `{default:<name>=<v>}` accepts only v and records it the same way.
 */
import { isUnstatedDefault } from '../variants/readings';
import { splitOutsideQuotes } from '../at/line-kinds';

export interface LineMatch {
  /** "default:<name>" → the value printed there. */
  readonly captures: Readonly<Record<string, string>>;
}

// `{default:sslEnable=0}`: only that value, still recorded (a row of a reading that prints it so).
const CAPTURE = /^\{(default:[A-Za-z]+)(?:=(\d+))?\}$/;

function head(line: string): { name: string; fields: string[] } | undefined {
  const colon = line.indexOf(': ');
  if (!line.startsWith('+') || colon < 0) return undefined;
  return { name: line.slice(0, colon), fields: splitOutsideQuotes(line.slice(colon + 2), { keepQuotes: true }) };
}

/** Matches one expected line against one printed line; undefined when they differ. */
export function matchLine(expected: string, actual: string): LineMatch | undefined {
  if (!expected.includes('{default:') && !expected.includes('*'))
    return expected === actual ? { captures: {} } : undefined;
  const e = head(expected);
  const a = head(actual);
  if (!e || !a || e.name !== a.name || e.fields.length !== a.fields.length) return undefined;
  const captures: Record<string, string> = {};
  for (const [i, field] of e.fields.entries()) {
    const actualField = a.fields[i] as string;
    const [, capture, only] = CAPTURE.exec(field) ?? [];
    if (field === '*') continue;
    if (capture) {
      if (!isUnstatedDefault(capture.slice('default:'.length)))
        throw new Error(`harness: {${capture}} names no unstated default of the note`);
      if (!/^\d+$/.test(actualField)) return undefined;
      if (only !== undefined && actualField !== only) return undefined;
      if (captures[capture] !== undefined && captures[capture] !== actualField) return undefined;
      captures[capture] = actualField;
    } else if (field !== actualField) return undefined;
  }
  return { captures };
}

/** Matches expected lines against printed lines, in order, one for one. */
export function matchLines(expected: readonly string[], actual: readonly string[]): LineMatch | undefined {
  if (expected.length !== actual.length) return undefined;
  const captures: Record<string, string> = {};
  for (const [i, line] of expected.entries()) {
    const m = matchLine(line, actual[i] as string);
    if (!m) return undefined;
    for (const [k, v] of Object.entries(m.captures)) {
      if (captures[k] !== undefined && captures[k] !== v) return undefined;
      captures[k] = v;
    }
  }
  return { captures };
}
