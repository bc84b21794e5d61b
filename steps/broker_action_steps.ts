/**
 * What the broker does: faults the fixture injects on the wire (refusals, withheld acknowledgements,
 * cut or reset connections, a malformed packet), what it grants and enforces, and the cloud identity
 * it checks. Given steps set the fixture up; When steps act at once.
 */
import { type DataTable, Given, When } from '@cucumber/cucumber';
import { cloudIdentityFromRows } from '../src/broker/cloud-identity-table';
import type { ModulePacket } from '../src/broker/packet-names';
import type { WithheldPacket } from '../src/broker/packet-names';
import { letBrokerSettle } from '../src/qmt';
import type { QmtWorld } from '../support/world';

// spec 3.3.2 <result> -1: a loopback port on the broker host with nothing listening (TCP RST).
Given('a port where nothing listens, named {placeholder}', async function (this: QmtWorld, name: string) {
  this.refusedPorts.set(name, await this.broker.refusingPort());
});

// spec 3.3.4 <ret_code> 1-5.
Given('the broker answers CONNECT with return code {int}', function (this: QmtWorld, code: number) {
  this.broker.faults.connackReturnCode = code;
});

// The acknowledgement is dropped on the wire: the module never sees it.
Given('the broker withholds {ack}', function (this: QmtWorld, ack: WithheldPacket) {
  this.broker.faults.withhold.add(ack);
});

// Acknowledgements of that type reach the module again.
Given('the broker no longer withholds {ack}', function (this: QmtWorld, ack: WithheldPacket) {
  this.broker.faults.withhold.delete(ack);
});

// The packet never reaches Aedes; a PUBACK cut this way leaves the delivery in flight (MQTT 3.1.1 §4.4).
Given(
  'the broker closes the connection as soon as the module sends {packet}',
  function (this: QmtWorld, packet: ModulePacket) {
    this.broker.faults.closeOn = packet;
  },
);

// Undoes `the broker closes the connection as soon as the module sends …`.
Given('the broker stops cutting connections', function (this: QmtWorld) {
  this.broker.faults.closeOn = undefined;
});

// MQTT 3.1.1 §3.9.3: the server may grant a lower maximum QoS than the subscriber requested.
Given('the broker grants at most QoS {qos} in SUBACK', function (this: QmtWorld, qos: 0 | 1 | 2) {
  this.broker.faults.grantQosAtMost = qos;
});

// spec 4.3 / MQTT 3.1.1 §3.1.2.10: the server closes a client silent for 1.5 x its keep-alive.
Given('the broker enforces the keep-alive', function (this: QmtWorld) {
  this.broker.enforceKeepAlive(true);
});

// spec 3.3.4 <state> 4: the module stays "disconnecting" until it closes the link itself.
Given('the broker keeps the connection open after DISCONNECT', function (this: QmtWorld) {
  this.broker.faults.keepOpenAfterDisconnect = true;
});

// CONNACK 4 for any CONNECT whose credentials do not verify for the table's identity (platform,
// product key, device name, device secret, product id, access key, device id, product secret, node id).
Given('the broker accepts only the cloud identity:', function (this: QmtWorld, table: DataTable) {
  const rows = table.raw().map(([name, value]) => [name as string, this.resolve(value as string)]);
  this.broker.expectCloudIdentity(cloudIdentityFromRows(rows));
});

// FIN; the clock then waits a little real time for Aedes to publish the will.
When("the broker closes the module's connection", async function (this: QmtWorld) {
  this.broker.dropModuleConnections('close');
  await letBrokerSettle(this.clock);
});

// RST, then as above.
When("the broker resets the module's connection", async function (this: QmtWorld) {
  this.broker.dropModuleConnections('reset');
  await letBrokerSettle(this.clock);
});

// Reserved packet type 0 on every module connection (+QMTSTAT code 7 or 1, reading stat-malformed).
When('the broker sends the module a malformed packet', function (this: QmtWorld) {
  this.broker.injectMalformedPacket();
});
