/**
 * The network side of a scenario: what the module put on the wire, and what the broker does to it.
 */
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { letBrokerSettle, publishAndLetRoute } from '../src/qmt/delivery';
import { packetMismatches } from '../src/qmt/packet-fields';
import { nonConformance } from '../src/qmt/verdict';
import type { QmtWorld } from '../support/world';

const PACKET_TYPES = 'CONNECT|PUBLISH|SUBSCRIBE|UNSUBSCRIBE|DISCONNECT|PINGREQ|PUBREL|PUBACK|PUBREC|PUBCOMP';
const WAIT_MS = 60_000;

Then(new RegExp(`^the broker receives an? (${PACKET_TYPES}) with:$`), async function (this: QmtWorld, type: string, table: DataTable) {
  const expected = Object.fromEntries(table.raw().map(([field, value]) => [field, this.resolve(value)]));
  await expectPacket(this, type, expected);
});

Then(new RegExp(`^the broker receives an? (${PACKET_TYPES})$`), async function (this: QmtWorld, type: string) {
  await expectPacket(this, type, {});
});

Given('the broker answers CONNECT with return code {int}', function (this: QmtWorld, code: number) {
  this.broker.faults.connackReturnCode = code;
});

Given(/^the broker withholds (CONNACK|SUBACK|UNSUBACK|PUBACK|PUBREC|PUBCOMP|PINGRESP)$/, function (this: QmtWorld, type: string) {
  this.broker.faults.withhold.add(type.toLowerCase() as never);
});

When(/^another client publishes "(.*)" to "(.*)" at QoS (\d)( retained)?$/, async function (this: QmtWorld, payload: string, topic: string, qos: string, retained?: string) {
  await publishAndLetRoute(this.broker, this.clock, topic, this.resolve(payload), { qos: Number(qos) as 0 | 1 | 2, retain: Boolean(retained) }, () => this.session.at.urcs().length);
});

When("the broker closes the module's connection", async function (this: QmtWorld) {
  this.broker.dropModuleConnections('close');
  await letBrokerSettle(this.clock);
});

async function expectPacket(world: QmtWorld, type: string, expected: Record<string, string>): Promise<void> {
  const cmd = type.toLowerCase();
  const mismatchesOf = (packet: Parameters<typeof packetMismatches>[0]) => packetMismatches(packet, expected);
  try {
    await world.broker.waitForPacket(
      (p) => p.direction === 'module->broker' && p.packet.cmd === cmd && mismatchesOf(p.packet).length === 0,
      WAIT_MS,
    );
  } catch {
    const seen = world.broker.packets().filter((p) => p.direction === 'module->broker' && p.packet.cmd === cmd);
    const detail = seen.length
      ? seen.map((p) => mismatchesOf(p.packet).join('; ')).join(' | ')
      : `no ${type} reached the broker`;
    throw nonConformance(world.masker.mask(`the broker did not receive the expected ${type}: ${detail}`));
  }
}

Then(/^the broker has seen (\d+) connections? from the module$/, function (this: QmtWorld, count: string) {
  const seen = this.broker.connections().length;
  if (seen !== Number(count)) throw nonConformance(`the broker saw ${seen} TCP connection(s) from the module, expected ${count}`);
});

Then('the broker sees the module close its connection', async function (this: QmtWorld) {
  await this.broker.waitForConnectionClosed((c) => c.closedBy === 'module', WAIT_MS).catch(() => {
    throw nonConformance('the module did not close its TCP connection to the broker');
  });
});
