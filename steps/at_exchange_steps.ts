/**
 * The AT exchange: what the host sends, what the module answers, which URCs it reports or must not
 * (spec chapter 3), the answer's bytes (spec 3.1.2), and the answers a reading of the note allows.
 */
import { type DataTable, Then, When } from '@cucumber/cucumber';
import {
  alternativesOf,
  expectAnswerSpacingAside,
  expectBufferedCount,
  expectEcho,
  expectFramedAnswer,
  expectListing,
  expectOneReportPerDelivery,
  expectOpenEndedByReading,
  expectPromptByReading,
  expectStoredMessages,
  expectUploadConfirmed,
  openEndedAlternatives,
  payloadOfSize,
  promptAlternatives,
  quietTimeMs,
  uploadData,
} from '../src/qmt';
import type { QmtWorld } from '../support/world';

// ----- what the host sends ---------------------------------------------------------------------

// One command line, as typed; ERROR is an answer for a later step to check, not a failure.
When('the host sends {command}', async function (this: QmtWorld, command: string) {
  await this.send(command);
});

// The payload is typed after the `>` prompt (spec 3.3.8, 3.3.1 "willex").
When(
  'the host sends {command} with payload {string}',
  async function (this: QmtWorld, command: string, payload: string) {
    await this.send(command, Buffer.from(this.resolve(payload), 'latin1'));
  },
);

// A printable payload of exactly that size after the prompt ("0123456789" repeated).
When(
  'the host sends {command} with a payload of {int} bytes',
  async function (this: QmtWorld, command: string, size: number) {
    await this.send(command, payloadOfSize(size));
  },
);

// spec 5.2: the command names the upload's {size}, known once the data is made.
When('the host uploads {upload} with {command}', async function (this: QmtWorld, what: string, command: string) {
  this.upload = { data: await uploadData(what, this.broker.tlsMaterial, this.clock) };
  await this.send(command, this.upload.data);
});

// A13: the "qmtping" query may end after its information line.
When(
  'the host sends the query {command}, whose answer may end without a final result',
  async function (this: QmtWorld, command: string) {
    this.openEndedAnswer = await this.host.sendOpenEnded(this.resolve(command));
  },
);

// ----- what the module answers -----------------------------------------------------------------

// `+CME ERROR` counts as ERROR; the answer must also come within the command's maximum response
// time (spec chapter 3) plus the timing margin.
Then('the module answers OK', function (this: QmtWorld) {
  this.host.expectFinal('OK');
});

// `+CME ERROR: <err>` counts as ERROR.
Then('the module answers ERROR', function (this: QmtWorld) {
  this.host.expectFinal('ERROR');
});

// Doc string: the information lines and the final result, exactly; `{default:<field>}` accepts
// any value the note allows for an unstated default and records it (A8).
Then('the module answers:', function (this: QmtWorld, lines: string) {
  this.host.expectLines(this.resolve(lines).split(/\r?\n/));
});

/** A test-form answer: the note's text, white space outside quotes aside (src/qmt/spacing.ts). */
Then('the module answers, spacing aside:', function (this: QmtWorld, text: string) {
  this.attachNotes(expectAnswerSpacingAside(this.host, text.split(/\r?\n/)));
});

// A test form's listing, compared by meaning (src/qmt/listing.ts).
Then('the module lists what the note lists:', function (this: QmtWorld, lines: string) {
  this.attachNotes(expectListing(this.host, this.resolve(lines).split(/\r?\n/), this.readings));
});

/** spec 3.3.9 rows `| client | msgid | topic | payload |`, compared by value whatever the layout (A33). */
Then('the module answers these stored messages, then OK:', function (this: QmtWorld, table: DataTable) {
  const messages = table.hashes().map(({ client, msgid, topic, payload }) => ({ client, msgid, topic, payload }));
  expectStoredMessages(this.host, messages);
});

// spec 3.3.9: AT+QMTRECV=<idx>[,<recv_id>] listed that many +QMTRECV lines, then OK.
Then('the module answers OK after {int} buffered message(s)', function (this: QmtWorld, count: number) {
  expectBufferedCount(this.host, count);
});

// The checksum is computed by the harness (src/qmt/file-upload.ts); a wrong one is a precondition
// failure (AT+QFUPL is the FILE note's command).
Then('the module answers +QFUPL with the size and checksum of the uploaded data, then OK', function (this: QmtWorld) {
  expectUploadConfirmed(this.host, this.lastUpload);
});

// Reading payload-echo: with ATE1, the data written after > came back or not (the note is silent).
Then('by reading payload-echo the module echoed the payload or not', function (this: QmtWorld) {
  return this.readingOutcome('payload-echo', this.host.observePayloadEcho());
});

// With ATE0 nothing comes back, the data after > included.
Then('the module did not echo the payload', function (this: QmtWorld) {
  this.host.expectNoPayloadEcho();
});

