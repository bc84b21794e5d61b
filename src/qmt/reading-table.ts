/**
 * A Gherkin table of `| <reading value> | <answer> |` rows, the alternatives a reading of the note
 * allows (src/variants/readings.ts), read into what QmtHost compares. `\n` in a cell separates lines.
 */
import type { ReadingAlternative } from './reading-alternative';

type Rows = readonly (readonly string[])[];

/** `finalImplied`: an AT answer, OK appended unless the row ends in a final result. */
export function alternativesOf(
  rows: Rows,
  resolve: (text: string) => string,
  finalImplied: boolean,
): ReadingAlternative[] {
  return rows.map(([value, answer]) => {
    const text = resolve(answer ?? '').trim();
    if (!finalImplied) return urcAlternative(value as string, text);
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!/^(OK|ERROR|\+CME ERROR: .*)$/.test(lines.at(-1) ?? '')) lines.push('OK');
    return { value: value as string, lines };
  });
}

function urcAlternative(value: string, text: string): ReadingAlternative {
  // "no +QMTSTAT within 2 seconds": the reading whose answer is the absence of that URC.
  if (/^no /.test(text)) return { value, lines: [] };
  // "+QMTSTAT: 0,4 within 6 seconds": that URC, held to that limit from the command line.
  const within = /^(.*?) within (\d+(?:\.\d+)?) seconds?$/.exec(text);
  if (!within) return { value, lines: [text] };
  return { value, lines: [within[1] as string], withinMs: Number(within[2]) * 1000 };
}

/** "no +QMTSTAT within 2 seconds" in a row: how long the absence is watched for (0 without such a row). */
export function quietTimeMs(rows: Rows): number {
  const quiet = /^\s*no .* within (\d+(?:\.\d+)?) seconds?/;
  const seconds = rows.map(([, answer]) => quiet.exec(answer ?? '')?.[1]).find(Boolean);
  return seconds ? Number(seconds) * 1000 : 0;
}
