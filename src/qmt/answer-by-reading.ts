/**
 * An answer judged against the answers a reading of the note allows: when several print the same
 * bytes, the declared one is taken (strict mode), else the one this scenario already showed, else
 * the first. The observation is recorded only once the caller's other checks (time) have passed.
 */
import { matchLines } from './answer-pattern';
import type { ReadingAlternative } from './reading-alternative';
import type { ReadingObserver } from './readings-observer';
import { nonConformance } from './verdict';

export interface ChosenReading {
  readonly value: string;
  /** Records the reading (and any captured readings) with this evidence. */
  readonly record: (evidence: string) => void;
}

/** `answered` opens the failure message, e.g. "AT+QMTCFG=… answered OK". */
export function chooseByReading(
  printed: readonly string[],
  id: string,
  alternatives: readonly ReadingAlternative[],
  observer: ReadingObserver,
  answered: string,
): ChosenReading {
  const matching = alternatives.flatMap((alt) => {
    const match = matchLines(alt.lines, printed);
    return match ? [{ alt, match }] : [];
  });
  const declared = observer.preferredValue(id);
  const chosen = matching.find((m) => m.alt.value === declared) ?? matching[0];
  if (!chosen) {
    throw nonConformance(
      `${answered}; the note allows (reading ${id}): ` +
        alternatives.map((a) => `${a.lines.join(' | ')} (${a.value})`).join(' or '),
    );
  }
  return {
    value: chosen.alt.value,
    record: (evidence) => {
      for (const [capture, value] of Object.entries(chosen.match.captures)) observer.observe(capture, value, evidence);
      observer.observeAnswer(
        id,
        matching.map((m) => m.alt.value),
        chosen.alt.value,
        evidence,
      );
    },
  };
}
