/**
 * Waiting for the URC of one of the answers a reading of the note allows (an alternative without
 * lines = no such URC within the quiet time), past the URCs the note allows in between, and
 * recording or checking which reading the module showed.
 */
import type { Urc } from '../at/types';
import { allowedInterleaving, readingInPlay, type Interleaving } from './allowed-interleavings';
import { seconds } from './answer-verdicts';
import type { ReadingAlternative } from './reading-alternative';
import { describeMargin, withMargin } from './timing-margin';
import { describeUrc, omittedOptionalFields, urcConflicts, urcMatches, type ExpectedUrc } from './urc-match';
import { nonConformance } from './verdict';
import type { UrcContext } from './urc-waits';

/** URCs about a client's link: one of these with another code for the same client answers the same question. */
const LINK_URCS = new Set(['+QMTSTAT', '+QMTPING']);

export interface UrcReadingOutcome {
  /** The reading's value the module showed. */
  readonly value: string;
  /** URCs the note allows that came before, with the note's words (for the report). */
  readonly interleavings: string[];
}

type Row = { alt: ReadingAlternative; urc: ExpectedUrc };

export async function expectUrcByReading(
  context: UrcContext,
  id: string,
  alternatives: readonly ReadingAlternative[],
  quietMs: number,
): Promise<UrcReadingOutcome> {
  const { margin, observer } = context;
  const expected = alternatives
    .filter((a) => a.lines.length)
    .map((a) => ({ alt: a, urc: context.expectedUrc(a.lines[0] as string) }));
  const none = alternatives.find((a) => a.lines.length === 0);
  const since = context.log.latest()?.response.sentAt ?? context.clock.now();
  const limitOf = (e: Row) =>
    e.alt.withinMs !== undefined
      ? { limitMs: e.alt.withinMs, source: 'scenario limit', start: () => since }
      : context.deadline(e.urc.name);
  const waitMs = Math.max(
    quietMs,
    ...expected.map((e) =>
      e.alt.withinMs !== undefined
        ? Math.ceil(withMargin(e.alt.withinMs, margin) * 1.5) + 1_000
        : context.deadline(e.urc.name).waitMs,
    ),
  );
  // Same URC name and client as an alternative, but none of them: an answer no reading allows
  // (e.g. +QMTSTAT: 0,1 where the reading allows +QMTSTAT: 0,8 or none) settles the question.
  const sameQuestion = (u: Urc) =>
    expected.some(
      (e) =>
        urcConflicts(u, e.urc) || (LINK_URCS.has(u.name) && u.name === e.urc.name && u.fields[0] === e.urc.fields[0]),
    );
  const declared = observer.preferredValue(id);
  const { seen, interleaved } = await awaitRows(context, expected, declared, sameQuestion, waitMs, since);
  const interleavings = interleaved.map((i) => `allowed before reading ${id}: ${i.why}`);
  const before = interleaved.length ? ` (after ${interleaved.map((i) => i.text).join(', ')})` : '';
  if (seen && !expected.some((e) => urcMatches(seen, e.urc))) {
    throw nonConformance(
      `${seen.text} arrived; the note allows (reading ${id}): ${alternatives.map((a) => `${a.lines[0] ?? 'none'} (${a.value})`).join(' or ')}`,
    );
  }
  if (seen) {
    const matching = expected.filter((e) => urcMatches(seen, e.urc));
    const chosen = matching.find((m) => m.alt.value === declared) ?? matching[0];
    if (!chosen) {
      throw nonConformance(
        `${seen.text} arrived; the note allows (reading ${id}): ${alternatives.map((a) => `${a.lines[0] ?? 'no such URC'} (${a.value})`).join(' or ')}`,
      );
    }
    const { limitMs, source, start } = limitOf(chosen);
    if (limitMs !== undefined && seen.at - start() > withMargin(limitMs, margin)) {
      throw nonConformance(
        `${seen.text} arrived after ${seconds(seen.at - start())}, over the limit of ${seconds(limitMs)} (${source}) plus the timing margin of ${describeMargin(margin)}`,
      );
    }
    for (const omitted of omittedOptionalFields(seen, chosen.urc))
      observer.observe(omitted.reading, omitted.value, `${seen.text} arrived`);
    observer.observe(id, chosen.alt.value, `${seen.text} arrived${before}`);
    for (const { reading } of interleaved)
      if (reading) observer.observe(reading.id, reading.value, `${seen.text} arrived${before}`);
    const inPlay = readingInPlay([chosen.urc], context.log.answeredOk(), { id, value: chosen.alt.value });
    if (inPlay && !interleaved.some((i) => i.reading?.id === inPlay.id))
      observer.observe(inPlay.id, inPlay.absent, `${seen.text} arrived with no result of the command before it`);
    return { value: chosen.alt.value, interleavings };
  }
  if (!none) {
    throw nonConformance(
      `none of ${expected.map((e) => describeUrc(e.urc)).join(' or ')} arrived within ${seconds(waitMs)} (reading ${id} allows only these)`,
    );
  }
  observer.observe(
    id,
    none.value,
    `no ${expected.map((e) => describeUrc(e.urc)).join(' / ')} within ${seconds(waitMs)}${before}`,
  );
  return { value: none.value, interleavings };
}

/**
 * The first URC that matches a row or settles the question otherwise, past the URCs the note
 * allows there though no row names them (src/qmt/allowed-interleavings.ts), which are returned
 * with the note's words. A URC that matches another reading's row but may also come before the
 * declared (or already shown) reading's row counts as such: the two readings print alike up to
 * there (A3: `+QMTCONN: 0,2` is "retransmit" with no retries left, or Excep1's own result).
 */
async function awaitRows(
  context: UrcContext,
  expected: readonly Row[],
  declared: string | undefined,
  sameQuestion: (u: Urc) => boolean,
  waitMs: number,
  since: number,
): Promise<{ seen?: Urc; interleaved: (Interleaving & { text: string })[] }> {
  const { at, clock } = context;
  const pending = context.log.answeredOk();
  const preferred = expected.filter((e) => e.alt.value === declared).map((e) => e.urc);
  const interleaves = (u: Urc): Interleaving | undefined => {
    if (preferred.some((e) => urcMatches(u, e))) return undefined;
    if (!expected.some((e) => urcMatches(u, e.urc)))
      return allowedInterleaving(
        u,
        expected.map((e) => e.urc),
        pending,
      );
    return preferred.length ? allowedInterleaving(u, preferred, pending) : undefined;
  };
  const interleaved: (Interleaving & { text: string })[] = [];
  const waitStart = clock.now();
  for (;;) {
    const left = waitMs - (clock.now() - waitStart);
    const seen = await at
      .waitForUrc((u) => expected.some((e) => urcMatches(u, e.urc)) || sameQuestion(u), Math.max(left, 1), since)
      .catch(() => undefined);
    const allowed = seen && interleaves(seen);
    if (!seen || !allowed) return { seen, interleaved };
    interleaved.push({ ...allowed, text: seen.text });
  }
}
