/**
 * What the broker observes: the packets the module put on the wire (spec 3.3.4-3.3.8, figure 1),
 * how it resends them (T1, A20), what the broker delivered to the module, and the module's
 * connections (spec 3.3.2-3.3.5, 4.3, 5.2). Each step asks src/qmt once and asserts once.
 */
import { type DataTable, Then } from '@cucumber/cucumber';
import type { ModulePacket } from '../src/broker/packet-names';
import { expectCloudCredentialsVerify, expectPlatformConnect, parseSendsAlternative } from '../src/qmt';
import type { QmtWorld } from '../support/world';

// ----- packets from the module -----------------------------------------------------------------

// Already received in this scenario, or within the harness limit (60 s).
Then('the broker receives a(n) {packet}', async function (this: QmtWorld, packet: ModulePacket) {
  await this.wire.expectPacket(packet);
});

// Table `| field | value |`; the fields are those of src/qmt/packet-fields.ts (client id,
// keep-alive, will topic, subscriptions as `topic@qos` …).
Then(
  'the broker receives a(n) {packet} with:',
  async function (this: QmtWorld, packet: ModulePacket, table: DataTable) {
    await this.wire.expectPacket(packet, this.fields(table));
  },
);

// On the connection whose CONNECT carried that client id (several clients, spec 3.3.2).
Then(
  'the broker receives from {string} a(n) {packet}',
  async function (this: QmtWorld, clientId: string, packet: ModulePacket) {
    await this.wire.expectPacketFrom(clientId, packet);
  },
);

// As above, with a field table.
Then(
  'the broker receives from {string} a(n) {packet} with:',
  async function (this: QmtWorld, clientId: string, packet: ModulePacket, table: DataTable) {
    await this.wire.expectPacketFrom(clientId, packet, this.fields(table));
  },
);

// A deadline: the timing margin applies (the module's timer granularity on a real rig).
Then(
  'the broker receives a(n) {packet} within {seconds}',
  async function (this: QmtWorld, packet: ModulePacket, ms: number) {
    await this.wire.expectPacketWithin(packet, ms);
  },
);

/** Counts every such packet of the scenario, before and during the wait: none may exist. */
Then(
  'the broker receives no {packet} within {seconds}',
  async function (this: QmtWorld, packet: ModulePacket, ms: number) {
    await this.wire.expectNoPacket(packet, ms);
  },
);

// As above, for one packet id.
Then(
  'the broker receives no {packet} with packet id {int} within {seconds}',
  async function (this: QmtWorld, packet: ModulePacket, id: number, ms: number) {
    await this.wire.expectNoPacket(packet, ms, id);
  },
);

// Exactly that many in the scenario (waits until that many came, or the harness limit).
Then(
  'the broker receives {int} {packet} packets',
  async function (this: QmtWorld, count: number, packet: ModulePacket) {
    await this.wire.expectCount(packet, count);
  },
);

/** Packets of one exchange, both directions, in wire order: `| module -> broker | PUBLISH |`. */
Then('the packets with packet id {int} are, in order:', async function (this: QmtWorld, id: number, table: DataTable) {
  await this.wire.expectExchange(
    id,
    table.raw().map(([direction, type]) => ({ direction, type }) as const),
  );
});

// ----- resends (spec figure 1 T1 / Excep2) -----------------------------------------------------

// spec figure 1 T1 / Excep2: that many sends in all, <pkt_timeout> apart (± the timing margin), the
// same message each time.
Then(
  'the broker receives the {packet} with packet id {int} {int} time(s), {seconds} apart',
  async function (this: QmtWorld, packet: ModulePacket, id: number, times: number, apartMs: number) {
    await this.retransmissions.expectSends(packet, id, times, apartMs);
  },
);

