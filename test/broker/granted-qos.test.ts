import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectModule, nextEvent, startRig } from './harness';

test('grantQosAtMost 1: the module gets SUBACK 1 for a QoS 2 request, and Aedes delivers at QoS 1', async () => {
  const rig = await startRig();
  try {
    rig.fixture.faults.grantQosAtMost = 1;
    const module = await connectModule(rig, { clientId: 'granted' });
    const granted = await module.subscribeAsync('g/t', { qos: 2 });
    assert.equal(granted[0].qos, 1);
    // What the module asked for is recorded as it asked; the SUBACK says why it differs.
    const subscribe = rig.fixture.packetsFromModule('subscribe')[0];
    assert.ok(subscribe.packet.cmd === 'subscribe');
    assert.equal(subscribe.packet.subscriptions[0].qos, 2);
    assert.match(subscribe.note ?? '', /QoS at most 1/);
    const suback = rig.fixture.packetsToModule('suback')[0];
    assert.ok(suback.packet.cmd === 'suback');
    assert.deepEqual(suback.packet.granted, [1]);
    // Aedes itself holds the lowered subscription: a QoS 2 publication arrives at QoS 1.
    const message = nextEvent<string>(module, 'message');
    await rig.fixture.publish('g/t', 'x', { qos: 2 });
    await message;
    const delivered = rig.fixture.packetsToModule('publish').at(-1);
    assert.ok(delivered?.packet.cmd === 'publish');
    assert.equal(delivered.packet.qos, 1);
  } finally {
    await rig.done();
  }
});

test('without grantQosAtMost the requested QoS is granted unchanged', async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig, { clientId: 'ungranted' });
    const granted = await module.subscribeAsync('g/u', { qos: 2 });
    assert.equal(granted[0].qos, 2);
    assert.equal(rig.fixture.packetsToModule('suback')[0].note, undefined);
  } finally {
    await rig.done();
  }
});

test("closeOn 'puback': the connection is cut as the module acknowledges, Aedes never sees the PUBACK", async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig, { clientId: 'cut-on-puback', clean: false });
    await module.subscribeAsync('c/t', { qos: 1 });
    rig.fixture.faults.closeOn = 'puback';
    const closed = nextEvent(module, 'close');
    await rig.fixture.publish('c/t', 'x', { qos: 1 });
    await closed;
    const info = await rig.fixture.waitForConnectionClosed(() => true, 1000);
    assert.match(info.closeReason ?? '', /closeOn puback/);
    assert.equal(rig.fixture.packetsFromModule('puback').length, 1);
  } finally {
    await rig.done();
  }
});
