/**
 * A13: the note prints the "qmtping" query branch without a final OK (spec 3.3.1), so a module may
 * end that answer after its information line. The query is sent with a wait well past the 300 ms
 * maximum response time (so a late OK is measured as late, not taken for "no OK"), and the answer
 * is kept with or without a final result for the reading step to judge.
 */
import type { AtClient } from '../at/at-client';
import { AtTimeoutError } from '../at/types';
import { chooseByReading } from './answer-by-reading';
import { parseCommandLine } from './command-line';
import type { ReadingAlternative } from './reading-alternative';
import type { ReadingObserver } from './readings-observer';
import { responseTimeLimit } from './timing';
import { describeMargin, withMargin, type TimingMargin } from './timing-margin';
import { nonConformance } from './verdict';

export interface OpenEndedAnswer {
  readonly command: string;
  readonly lines: readonly string[];
  /** The final result, or undefined when none came within the wait. */
  readonly final?: string;
  readonly elapsedMs: number;
  readonly limitMs: number;
  readonly waitMs: number;
}

/** The row text that stands for "no final result" in a reading table. */
export const NO_FINAL_RESULT = 'no final result';

export async function sendOpenEnded(at: AtClient, raw: string, margin: TimingMargin): Promise<OpenEndedAnswer> {
  const limitMs = responseTimeLimit(parseCommandLine(raw)).ms;
  const waitMs = Math.ceil(withMargin(limitMs, margin) * 1.5) + 1_000;
  try {
    const response = await at.send(raw, { timeoutMs: waitMs });
    const final = response.final.kind === 'CME ERROR' ? `+CME ERROR: ${response.final.code}` : response.final.kind;
    return {
      command: raw,
      lines: response.lines,
      final,
      elapsedMs: response.doneAt - response.sentAt,
      limitMs,
      waitMs,
    };
  } catch (error) {
    if (!(error instanceof AtTimeoutError)) throw error;
    return { command: raw, lines: error.lines, elapsedMs: waitMs, limitMs, waitMs };
  }
}

/**
 * The answer must be one a reading allows (a row whose last line is "no final result" = the
 * answer ends after its information lines); a final result must come in time. Records the reading.
 */
export function expectOpenEndedByReading(
  answer: OpenEndedAnswer,
  id: string,
  alternatives: readonly ReadingAlternative[],
  observer: ReadingObserver,
  margin: TimingMargin,
): string {
  const printed = answer.final === undefined ? [...answer.lines, NO_FINAL_RESULT] : [...answer.lines, answer.final];
  const chosen = chooseByReading(
    printed,
    id,
    alternatives,
    observer,
    `${answer.command} answered ${printed.join(' | ')} (waited ${answer.waitMs} ms)`,
  );
  if (answer.final !== undefined && answer.elapsedMs > withMargin(answer.limitMs, margin)) {
    throw nonConformance(
      `the answer to ${answer.command} took ${(answer.elapsedMs / 1000).toFixed(3)} s; spec 3.3.1: ${answer.limitMs} ms plus the timing margin of ${describeMargin(margin)}`,
    );
  }
  chosen.record(`${answer.command} → ${printed.join(' | ')}`);
  return chosen.value;
}

/** Rows `| <value> | <lines> |` of a reading table; a last line "no final result" is kept, else OK is implied. */
export function openEndedAlternatives(
  rows: readonly (readonly string[])[],
  resolve: (text: string) => string,
): ReadingAlternative[] {
  return rows.map(([value, answer]) => {
    const lines = resolve(answer ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!/^(OK|ERROR|\+CME ERROR: .*)$/.test(lines.at(-1) ?? '') && lines.at(-1) !== NO_FINAL_RESULT) lines.push('OK');
    return { value: value as string, lines };
  });
}
