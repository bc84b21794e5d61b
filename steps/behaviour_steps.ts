/**
 * Steps of the behaviour catalog: AT syntax on the raw bytes (spec 3.1.2), file upload for the
 * SSL example (spec 5.2), other MQTT clients observing what the module causes (wills, retained
 * messages, sessions), and the cloud identity the broker checks (spec 3.3.1 cloud sub-options).
 */
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { cloudIdentityFromRows } from '../src/broker/cloud-identity-table';
import type { Subscriber } from '../src/broker/helper-clients';
import { tlsMaterial } from '../src/broker/tls-material';
import { expectEcho, expectFramedAnswer } from '../src/qmt/answer-bytes';
import { letBrokerSettle } from '../src/qmt/delivery';
import { expectUploadConfirmed, type FileUpload } from '../src/qmt/file-upload';
import { packetMismatches } from '../src/qmt/packet-fields';
import { harnessTrouble, interoperability, nonConformance } from '../src/qmt/verdict';
import type { QmtWorld } from '../support/world';

const WAIT_MS = 60_000;
const uploads = new WeakMap<QmtWorld, FileUpload>();
const observers = new WeakMap<QmtWorld, Map<string, Subscriber>>();

// ----- AT syntax (spec 3.1.2) ------------------------------------------------------------------

Then('every line of the answer is framed by CR LF on both sides', function (this: QmtWorld) {
  expectFramedAnswer(this.session.transcript.entries());
});

Then(/^the module (echoed|did not echo) the command$/, function (this: QmtWorld, how: string) {
  expectEcho(this.session.transcript.entries(), this.host.last.response.command, how === 'echoed');
});

// ----- AT+QFUPL (spec 5.2) ---------------------------------------------------------------------

const UPLOADS = {
  "the broker's CA certificate": async (w: QmtWorld) => requireTls(w).caPem,
  "the module's client certificate": async (w: QmtWorld) => requireTls(w).clientCertPem,
  "the module's client key": async (w: QmtWorld) => requireTls(w).clientKeyPem,
  // Made for this scenario, unrelated to the fixture's chain: the module must reject the server.
  "a CA certificate that did not sign the broker's certificate": async (w: QmtWorld) => {
    const release = w.clock.hold('generate an unrelated CA');
    try {
      return (await tlsMaterial({ fresh: true })).caPem;
    } finally {
      release();
    }
  },
} as const;

When(
  new RegExp(`^the host uploads (${Object.keys(UPLOADS).map(escapeRegExp).join('|')}) with (AT\\+QFUPL=.*)$`),
  async function (this: QmtWorld, what: keyof typeof UPLOADS, command: string) {
    const data = Buffer.from(await UPLOADS[what](this), 'latin1');
    this.values.size = String(data.length);
    uploads.set(this, { data });
    await this.host.send(this.resolve(command), data);
  },
);

Then('the module answers +QFUPL with the size and checksum of the uploaded data, then OK', function (this: QmtWorld) {
  const upload = uploads.get(this);
  if (!upload) throw harnessTrouble('no upload was made in this scenario');
  expectUploadConfirmed(this.host, upload);
});

Then('the broker has seen the module connect over TLS', function (this: QmtWorld) {
  const seen = this.broker.connections();
  if (!seen.some((c) => c.tls)) throw nonConformance(`no TLS connection reached the broker (connections: ${seen.map((c) => (c.tls ? 'TLS' : 'plain TCP')).join(', ') || 'none'})`);
});

// ----- other clients and the wire --------------------------------------------------------------

Given(/^an observer client has subscribed to "(.*)" at QoS (\d)$/, async function (this: QmtWorld, topic: string, qos: string) {
  const subscriber = await this.broker.subscribe(topic, Number(qos) as 0 | 1 | 2);
  const mine = observers.get(this) ?? new Map<string, Subscriber>();
  mine.set(topic, subscriber);
  observers.set(this, mine);
});

Then(/^the observer client receives "(.*)" on "(.*)"$/, async function (this: QmtWorld, payload: string, topic: string) {
  const expected = this.resolve(payload);
  await observer(this, topic)
    .waitForMessage((m) => m.topic === topic && m.payload.toString('latin1') === expected, WAIT_MS, `"${expected}" on "${topic}"`)
    .catch((error: Error) => {
      throw nonConformance(`the observer client did not receive "${expected}" on "${topic}": ${error.message}`);
    });
});

Then(/^the observer client receives nothing on "(.*)" within (\d+) seconds$/, async function (this: QmtWorld, topic: string, s: string) {
  const seen = await observer(this, topic)
    .waitForMessage((m) => m.topic === topic, Number(s) * 1000)
    .catch(() => undefined);
  if (seen) throw nonConformance(`the observer client received ${JSON.stringify(seen.payload.toString('latin1'))} on "${topic}", where nothing was expected`);
});

