/**
 * The CONNECT a cloud sub-option derives (spec 3.3.1 "aliauth" / "onenet" / "hwauth" / "hwprodid").
 * Beyond the note: the note says only that these settings exist and that the
 * CONNECT may then omit user name and password (3.3.1 note 5). Whether the derived credentials are
 * the ones the platform accepts is cloud interoperability, reported as such.
 */
import type { BrokerFixture } from '../broker/fixture';
import type { Masker } from '../broker/packet-format';
import type { RecordedPacket } from '../broker/types';
import { packetMismatches } from './packet-fields';
import { interoperability, nonConformance } from './verdict';
import { WAIT_MS, type PacketFields } from './wire-expectations';

async function connectOf(broker: BrokerFixture): Promise<RecordedPacket> {
  const isConnect = (p: RecordedPacket) => p.direction === 'module->broker' && p.packet.cmd === 'connect';
  return broker.waitForPacket(isConnect, WAIT_MS).catch(() => {
    throw nonConformance('no CONNECT reached the broker after AT+QMTCONN');
  });
}

/** The platform's check (BrokerFixture.expectCloudIdentity) accepted the CONNECT's credentials. */
export async function expectCloudCredentialsVerify(broker: BrokerFixture, masker: Masker): Promise<void> {
  await connectOf(broker);
  const refused = broker.cloudRefusals();
  if (refused.length === 0) return;
  throw interoperability(masker.mask(`the platform's check refused the CONNECT: ${refused.join('; ')}`));
}

/** The CONNECT carries the fields the platform's rules derive (client id, user name, password). */
export async function expectPlatformConnect(
  broker: BrokerFixture,
  masker: Masker,
  fields: PacketFields,
): Promise<void> {
  const wrong = packetMismatches((await connectOf(broker)).packet, fields);
  if (wrong.length === 0) return;
  throw interoperability(masker.mask(`the CONNECT does not carry what the platform expects: ${wrong.join('; ')}`));
}
