import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectModule, startRig } from './harness';

test('publish reaches a subscribed module; the helper itself is not recorded as module traffic', async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig, { clientId: 'sub-module' });
    await module.subscribeAsync('cmd/pump', { qos: 1 });
    const received = new Promise<[string, Buffer]>((resolve) => module.once('message', (t, p) => resolve([t, p])));
    await rig.fixture.publish('cmd/pump', '{"relay":1}', { qos: 1 });
    const [topic, payload] = await received;
    assert.equal(topic, 'cmd/pump');
    assert.equal(payload.toString(), '{"relay":1}');
    const delivered = await rig.fixture.waitForPacket(
      (p) => p.direction === 'broker->module' && p.packet.cmd === 'publish',
      1000,
    );
    assert.ok(delivered.packet.cmd === 'publish');
    assert.equal(delivered.packet.qos, 1);
    // Only the module's own connection went through the tap.
    assert.deepEqual(
      rig.fixture.connections().map((c) => c.clientId),
      ['sub-module'],
    );
    assert.ok(rig.fixture.packets().every((p) => p.connection === 1));
  } finally {
    await rig.done();
  }
});

test('a subscriber collects what the module publishes, including retained messages and the will', async () => {
  const rig = await startRig();
  try {
    const observer = await rig.fixture.subscribe('status/#', 1);
    const module = await connectModule(rig, {
      clientId: 'will-module',
      will: { topic: 'status/will-module', payload: Buffer.from('gone'), qos: 1, retain: false },
    });
    await module.publishAsync('status/will-module', 'online', { qos: 1, retain: true });
    const online = await observer.waitForMessage((m) => m.payload.toString() === 'online', 1000);
    assert.equal(online.topic, 'status/will-module');

    // Retained: a late subscriber still gets "online".
    const late = await rig.fixture.subscribe('status/will-module', 0);
    const retained = await late.waitForMessage(() => true, 1000);
    assert.equal(retained.retain, true);
    assert.equal(retained.payload.toString(), 'online');

    // Abnormal loss of the module's connection: Aedes publishes the will.
    rig.fixture.dropModuleConnections('reset');
    const will = await observer.waitForMessage((m) => m.payload.toString() === 'gone', 2000, 'the will message');
    assert.equal(will.topic, 'status/will-module');
    assert.equal(observer.messages().length, 2);

    const failure = await observer
      .waitForMessage((m) => m.topic === 'never', 3000, 'a message on "never"')
      .catch((e: Error) => e);
    assert.ok(failure instanceof Error);
    assert.match(failure.message, /waiting for a message on "never"[\s\S]*payload="online"[\s\S]*payload="gone"/);
  } finally {
    await rig.done();
  }
});
