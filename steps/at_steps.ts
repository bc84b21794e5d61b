/**
 * The AT side of a scenario: what the host sends, what the module answers, which URCs follow.
 */
import { type DataTable, Then, When } from '@cucumber/cucumber';
import { alternativesOf, type QmtWorld } from '../support/world';

When(/^the host sends (AT.*) with payload "(.*)"$/i, async function (this: QmtWorld, command: string, payload: string) {
  await this.host.send(this.resolve(command), Buffer.from(this.resolve(payload), 'latin1'));
});

When(/^the host sends (AT.*) with a payload of (\d+) bytes$/i, async function (this: QmtWorld, command: string, size: string) {
  await this.host.send(this.resolve(command), payloadOfSize(Number(size)));
});

When(/^the host sends (?!.* with (?:payload "|a payload of \d+ bytes$))(AT.*)$/i, async function (this: QmtWorld, command: string) {
  await this.host.send(this.resolve(command));
});

Then('the module answers OK', function (this: QmtWorld) {
  this.host.expectFinal('OK');
});

Then('the module answers ERROR', function (this: QmtWorld) {
  this.host.expectFinal('ERROR');
});

// spec 3.3.2-3.3.8: the final result comes first, then the result URC (issue 8's coverage gap).
Then(/^the module answers OK before it reports (\+QMT[A-Z]+: .*)$/, async function (this: QmtWorld, urc: string) {
  this.host.expectFinal('OK');
  await this.host.expectFinalBeforeUrc(this.resolve(urc));
});

Then('the module answers:', function (this: QmtWorld, lines: string) {
  this.host.expectLines(this.resolve(lines).split(/\r?\n/));
});

Then(/^the module reports (\+?[A-Z][\w ]*(?::.*)?) within (\d+(?:\.\d+)?) seconds$/, async function (this: QmtWorld, urc: string, s: string) {
  await this.host.expectUrc(this.resolve(urc), { withinMs: Number(s) * 1000, source: 'scenario limit' });
});

Then(/^the module reports (?!.* within \d+(?:\.\d+)? seconds$)(\+?[A-Z][\w ]*(?::.*)?)$/, async function (this: QmtWorld, urc: string) {
  await this.host.expectUrc(this.resolve(urc));
});

Then(/^no (\+[A-Z]+)(?:: (.*))? URC arrives within (\d+) seconds$/, async function (this: QmtWorld, name: string, fields: string | undefined, s: string) {
  await this.host.expectNoUrc(fields ? `${name}: ${this.resolve(fields)}` : name, Number(s) * 1000);
});

/** A recognisable, printable payload of an exact size: "0123456789" repeated. */
function payloadOfSize(size: number): Buffer {
  return Buffer.from(Array.from({ length: size }, (_, i) => String(i % 10)).join(''), 'latin1');
}

// Where the note allows several answers (src/variants/readings.ts): each row is a reading's value
// and the answer it gives. The observed reading is recorded; a profile run checks it.
Then('by reading {word} the module answers one of:', function (this: QmtWorld, id: string, table: DataTable) {
  return this.readingOutcome(id, this.host.expectAnswerByReading(id, alternativesOf(table.raw(), (t) => this.resolve(t), true)));
});

Then('by reading {word} the module reports one of:', async function (this: QmtWorld, id: string, table: DataTable) {
  const alternatives = alternativesOf(table.raw(), (t) => this.resolve(t), false);
  return this.readingOutcome(id, await this.host.expectUrcByReading(id, alternatives, quietTimeMs(table.raw())));
});

// A reading answered either by ERROR at once or by OK and a result URC (e.g. open-bad-host).
Then(/^by reading (\S+) the module answers ERROR \((\S+)\), or OK and reports one of:$/, async function (this: QmtWorld, id: string, errorValue: string, table: DataTable) {
  const alternatives = alternativesOf(table.raw(), (t) => this.resolve(t), false);
  return this.readingOutcome(id, await this.host.expectErrorOrUrcByReading(id, errorValue, alternatives));
});

/** "no +QMTSTAT within 2 seconds" in a row: how long the absence is watched for. */
function quietTimeMs(rows: readonly (readonly string[])[]): number {
  const seconds = rows.map(([, answer]) => /^\s*no .* within (\d+(?:\.\d+)?) seconds?/.exec(answer ?? '')?.[1]).find(Boolean);
  return seconds ? Number(seconds) * 1000 : 0;
}