/** A20: rows `| after-first | 3 times, 3 seconds apart |`; every send the module makes is counted. */
Then(
  'by reading A20 the broker receives the {packet} with packet id {int} one of:',
  async function (this: QmtWorld, packet: ModulePacket, id: number, table: DataTable) {
    const alternatives = table.raw().map(([value, text]) => parseSendsAlternative(value as string, text as string));
    return this.readingOutcome('A20', await this.retransmissions.expectSendsByReading(packet, id, alternatives));
  },
);

// An acknowledged request is never resent.
Then(
  'the broker receives the {packet} with packet id {int} only once',
  async function (this: QmtWorld, packet: ModulePacket, id: number) {
    await this.retransmissions.expectSentOnce(packet, id);
  },
);

// MQTT 3.1.1 §3.3.1.1.
Then(
  'the first PUBLISH with packet id {int} has DUP 0 and every resend has DUP 1',
  function (this: QmtWorld, id: number) {
    this.retransmissions.expectDupOnResends(id);
  },
);

// ----- what the broker delivered to the module -------------------------------------------------

// A PUBLISH the module received (withheld ones excluded) carrying the table's fields.
Then('the broker delivers to the module a PUBLISH with:', async function (this: QmtWorld, table: DataTable) {
  await this.wire.expectDelivered(this.fields(table));
});

// MQTT 3.1.1 §4.4: a resumed session redelivers an unacknowledged message with its packet id.
Then(
  'the broker has sent the module the message on {string} {int} times with one packet id',
  async function (this: QmtWorld, topic: string, times: number) {
    await this.wire.expectRedelivered(topic, times);
  },
);

// ----- the module's connections ----------------------------------------------------------------

// TCP connections the module opened to the fixture in this scenario.
Then('the broker has seen {int} connection(s) from the module', function (this: QmtWorld, count: number) {
  this.connections.expectCount(count);
});

// The module ended the TCP connection (FIN or RST from its side).
Then('the broker sees the module close its connection', async function (this: QmtWorld) {
  await this.connections.expectClosed('module');
});

// The fixture closed it (a fault, a refusal, the keep-alive it enforces).
Then("the broker drops the module's connection", async function (this: QmtWorld) {
  await this.connections.expectClosed('fixture');
});

// Either side may close after a refused CONNACK (MQTT 3.1.1 §3.2.2.3: the server MUST close it).
Then("the module's connection to the broker ends", async function (this: QmtWorld) {
  await this.connections.expectClosed('either');
});

// At least one module connection is open now.
Then("the module's connection to the broker is still open", function (this: QmtWorld) {
  this.connections.expectStillOpen();
});

// spec 3.3.2: one open connection per client id, none twice, no others.
Then(
  'the broker holds one open connection from the module for each of the client ids {client-ids}',
  function (this: QmtWorld, clientIds: string[]) {
    this.connections.expectOnePerClientId(clientIds);
  },
);

// spec 5.2: a connection reached the fixture's TLS listener (tag the scenario @ssl).
Then('the broker has seen the module connect over TLS', function (this: QmtWorld) {
  this.connections.expectTls();
});

// Figure 1 T2: after that much silence (± 1 s plus the timing margin), and the CONNECT on that
// connection declared that keep-alive.
Then(
  'the first PINGREQ arrives after {seconds} of silence, the keep-alive of the CONNECT',
  async function (this: QmtWorld, keepAliveMs: number) {
    await this.connections.expectFirstPingAfter(keepAliveMs);
  },
);

// ----- cloud identity (spec 3.3.1 "aliauth" / "onenet" / "hwauth" / "hwprodid") ---------------

// Beyond the note: the platform's check accepted the derived credentials (else "interoperability:").
Then('the broker receives a CONNECT whose cloud credentials verify', async function (this: QmtWorld) {
  await expectCloudCredentialsVerify(this.broker, this.masker);
});

// Beyond the note: the CONNECT carries the fields the platform's rules derive ("interoperability:").
Then("by the platform's rules the broker receives a CONNECT with:", async function (this: QmtWorld, table: DataTable) {
  await expectPlatformConnect(this.broker, this.masker, this.fields(table));
});
