/**
 * Waiting for one expected URC within the time the note allows it (src/qmt/urc-deadline.ts), and
 * what its arrival shows of the module's readings.
 */
import type { AtClient } from '../at/at-client';
import type { Urc } from '../at/types';
import type { Clock } from '../clock/clock';
import { seconds } from './answer-verdicts';
import type { ExchangeLog } from './exchange-log';
import type { ReadingObserver } from './readings-observer';
import { describeMargin, withMargin, type TimingMargin } from './timing-margin';
import type { UrcDeadline, UrcDeadlineOptions } from './urc-deadline';
import { describeUrc, omittedOptionalFields, urcConflicts, urcMatches, type ExpectedUrc } from './urc-match';
import { nonConformance } from './verdict';

/** What a URC wait works with: the scenario's AT client and clock, and the host's records. */
export interface UrcContext {
  readonly at: AtClient;
  readonly clock: Clock;
  readonly margin: TimingMargin;
  readonly observer: ReadingObserver;
  readonly log: ExchangeLog;
  /** An expected URC text parsed, its `{publish-msgid}` decided by the broker's PUBLISH packets. */
  readonly expectedUrc: (text: string) => ExpectedUrc;
  /** The limit on a URC of this name (src/qmt/urc-deadline.ts). */
  readonly deadline: (name: string, options?: UrcDeadlineOptions) => UrcDeadline;
}

/**
 * Waits for a URC matching `expectedText`. The time allowed is the maximum response time of the
 * most recent command of the same name (spec chapter 3) plus the timing margin, counted from the
 * event that starts the module's timer: the first CONNECT / SUBSCRIBE / UNSUBSCRIBE / PUBLISH the
 * broker saw after the command, else the command line. `withinMs` overrides the limit.
 */
export async function expectUrc(
  context: UrcContext,
  expectedText: string,
  options: UrcDeadlineOptions = {},
): Promise<Urc> {
  const { margin, observer } = context;
  const expected = context.expectedUrc(expectedText);
  const { since, limitMs, source, waitMs, start } = context.deadline(expected.name, options);
  let urc: Urc;
  try {
    urc = await context.at.waitForUrc(
      (u) => urcMatches(u, expected) || urcConflicts(u, expected),
      Math.max(waitMs, 1),
      since,
      describeUrc(expected),
    );
  } catch (error) {
    throw nonConformance(
      `expected ${describeUrc(expected)}${limitMs !== undefined ? ` within ${seconds(limitMs)} (${source})` : ''}; ${(error as Error).message}`,
    );
  }
  if (!urcMatches(urc, expected)) {
    throw nonConformance(`${urc.text} arrived where ${describeUrc(expected)} was expected`);
  }
  const timerStart = start();
  if (limitMs !== undefined && urc.at - timerStart > withMargin(limitMs, margin)) {
    throw nonConformance(
      `${describeUrc(expected)} arrived after ${seconds(urc.at - timerStart)}, over the limit of ${seconds(limitMs)} (${source}) ` +
        `plus the timing margin of ${describeMargin(margin)}`,
    );
  }
  for (const omitted of omittedOptionalFields(urc, expected))
    observer.observe(omitted.reading, omitted.value, `${urc.text} arrived`);
  observeRecvLayout(observer, urc.recvLayout, `${urc.text} arrived`);
  return urc;
}

/** A33: the +QMTRECV payload came in quotes or bare (the split layout shows neither). */
export function observeRecvLayout(observer: ReadingObserver, layout: Urc['recvLayout'], evidence: string): void {
  if (layout === undefined || layout === 'split') return;
  observer.observe('A33', layout.startsWith('quoted') ? 'quoted' : 'bare', evidence);
}
