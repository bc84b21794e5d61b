/**
 * A11willex: whether "willex" with <will_fg> 0 shows the `>` prompt is not stated (spec 3.3.1).
 * A reading row `> then OK` means: the prompt came, then these lines; a row without `>` means no
 * prompt. The observed reading is recorded like any other (src/qmt/readings-observer.ts).
 */
import { matchLines } from './answer-pattern';
import type { QmtHost } from './host';
import type { ReadingObserver } from './readings-observer';
import { nonConformance } from './verdict';

export interface PromptAlternative {
  readonly value: string;
  readonly prompted: boolean;
  readonly lines: readonly string[];
}

export function promptAlternatives(rows: readonly (readonly string[])[]): PromptAlternative[] {
  return rows.map(([value, answer]) => {
    const text = (answer ?? '').trim();
    const prompted = text.startsWith('>');
    const lines = text
      .replace(/^>\s*then\s*/, '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return { value: value as string, prompted, lines };
  });
}

export function expectPromptByReading(
  host: QmtHost,
  id: string,
  alternatives: readonly PromptAlternative[],
  observer: ReadingObserver,
): string {
  const { response } = host.last;
  const final = response.final.kind === 'CME ERROR' ? 'ERROR' : response.final.kind;
  const printed = [...response.lines, final];
  const matching = alternatives.filter((a) => a.prompted === response.prompted && matchLines(a.lines, printed));
  const declared = observer.preferredValue(id);
  const chosen = matching.find((a) => a.value === declared) ?? matching[0];
  const shown = `${response.prompted ? '> then ' : ''}${printed.join(' | ')}`;
  if (!chosen) {
    throw nonConformance(
      `${response.command} answered ${shown}; the note allows (reading ${id}): ` +
        alternatives.map((a) => `${a.prompted ? '> then ' : ''}${a.lines.join(' | ')} (${a.value})`).join(' or '),
    );
  }
  // Marks the exchange asserted and checks the 300 ms maximum response time.
  host.expectFinal(final);
  observer.observeAnswer(
    id,
    matching.map((a) => a.value),
    chosen.value,
    `${response.command} → ${shown}`,
  );
  return chosen.value;
}
