/**
 * The step side of test-form listings (src/qmt/listing.ts): the last answer must end in OK in
 * time, list every entry the note lists with the note's ranges and lists, and nothing else that
 * the note forbids. Accepted differences come back as notes for the passing result.
 */
import type { QmtHost } from './host';
import { compareListing, printedAsInNote } from './listing';
import type { ReadingObserver } from './readings-observer';
import { nonConformance } from './verdict';

export function expectListing(host: QmtHost, expected: readonly string[], observer: ReadingObserver): string[] {
  host.expectFinal('OK');
  const { response } = host.last;
  const wanted = expected.map((l) => l.trim()).filter((l) => l !== '' && l !== 'OK');
  const { problems, notes } = compareListing(wanted, response.lines);
  if (problems.length) {
    throw nonConformance(
      `${response.command} does not list what the note lists:\n  ${problems.join('\n  ')}\nanswer:\n  ${response.lines.join('\n  ')}`,
    );
  }
  // Reading test-form-layout concerns the AT+QMTCFG=? listing (spec 3.3.1 typesetting, docs/field-evidence.md#ec600s-test-form-listing).
  if (/^AT\+QMTCFG=\?$/i.test(response.command)) {
    const layout = printedAsInNote(wanted, response.lines) ? 'as-printed' : 'reformatted';
    observer.observe(
      'test-form-layout',
      layout,
      `${response.command} → ${notes.length ? notes.join('; ') : "the note's lines"}`,
    );
  }
  return notes;
}
