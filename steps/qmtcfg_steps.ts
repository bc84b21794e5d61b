/**
 * AT+QMTCFG steps beyond the generic AT vocabulary: listings compared by meaning (issue 8 item 6),
 * the "qmtping" query that may end without OK (A13), and the "willex" prompt reading (A11willex).
 */
import { type DataTable, Then, When } from '@cucumber/cucumber';
import { expectListing } from '../src/qmt/listing-check';
import { expectOpenEndedByReading, openEndedAlternatives, sendOpenEnded, type OpenEndedAnswer } from '../src/qmt/open-ended-query';
import { expectPromptByReading, promptAlternatives } from '../src/qmt/prompt-answer';
import { parseTimingMargin } from '../src/qmt/timing-margin';
import type { QmtWorld } from '../support/world';

const openEnded = new WeakMap<QmtWorld, OpenEndedAnswer>();
const margin = (world: QmtWorld) => parseTimingMargin(world.run.config.timingMargin) ?? { fixedMs: 150, percent: 3 };

// Listing steps for any test form: `Then the module lists what the note lists:` + the note's lines.
Then('the module lists what the note lists:', function (this: QmtWorld, lines: string) {
  for (const note of expectListing(this.host, this.resolve(lines).split(/\r?\n/), this.readings)) this.attach(note, 'text/plain');
});

When(/^the host sends the query (AT.*), whose answer may end without a final result$/, async function (this: QmtWorld, command: string) {
  openEnded.set(this, await sendOpenEnded(this.session.at, this.resolve(command), margin(this)));
});

Then('by reading {word} the query answers one of:', function (this: QmtWorld, id: string, table: DataTable) {
  const answer = openEnded.get(this) ?? (() => { throw new Error('harness: no open-ended query was sent in this scenario'); })();
  return this.readingOutcome(id, expectOpenEndedByReading(answer, id, openEndedAlternatives(table.raw(), (t) => this.resolve(t)), this.readings, margin(this)));
});

Then('by reading {word} the module prompts and answers one of:', function (this: QmtWorld, id: string, table: DataTable) {
  return this.readingOutcome(id, expectPromptByReading(this.host, id, promptAlternatives(table.raw()), this.readings));
});