// spec 3.1.2, on the raw bytes of the transcript.
Then('every line of the answer is framed by CR LF on both sides', function (this: QmtWorld) {
  expectFramedAnswer(this.session.transcript.entries());
});

// After ATE1 (V.25ter): the command line came back before the answer.
Then('the module echoed the command', function (this: QmtWorld) {
  expectEcho(this.session.transcript.entries(), this.host.last.response.command, true);
});

// After ATE0: no echo of the command line.
Then('the module did not echo the command', function (this: QmtWorld) {
  expectEcho(this.session.transcript.entries(), this.host.last.response.command, false);
});

// ----- which URCs it reports -------------------------------------------------------------------

// Within the maximum response time of the last command of that name, counted from the packet that
// starts the module's timer (else the command line); `*` matches any one field, `{publish-msgid}`
// only the packet id of the broker's PUBLISH (src/qmt/publish-msgid.ts).
Then('the module reports {urc}', async function (this: QmtWorld, urc: string) {
  await this.host.expectUrc(this.resolve(urc));
});

// An explicit limit from the scenario, plus the timing margin.
Then('within {seconds} the module reports {urc}', async function (this: QmtWorld, ms: number, urc: string) {
  await this.host.expectUrc(this.resolve(urc), { withinMs: ms, source: 'scenario limit' });
});

// spec 3.3.2-3.3.8: the final result comes first, then the result URC.
Then('the module answers OK before it reports {urc}', async function (this: QmtWorld, urc: string) {
  this.host.expectFinal('OK');
  await this.host.expectFinalBeforeUrc(this.resolve(urc));
});

// From now on; a name alone (`+QMTSTAT`) stands for every URC of that name.
Then('no {urc} URC arrives within {seconds}', async function (this: QmtWorld, urc: string, ms: number) {
  await this.host.expectNoUrc(this.resolve(urc), ms);
});

/** Unlike `no … URC arrives`, also looks back to the start of the scenario: an early URC counts. */
Then('the module never reports {urc} within {seconds}', async function (this: QmtWorld, urc: string, ms: number) {
  await this.host.expectNoUrc(this.resolve(urc), ms, { sinceScenarioStart: true });
});

// spec 4.2: one report per delivery the module received, none more (a duplicate within 1 s fails).
Then(
  'the module reports one +QMTRECV on {string} for each PUBLISH the broker sent it',
  async function (this: QmtWorld, topic: string) {
    await expectOneReportPerDelivery(this.host, topic, this.wire.deliveriesOn(topic).length);
  },
);

// ----- answers a reading of the note allows (src/variants/readings.ts) -------------------------
// Each row is a reading's value and the answer it gives; the observed reading is recorded, a
// profile run checks it, and a scenario tagged for another reading is skipped.

// Rows `| <value> | <answer> |`: the last command's answer (OK implied unless a row ends in a final
// result); `\n` in a cell separates lines.
Then('by reading {reading} the module answers one of:', function (this: QmtWorld, id: string, table: DataTable) {
  const alternatives = alternativesOf(table.raw(), (t) => this.resolve(t), true);
  return this.readingOutcome(id, this.host.expectAnswerByReading(id, alternatives));
});

// Rows `| <value> | <URC> [within N seconds] |` or `| <value> | no <URC> within N seconds |`; a URC of
// the same name and client that matches no row fails at once.
Then('by reading {reading} the module reports one of:', async function (this: QmtWorld, id: string, table: DataTable) {
  const alternatives = alternativesOf(table.raw(), (t) => this.resolve(t), false);
  return this.readingOutcome(id, await this.host.expectUrcByReading(id, alternatives, quietTimeMs(table.raw())));
});

// ERROR at once, or OK and a result URC (e.g. open-bad-host).
Then(
  'by reading {reading} the module answers ERROR \\({word}), or OK and reports one of:',
  async function (this: QmtWorld, id: string, errorValue: string, table: DataTable) {
    const alternatives = alternativesOf(table.raw(), (t) => this.resolve(t), false);
    return this.readingOutcome(id, await this.host.expectErrorOrUrcByReading(id, errorValue, alternatives));
  },
);

// A13 rows `| ok | +QMTCFG: "qmtping",5\nOK |`, `| no-ok | … \nno final result |`: a late OK fails as
// late, only a missing one is "no-ok".
Then('by reading {reading} the query answers one of:', function (this: QmtWorld, id: string, table: DataTable) {
  const alternatives = openEndedAlternatives(table.raw(), (t) => this.resolve(t));
  const answer = this.lastOpenEndedAnswer;
  return this.readingOutcome(id, expectOpenEndedByReading(answer, id, alternatives, this.readings, this.host.margin));
});

// Rows `| prompt | > then OK |` (the `>` prompt came first) or `| no-prompt | ERROR |`.
Then(
  'by reading {reading} the module prompts and answers one of:',
  function (this: QmtWorld, id: string, table: DataTable) {
    const answer = expectPromptByReading(this.host, id, promptAlternatives(table.raw()), this.readings);
    return this.readingOutcome(id, answer);
  },
);
