import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectModule, startRig } from './harness';

test('records CONNECT and CONNACK with their fields, in order, with clock times', async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig, {
      clientId: 'rec-1',
      username: 'alice',
      password: 'S3cret-pw',
      keepalive: 60,
      clean: true,
      will: { topic: 'status/rec-1', payload: Buffer.from('offline'), qos: 1, retain: true },
    });
    await rig.clock.sleep(1000); // virtual time moves between the exchanges
    await new Promise<void>((resolve, reject) =>
      module.subscribe('cmd/#', { qos: 1 }, (e) => (e ? reject(e) : resolve())),
    );
    const suback = await rig.fixture.waitForPacket((p) => p.packet.cmd === 'suback', 1000);

    const [connect] = rig.fixture.packetsFromModule('connect');
    assert.equal(connect.direction, 'module->broker');
    assert.equal(connect.connection, 1);
    assert.ok(connect.packet.cmd === 'connect');
    assert.equal(connect.packet.clientId, 'rec-1');
    assert.equal(connect.packet.username, 'alice');
    assert.equal(connect.packet.keepalive, 60);
    assert.equal(connect.packet.will?.topic, 'status/rec-1');
    const connack = rig.fixture.packetsToModule('connack')[0];
    assert.ok(connack.packet.cmd === 'connack');
    assert.equal(connack.packet.returnCode, 0);
    assert.equal(connack.clientId, 'rec-1');

    const subscribe = rig.fixture.packetsFromModule('subscribe')[0];
    assert.ok(
      subscribe.at >= connack.at + 1000,
      `subscribe at ${subscribe.at} should follow connack at ${connack.at} by the sleep`,
    );
    assert.ok(suback.at >= subscribe.at);
    const order = rig.fixture.packets().map((p) => `${p.direction === 'module->broker' ? '>' : '<'}${p.packet.cmd}`);
    assert.deepEqual(order, ['>connect', '<connack', '>subscribe', '<suback']);
    assert.deepEqual(
      rig.fixture.connections().map((c) => [c.id, c.state, c.clientId]),
      [[1, 'open', 'rec-1']],
    );
  } finally {
    await rig.done();
  }
});

test('the password never appears in the packet log, JSON of the packets, or a wait failure', async () => {
  const rig = await startRig({ masker: { mask: (text) => text.replaceAll('alice', '<user>') } });
  try {
    await connectModule(rig, { clientId: 'pw', username: 'alice', password: 'S3cret-pw' });
    const log = rig.fixture.packetLog();
    assert.match(log, /CONNECT MQTT\/4 clientId="pw" username="<user>" password=\*\*\* clean=true/);
    assert.doesNotMatch(log, /S3cret-pw/);
    assert.doesNotMatch(JSON.stringify(rig.fixture.packets()), /S3cret-pw/);
    // ...while code can still read it (cloud checks, step assertions).
    const connect = rig.fixture.packetsFromModule('connect')[0].packet;
    assert.ok(connect.cmd === 'connect');
    assert.equal(String(connect.password), 'S3cret-pw');

    const failure = await rig.fixture
      .waitForPacket((p) => p.packet.cmd === 'publish', 5000, 'a PUBLISH from the module')
      .then(
        () => assert.fail('nothing was published'),
        (error: Error) => error,
      );
    assert.match(failure.message, /timed out after 5000 ms waiting for a PUBLISH from the module/);
    assert.match(failure.message, /Packets seen \(2\)/);
    assert.doesNotMatch(failure.message, /S3cret-pw/);
    assert.equal(rig.clock.now() >= 5000, true, 'the timeout ran on the virtual clock');
  } finally {
    await rig.done();
  }
});

test('PUBLISH lines show topic, qos, retain, dup, message id and payload (text or hex)', async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig, { clientId: 'pub' });
    await module.publishAsync('t/text', 'hello', { qos: 1, retain: true });
    await module.publishAsync('t/bin', Buffer.from([0x00, 0xff, 0x10]), { qos: 0 });
    await rig.fixture.waitForPacket((p) => p.packet.cmd === 'publish' && p.packet.topic === 't/bin', 1000);
    const log = rig.fixture.packetLog();
    assert.match(
      log,
      /module -> broker PUBLISH topic="t\/text" qos=1 retain=true dup=false messageId=\d+ payload="hello" \(5 B\)/,
    );
    assert.match(log, /broker -> module PUBACK messageId=\d+/);
    assert.match(log, /PUBLISH topic="t\/bin" qos=0 retain=false dup=false payload=hex:00ff10 \(3 B\)/);
  } finally {
    await rig.done();
  }
});
