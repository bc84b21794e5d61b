/**
 * The waits steps used to write by hand, now judged in src/qmt: a packet with fields, none since
 * the scenario began, an exact count, redelivery. Against the real broker fixture on a virtual
 * clock, with mqtt.js standing in for the module.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WireExpectations } from '../../src/qmt/wire-expectations';
import { connectModule, startRig } from '../broker/harness';

const margin = { fixedMs: 150, percent: 3 };
const noMask = { mask: (text: string) => text };

test('expectPacket passes on a matching packet and names the mismatching fields otherwise', async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig, { clientId: 'dev-1' });
    await module.publishAsync('a/b', 'hello', { qos: 1 });
    const wire = new WireExpectations(rig.fixture, noMask, margin);
    await wire.expectPacket('publish', { topic: 'a/b', payload: 'hello', qos: '1' });
    await wire.expectPacketFrom('dev-1', 'publish', { topic: 'a/b' });
    const wrongTopic = /non-conformance: the broker did not receive the expected PUBLISH: topic: expected c\/d/;
    await assert.rejects(wire.expectPacket('publish', { topic: 'c/d' }), wrongTopic);
    await assert.rejects(wire.expectPacket('subscribe'), /expected SUBSCRIBE: no SUBSCRIBE reached/);
  } finally {
    await rig.done();
  }
});

test('expectNoPacket counts a packet sent before the wait; expectCount wants the exact number', async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig);
    await module.publishAsync('a/b', 'x', { qos: 1 });
    const wire = new WireExpectations(rig.fixture, noMask, margin);
    await assert.rejects(wire.expectNoPacket('publish', 1000), /non-conformance: the module sent a PUBLISH at \d+ ms/);
    const sent = rig.fixture.packetsFromModule('publish')[0]?.packet.messageId as number;
    await assert.rejects(wire.expectNoPacket('publish', 1000, sent), new RegExp(`PUBLISH with packet id ${sent} at`));
    await wire.expectNoPacket('publish', 1000, sent + 1);
    await wire.expectNoPacket('unsubscribe', 1000);
    await wire.expectCount('connect', 1);
    await assert.rejects(wire.expectCount('connect', 2), /received 1 CONNECT packet\(s\) from the module, expected 2/);
  } finally {
    await rig.done();
  }
});
