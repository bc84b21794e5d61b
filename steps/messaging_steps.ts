/**
 * Messaging on the wire (spec 2 figure 1, 3.3.6–3.3.9, 4.2): what the broker grants, how often and
 * how far apart the module resends an unacknowledged request (T1), the order of a QoS 2 exchange,
 * and what the broker delivered to the module. Steps parse the words, ask the BrokerFixture, and
 * assert once; the checks over recorded packets live in src/qmt/wire-checks.ts.
 */
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import type { RecordedPacket } from '../src/broker/types';
import { clientList, useTextPayloads } from '../src/qmt/data-format';
import { publishAndLetRoute } from '../src/qmt/delivery';
import { packetMismatches } from '../src/qmt/packet-fields';
import { dupProblem, parseSendsAlternative, retransmissionProblem, sendsByReading, spacingSlackMs, type SendsAlternative } from '../src/qmt/wire-checks';
import { describeUrc, parseExpectedUrc, urcMatches } from '../src/qmt/urc-match';
import { expectStoredMessages } from '../src/qmt/recv-answer';
import { expectAnswerSpacingAside } from '../src/qmt/spacing';
import { nonConformance } from '../src/qmt/verdict';
import type { QmtWorld } from '../support/world';

const WAIT_MS = 60_000;
const REQUESTS = 'PUBLISH|SUBSCRIBE|UNSUBSCRIBE|PUBREL';

// ----- the module's payload format (A8: no stated default for <send_mode> / <recv_mode>) ------

Given(/^clients? (\d(?:(?:, | and )\d)*) sends? and receives? MQTT payloads as text$/, async function (this: QmtWorld, list: string) {
  await useTextPayloads(this.host, clientList(list));
});

// ----- broker behaviour ------------------------------------------------------------------------

Given(/^the broker grants at most QoS ([012]) in SUBACK$/, function (this: QmtWorld, qos: string) {
  // MQTT 3.1.1 §3.9.3: the server may grant a lower maximum QoS than the subscriber requested.
  this.broker.faults.grantQosAtMost = Number(qos) as 0 | 1 | 2;
});

Given(/^the broker no longer withholds (SUBACK|UNSUBACK|PUBACK|PUBREC|PUBCOMP)$/, function (this: QmtWorld, type: string) {
  this.broker.faults.withhold.delete(type.toLowerCase() as never);
});

Given('the broker cuts the connection when the module sends PUBACK', function (this: QmtWorld) {
  // The PUBACK never reaches Aedes: the delivery stays in flight at the broker (MQTT 3.1.1 §4.4).
  this.broker.faults.closeOn = 'puback';
});

Given('the broker stops cutting connections', function (this: QmtWorld) {
  this.broker.faults.closeOn = undefined;
});

When(/^another client publishes a payload of (\d+) bytes to "(.*)" at QoS ([012])$/, async function (this: QmtWorld, size: string, topic: string, qos: string) {
  const payload = Array.from({ length: Number(size) }, (_, i) => String.fromCharCode(65 + (i % 26))).join('');
  // Later steps compare against it as {published-payload}.
  this.values['published-payload'] = payload;
  await publishAndLetRoute(this.broker, this.clock, topic, payload, { qos: Number(qos) as 0 | 1 | 2 }, () => this.session.at.urcs().length);
});

// ----- what reached the broker -----------------------------------------------------------------

Then(
  new RegExp(`^the broker receives the (${REQUESTS}) with packet id (\\d+) (\\d+) times?, (\\d+(?:\\.\\d+)?) seconds? apart$`),
  async function (this: QmtWorld, type: string, id: string, times: string, apart: string) {
    const sends = await requestSends(this, type, Number(id), Number(times), Number(apart) * 1000);
    const problem = retransmissionProblem(sends, Number(times), Number(apart) * 1000, spacingSlackMs(Number(apart) * 1000, this.host.margin));
    if (problem) throw nonConformance(`${type} with packet id ${id}: ${problem}`);
  },
);

/** A20: rows `| after-first | 3 times, 3 seconds apart |`; every send the module makes is counted. */
Then(new RegExp(`^by reading A20 the broker receives the (${REQUESTS}) with packet id (\\d+) one of:$`), async function (this: QmtWorld, type: string, id: string, table: DataTable) {
  const alternatives = table.raw().map(([value, text]) => parseSendsAlternative(value as string, text as string));
  const sends = await everySend(this, type, Number(id), alternatives);
  return this.readingOutcome('A20', observeSends(this, type, Number(id), sends, alternatives));
});

Then(new RegExp(`^the broker receives the (${REQUESTS}) with packet id (\\d+) only once$`), async function (this: QmtWorld, type: string, id: string) {
  const sends = await requestSends(this, type, Number(id), 1, 0);
  if (sends.length !== 1) throw nonConformance(`${type} with packet id ${id} reached the broker ${sends.length} times, expected once (it was acknowledged)`);
});

