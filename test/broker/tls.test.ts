import assert from 'node:assert/strict';
import { test } from 'node:test';
import mqtt from 'mqtt';
import { generate } from 'selfsigned';
import { startRig } from './harness';

test('TLS tap: handshake with the generated CA succeeds and traffic is recorded; a wrong CA fails', async () => {
  const rig = await startRig({ tls: true });
  try {
    const material = rig.fixture.tlsMaterial;
    assert.ok(material && rig.fixture.tlsPort);
    assert.match(material.caPem, /BEGIN CERTIFICATE/);
    assert.match(material.clientKeyPem, /PRIVATE KEY/);

    const good = mqtt.connect({
      protocol: 'mqtts',
      host: '127.0.0.1',
      port: rig.fixture.tlsPort,
      ca: material.caPem,
      clientId: 'tls-ok',
      reconnectPeriod: 0,
      keepalive: 0,
    });
    rig.modules.push(good);
    await new Promise<void>((resolve, reject) => {
      good.once('connect', () => resolve());
      good.once('error', reject);
    });
    const connect = rig.fixture.packetsFromModule('connect')[0];
    assert.ok(connect.packet.cmd === 'connect');
    assert.equal(connect.packet.clientId, 'tls-ok');
    assert.equal(rig.fixture.connections()[0].tls, true);

    const wrongCa = (await generate([{ name: 'commonName', value: 'some other CA' }], { keyType: 'ec' })).cert;
    const bad = mqtt.connect({
      protocol: 'mqtts',
      host: '127.0.0.1',
      port: rig.fixture.tlsPort,
      ca: wrongCa,
      clientId: 'tls-bad',
      reconnectPeriod: 0,
      keepalive: 0,
    });
    rig.modules.push(bad);
    const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      bad.once('connect', () => reject(new Error('connected with a wrong CA')));
      bad.once('error', (e) => resolve(e as NodeJS.ErrnoException));
    });
    assert.match(String(error.code ?? error.message), /SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
    assert.equal(rig.fixture.packetsFromModule('connect').length, 1, 'the failed handshake carried no MQTT');
  } finally {
    await rig.done();
  }
});

test('TLS tap with requireClientCert: the generated client certificate is accepted, none is refused', async () => {
  const rig = await startRig({ tls: true, requireClientCert: true });
  try {
    const material = rig.fixture.tlsMaterial;
    assert.ok(material && rig.fixture.tlsPort);
    const withCert = mqtt.connect({
      protocol: 'mqtts',
      host: '127.0.0.1',
      port: rig.fixture.tlsPort,
      ca: material.caPem,
      cert: material.clientCertPem,
      key: material.clientKeyPem,
      clientId: 'with-cert',
      reconnectPeriod: 0,
      keepalive: 0,
    });
    rig.modules.push(withCert);
    await new Promise<void>((resolve, reject) => {
      withCert.once('connect', () => resolve());
      withCert.once('error', reject);
    });

    const without = mqtt.connect({
      protocol: 'mqtts',
      host: '127.0.0.1',
      port: rig.fixture.tlsPort,
      ca: material.caPem,
      clientId: 'no-cert',
      reconnectPeriod: 0,
      keepalive: 0,
      connectTimeout: 2000,
    });
    rig.modules.push(without);
    await new Promise<void>((resolve, reject) => {
      without.once('connect', () => reject(new Error('connected without a client certificate')));
      without.once('error', () => resolve());
      without.once('close', () => resolve());
    });
    assert.deepEqual(
      rig.fixture.connections().map((c) => c.clientId),
      ['with-cert'],
    );
  } finally {
    await rig.done();
  }
});