Then('the broker delivers to the module a PUBLISH with:', async function (this: QmtWorld, table: DataTable) {
  const expected = Object.fromEntries(table.raw().map(([field, value]) => [field, this.resolve(value)]));
  await this.broker
    .waitForPacket((p) => p.direction === 'broker->module' && !p.withheld && p.packet.cmd === 'publish' && packetMismatches(p.packet, expected).length === 0, WAIT_MS)
    .catch(() => {
      const seen = this.broker.packetsToModule('publish').map((p) => packetMismatches(p.packet, expected).join('; '));
      throw nonConformance(`the broker did not deliver the expected PUBLISH to the module: ${seen.join(' | ') || 'no PUBLISH went to the module'}`);
    });
});

const FROM_CLIENT = '^the broker receives from "(.*)" an? (PUBLISH|SUBSCRIBE|UNSUBSCRIBE|DISCONNECT)';

Then(new RegExp(`${FROM_CLIENT} with:$`), async function (this: QmtWorld, clientId: string, type: string, table: DataTable) {
  await expectPacketFrom(this, clientId, type, Object.fromEntries(table.raw().map(([field, value]) => [field, this.resolve(value)])));
});

Then(new RegExp(`${FROM_CLIENT}$`), async function (this: QmtWorld, clientId: string, type: string) {
  await expectPacketFrom(this, clientId, type, {});
});

When("the broker resets the module's connection", async function (this: QmtWorld) {
  this.broker.dropModuleConnections('reset');
  await letBrokerSettle(this.clock);
});

Then(/^the broker holds one open connection from the module for each of the client ids (".*")$/, function (this: QmtWorld, list: string) {
  const wanted = [...list.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  const open = this.broker.connections().filter((c) => c.state === 'open');
  const missing = wanted.filter((id) => open.filter((c) => c.clientId === id).length !== 1);
  if (missing.length || open.length !== wanted.length) {
    throw nonConformance(
      `expected ${wanted.length} open connections, one per client id; open: ${open.map((c) => `#${c.id} ${c.clientId ?? '(no CONNECT)'}`).join(', ') || 'none'}` +
        (missing.length ? `; not exactly once: ${missing.join(', ')}` : ''),
    );
  }
});

// ----- cloud identity (spec 3.3.1 "aliauth" / "onenet" / "hwauth" / "hwprodid") ---------------

Given('the broker accepts only the cloud identity:', function (this: QmtWorld, table: DataTable) {
  this.broker.expectCloudIdentity(cloudIdentityFromRows(table.raw().map(([name, value]) => [name, this.resolve(value)])));
});

// Beyond the note (issue 8 item 7): the note says only that these settings exist and that the
// CONNECT may then omit user name and password (3.3.1 note 5). Whether the derived credentials
// are the ones the platform accepts is cloud interoperability, reported as such.
Then("the broker receives a CONNECT whose cloud credentials verify", async function (this: QmtWorld) {
  await this.broker.waitForPacket((p) => p.direction === 'module->broker' && p.packet.cmd === 'connect', WAIT_MS).catch(() => {
    throw nonConformance('no CONNECT reached the broker after AT+QMTCONN');
  });
  const refused = this.broker.cloudRefusals();
  if (refused.length) throw interoperability(this.masker.mask(`the platform's check refused the CONNECT: ${refused.join('; ')}`));
});

Then('by the platform\'s rules the broker receives a CONNECT with:', async function (this: QmtWorld, table: DataTable) {
  const expected = Object.fromEntries(table.raw().map(([k, v]) => [k as string, this.resolve(v as string)]));
  const connect = await this.broker
    .waitForPacket((p) => p.direction === 'module->broker' && p.packet.cmd === 'connect', WAIT_MS)
    .catch(() => {
      throw nonConformance('no CONNECT reached the broker after AT+QMTCONN');
    });
  const wrong = packetMismatches(connect.packet, expected);
  if (wrong.length) throw interoperability(this.masker.mask(`the CONNECT does not carry what the platform expects: ${wrong.join('; ')}`));
});

// ----- helpers ---------------------------------------------------------------------------------

function requireTls(world: QmtWorld) {
  const material = world.broker.tlsMaterial;
  if (!material) throw harnessTrouble('the broker has no TLS listener: tag the scenario @ssl');
  return material;
}

/** A packet the module sent on the connection whose CONNECT carried `clientId`. */
async function expectPacketFrom(world: QmtWorld, clientId: string, type: string, expected: Record<string, string>): Promise<void> {
  const cmd = type.toLowerCase();
  await world.broker
    .waitForPacket((p) => p.direction === 'module->broker' && p.clientId === clientId && p.packet.cmd === cmd && packetMismatches(p.packet, expected).length === 0, WAIT_MS)
    .catch(() => {
      const seen = world.broker.packetsFromModule(cmd).map((p) => `from ${p.clientId ?? '(no CONNECT)'}: ${packetMismatches(p.packet, expected).join('; ') || 'fields match'}`);
      throw nonConformance(world.masker.mask(`no ${type} from "${clientId}" as expected reached the broker: ${seen.join(' | ') || `no ${type} at all`}`));
    });
}

function observer(world: QmtWorld, topic: string): Subscriber {
  const subscriber = observers.get(world)?.get(topic);
  if (!subscriber) throw harnessTrouble(`no observer client subscribed to "${topic}" in this scenario`);
  return subscriber;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
