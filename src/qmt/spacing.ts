/**
 * Test-form lines compared as the note means them, not as it is typeset: descriptive
 * text is not compared byte for byte. §3.3.6 prints `+QMTSUB: (0-5),<msgid>, list of ["topic",qos]`
 * and example 5.1 the same line without the space after the comma; §3.3.7 has a space too. White
 * space outside double quotes carries no meaning in these lines, so it is ignored; a difference
 * is returned as a note for the result. Anything else that differs (a missing part, another
 * range, text inside quotes) is still a mismatch.
 */
import type { QmtHost } from './host';
import { nonConformance } from './verdict';

export function withoutSpacing(line: string): string {
  let out = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) continue;
    out += ch;
  }
  return out;
}

export interface SpacingComparison {
  /** True when every line matches once white space outside quotes is ignored. */
  readonly matches: boolean;
  /** Lines that match only with spacing ignored: "observed `…` for `…`". */
  readonly notes: readonly string[];
}

export function compareSpacingAside(expected: readonly string[], actual: readonly string[]): SpacingComparison {
  if (expected.length !== actual.length) return { matches: false, notes: [] };
  const notes: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    if (withoutSpacing(expected[i]) !== withoutSpacing(actual[i])) return { matches: false, notes: [] };
    if (expected[i] !== actual[i])
      notes.push(`observed \`${actual[i]}\` for the note's \`${expected[i]}\` (spacing differs)`);
  }
  return { matches: true, notes };
}

/** The last command's answer (information lines, then the final result), spacing aside; returns the notes. */
export function expectAnswerSpacingAside(host: QmtHost, expectedLines: readonly string[]): readonly string[] {
  const exchange = host.last;
  exchange.asserted = true;
  const { response } = exchange;
  const final = response.final.kind === 'CME ERROR' ? `+CME ERROR: ${response.final.code}` : response.final.kind;
  const actual = [...response.lines, final];
  const expected = expectedLines.filter((l) => l.trim() !== '');
  const { matches, notes } = compareSpacingAside(expected, actual);
  if (!matches)
    throw nonConformance(
      `${response.command} answered\n  ${actual.join('\n  ')}\nexpected (white space outside quotes aside)\n  ${expected.join('\n  ')}`,
    );
  return notes;
}
