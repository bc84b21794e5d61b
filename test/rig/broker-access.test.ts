/**
 * The broker fixture accepts loopback and the advertised address's subnet
 * (plus --broker-allow), and closes anyone else on accept. The fixture test stays on loopback:
 * a filter admitting only 127.0.0.1 refuses a client bound to 127.0.0.2.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BrokerFixture } from '../../src/broker/fixture';
import { RealClock } from '../../src/clock/clock';
import { exportBrokerCa, peerAllowList, peerAllowed, peerFilter } from '../../src/rig/broker-access';
import { SecretMasker } from '../../src/secrets/masker';
import { tempDir } from '../e2e/helpers';

test('allowed: loopback, the advertised /24, --broker-allow blocks; refused: the rest', () => {
  const allowed = peerFilter('192.168.7.1', ['10.20.0.0/16', '172.16.5.9']);
  for (const a of [
    '127.0.0.1',
    '127.9.9.9',
    '::1',
    '::ffff:127.0.0.1',
    '192.168.7.200',
    '::ffff:192.168.7.3',
    '10.20.255.1',
    '172.16.5.9',
  ])
    assert.equal(allowed(a), true, a);
  for (const a of ['192.168.8.1', '10.21.0.1', '172.16.5.10', '8.8.8.8', undefined])
    assert.equal(allowed(a), false, String(a));
  assert.equal(peerAllowed(peerAllowList('fd00:1:2:3::1'), 'fd00:1:2:3:abcd::9'), true);
  assert.throws(() => peerAllowList('127.0.0.1', ['10.0.0.0/40']), /not an IP address or CIDR block/);
});

test('the fixture closes a refused peer on accept and keeps serving allowed ones', async () => {
  const broker = await BrokerFixture.start({
    clock: new RealClock(),
    masker: new SecretMasker(),
    allowPeer: (a) => a === '127.0.0.1',
  });
  try {
    const refused = connect({ host: '127.0.0.1', port: broker.port, localAddress: '127.0.0.2' });
    await once(refused, 'close');
    assert.deepEqual(broker.refusedPeers, ['127.0.0.2']);
    const ok = connect({ host: '127.0.0.1', port: broker.port, localAddress: '127.0.0.1' });
    await once(ok, 'connect');
    // An MQTT CONNECT gets its CONNACK: the allowed peer reached the broker.
    ok.write(Buffer.from([0x10, 0x0d, 0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0x04, 0x02, 0x00, 0x3c, 0x00, 0x01, 0x61]));
    const [reply] = (await once(ok, 'data')) as [Buffer];
    assert.equal(reply[0], 0x20);
    ok.destroy();
  } finally {
    await broker.stop();
  }
});

test('--broker-ca-out writes the CA that signs the fixture certificates', async () => {
  const file = path.join(tempDir('qmt-ca-'), 'ca.pem');
  await exportBrokerCa(file);
  assert.match(readFileSync(file, 'utf8'), /^-----BEGIN CERTIFICATE-----/);
  const broker = await BrokerFixture.start({ clock: new RealClock(), masker: new SecretMasker(), tls: true });
  try {
    assert.equal(broker.tlsMaterial?.caPem, readFileSync(file, 'utf8'), 'the same CA the TLS listener uses');
  } finally {
    await broker.stop();
  }
});