Then(/^the first PUBLISH with packet id (\d+) has DUP 0 and every resend has DUP 1$/, function (this: QmtWorld, id: string) {
  const sends = modulePackets(this, 'publish', Number(id));
  const problem = dupProblem(sends.map((s) => s.packet));
  if (problem) throw nonConformance(`PUBLISH with packet id ${id}: ${problem}`);
});

/** Counts every such packet of the scenario, before and during the wait: none may exist. */
Then(/^the broker receives no (PUBACK|PUBREC|PUBLISH|PUBREL)(?: with packet id (\d+))? within (\d+) seconds?$/, async function (this: QmtWorld, type: string, id: string | undefined, s: string) {
  const cmd = type.toLowerCase();
  await this.clock.sleep(Number(s) * 1000);
  const seen = this.broker.packetsFromModule(cmd).filter((p) => id === undefined || p.packet.messageId === Number(id));
  if (seen.length > 0) throw nonConformance(`the module sent ${seen.length} ${type}${id ? ` with packet id ${id}` : ''} where none was expected`);
});

/** Packets of one exchange, both directions, in wire order: `| module -> broker | PUBLISH |`. */
Then(/^the packets with packet id (\d+) are, in order:$/, async function (this: QmtWorld, id: string, table: DataTable) {
  const expected = table.raw().map(([direction, type]) => `${direction.replace(/\s+/g, '')} ${type.toLowerCase()}`);
  const wanted = new Set(expected);
  const label = (p: RecordedPacket) => `${p.direction} ${p.packet.cmd}`;
  const inExchange = (p: RecordedPacket) => !p.withheld && p.packet.messageId === Number(id) && wanted.has(label(p));
  const exchange = () => this.broker.packets().filter(inExchange);
  await this.broker
    .waitForPacket(() => exchange().length >= expected.length, WAIT_MS, `${expected.length} packets with packet id ${id}`)
    .catch(() => undefined);
  const seen = exchange().map(label);
  if (seen.join(' | ') !== expected.join(' | ')) {
    throw nonConformance(`packets with packet id ${id} on the wire were\n  ${seen.join('\n  ') || '(none)'}\nexpected\n  ${expected.join('\n  ')}`);
  }
});

// ----- what the broker delivered to the module -------------------------------------------------

Then('the broker sends the module a PUBLISH with:', async function (this: QmtWorld, table: DataTable) {
  const expected = Object.fromEntries(table.raw().map(([field, value]) => [field, this.resolve(value)]));
  const matches = (p: RecordedPacket) =>
    p.direction === 'broker->module' && !p.withheld && p.packet.cmd === 'publish' && packetMismatches(p.packet, expected).length === 0;
  await this.broker.waitForPacket(matches, WAIT_MS).catch(() => {
    const seen = this.broker.packetsToModule('publish').map((p) => packetMismatches(p.packet, expected).join('; '));
    throw nonConformance(`the broker delivered no matching PUBLISH to the module: ${seen.join(' | ') || 'no PUBLISH delivered'}`);
  });
});

/** MQTT 3.1.1 §4.4: a resumed session redelivers an unacknowledged message with its original packet id. */
Then(/^the broker has sent the module the message on "(.*)" (\d+) times with one packet id$/, async function (this: QmtWorld, topic: string, times: string) {
  const deliveries = () => this.broker.packetsToModule('publish').filter((p) => p.packet.cmd === 'publish' && p.packet.topic === topic);
  await this.broker.waitForPacket(() => deliveries().length >= Number(times), WAIT_MS).catch(() => undefined);
  const ids = deliveries().map((p) => `${p.packet.messageId ?? '-'} (connection ${p.connection})`);
  const distinct = new Set(deliveries().map((p) => p.packet.messageId));
  if (ids.length !== Number(times) || distinct.size !== 1) {
    throw nonConformance(`the broker delivered "${topic}" ${ids.length} times with packet ids ${ids.join(', ') || '(none)'}; expected ${times} deliveries with one packet id`);
  }
});

Then(/^the module reports one \+QMTRECV on "(.*)" for each PUBLISH the broker sent it$/, async function (this: QmtWorld, topic: string) {
  const deliveries = this.broker.packetsToModule('publish').filter((p) => p.packet.cmd === 'publish' && p.packet.topic === topic);
  if (deliveries.length === 0) throw nonConformance(`the broker delivered nothing on "${topic}" to the module`);
  // spec 4.2: every PUBLISH from the server is reported (msg_len_enable 1 layout: idx,msgid,topic,len,payload).
  const text = `+QMTRECV: *,*,"${topic}",*,*`;
  for (let n = 1; n <= deliveries.length; n++) {
    await this.host.expectUrc(text, { withinMs: 5_000, source: `harness limit for delivery ${n} of ${deliveries.length}` });
  }
  // No more reports than deliveries: a further, unconsumed one is a duplicate the host would act on twice.
  const expected = parseExpectedUrc(text);
  const extra = await this.session.at.waitForUrc((u) => urcMatches(u, expected), 1_000, { index: 0 }).catch(() => undefined);
  if (extra) throw nonConformance(`the module reported more +QMTRECV on "${topic}" than the ${deliveries.length} PUBLISH it was sent: ${extra.text}`);
});

