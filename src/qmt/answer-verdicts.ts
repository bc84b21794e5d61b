/**
 * How the host words a wrong or late answer, and which verdict it is: a non-conformance, or a
 * failed precondition for a command of another document.
 */
import type { AtResponse } from '../at/types';
import { OTHER_DOCUMENT_COMMANDS } from '../at/commands/tables';
import type { CommandLine } from './command-line';
import type { Exchange } from './exchange-log';
import { describeMargin, withMargin, type TimingMargin } from './timing-margin';
import { nonConformance, preconditionFailed } from './verdict';

/** The failure for a wrong answer to `line`: precondition for another document's command, else non-conformance. */
export function answerFailure(line: CommandLine, message: string): Error {
  return OTHER_DOCUMENT_COMMANDS.has(line.name)
    ? preconditionFailed(`${message} (a command of another document that this scenario needs)`)
    : nonConformance(message);
}

/** A final result (`doneAt`) over a normative limit on it, plus the margin, is a non-conformance. */
export function expectInTime(exchange: Exchange, doneAt: number, what: string, margin: TimingMargin): void {
  const elapsed = doneAt - exchange.response.sentAt;
  const { limit } = exchange;
  if (limit.normative && limit.appliesTo === 'final' && elapsed > withMargin(limit.ms, margin)) {
    throw nonConformance(
      `${what} took ${seconds(elapsed)}; ${limit.source} plus the timing margin of ${describeMargin(margin)}`,
    );
  }
}

export function formatFinal(response: AtResponse): string {
  return response.final.kind === 'CME ERROR' ? `+CME ERROR: ${response.final.code}` : response.final.kind;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}