// ----- the AT side of messaging ------------------------------------------------------------------

/** Unlike `no … URC arrives`, also looks back to the start of the scenario: an early URC counts. */
Then(/^the module never reports (\+[A-Z]+: .*) within (\d+) seconds?$/, async function (this: QmtWorld, text: string, s: string) {
  const expected = parseExpectedUrc(this.resolve(text));
  const seen = await this.session.at.waitForUrc((u) => urcMatches(u, expected), Number(s) * 1000, { index: 0 }).catch(() => undefined);
  if (seen) throw nonConformance(`${seen.text} arrived, where no ${describeUrc(expected)} may be reported at all`);
});

/** A test-form answer: the note's text, white space outside quotes aside (src/qmt/spacing.ts). */
Then('the module answers, spacing aside:', function (this: QmtWorld, text: string) {
  for (const note of expectAnswerSpacingAside(this.host, text.split(/\r?\n/))) this.attach(note, 'text/plain');
});

/** spec 3.3.9 rows `| client | msgid | topic | payload |`, compared by value whatever the layout (A33). */
Then('the module answers these stored messages, then OK:', function (this: QmtWorld, table: DataTable) {
  expectStoredMessages(this.host, table.hashes().map((r) => ({ client: r.client, msgid: r.msgid, topic: r.topic, payload: r.payload })));
});

/** spec 3.3.9: AT+QMTRECV=<idx>[,<recv_id>] lists buffered messages as +QMTRECV lines, then OK. */
Then(/^the module answers OK after (\d+) buffered messages?$/, function (this: QmtWorld, count: string) {
  this.host.expectFinal('OK');
  const messages = this.host.last.response.lines.filter((l) => l.startsWith('+QMTRECV:'));
  if (messages.length !== Number(count)) {
    throw nonConformance(`AT+QMTRECV listed ${messages.length} messages, expected ${count}:\n  ${messages.join('\n  ')}`);
  }
});

// ----- checks over recorded packets ------------------------------------------------------------

function modulePackets(world: QmtWorld, cmd: string, id: number): RecordedPacket[] {
  return world.broker.packetsFromModule(cmd).filter((p) => p.packet.messageId === id);
}

/** Waits until `times` sends arrived (or T1 would have produced them), then returns every send. */
async function requestSends(world: QmtWorld, type: string, id: number, times: number, apartMs: number): Promise<RecordedPacket[]> {
  const cmd = type.toLowerCase();
  const enough = () => modulePackets(world, cmd, id).length >= times;
  await world.broker
    .waitForPacket(() => enough(), Math.max(WAIT_MS, times * apartMs * 1.5), `${times} x ${type} ${id}`)
    .catch(() => undefined);
  return modulePackets(world, cmd, id);
}

/**
 * Every send of one request: from the first, until one more than the most any alternative allows
 * would have come (half a period late), so a surplus resend is seen too.
 */
async function everySend(world: QmtWorld, type: string, id: number, alternatives: readonly SendsAlternative[]): Promise<RecordedPacket[]> {
  const cmd = type.toLowerCase();
  const first = await world.broker.waitForPacket((p) => p.direction === 'module->broker' && p.packet.cmd === cmd && p.packet.messageId === id, WAIT_MS).catch(() => undefined);
  if (!first) return [];
  const most = Math.max(...alternatives.map((a) => a.times));
  const until = first.at + Math.max(...alternatives.map((a) => a.times * a.apartMs + a.apartMs / 2 + spacingSlackMs(a.apartMs, world.host.margin)));
  const remaining = until - world.clock.now();
  if (remaining > 0) {
    await world.broker.waitForPacket(() => modulePackets(world, cmd, id).length > most, remaining).catch(() => undefined);
  }
  return modulePackets(world, cmd, id);
}

/** Records (or, strict, checks) the A20 reading the sends show; none fitting is non-conformance. */
function observeSends(world: QmtWorld, type: string, id: number, sends: readonly RecordedPacket[], alternatives: readonly SendsAlternative[]): string {
  const { fitting, problems } = sendsByReading(sends, alternatives, world.host.margin);
  if (fitting.length === 0) throw nonConformance(`${type} with packet id ${id}, none of the sends reading A20 allows: ${problems.join('; ')}`);
  // retry_times 0 is one send in both readings: such sends say nothing about A20.
  const preferred = world.readings.preferredValue('A20');
  const chosen = fitting.find((v) => v === preferred) ?? (fitting[0] as string);
  world.readings.observeAnswer('A20', fitting, chosen, `${type} with packet id ${id} reached the broker ${sends.length} times (at ${sends.map((s) => s.at).join(', ')} ms)`);
  return chosen;
}
