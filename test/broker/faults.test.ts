import assert from 'node:assert/strict';
import { connect as tcpConnect } from 'node:net';
import { test } from 'node:test';
import { BrokerFixture } from '../../src/broker/fixture';
import { connectExpectingRefusal, connectModule, nextEvent, startRig } from './harness';

test('connackReturnCode 5: the tap refuses the CONNECT itself and Aedes never sees it', async () => {
  const rig = await startRig();
  try {
    rig.fixture.faults.connackReturnCode = 5;
    const error = await connectExpectingRefusal(rig, { clientId: 'refused' });
    assert.equal(error.code, 5);
    const connack = rig.fixture.packets().find((p) => p.packet.cmd === 'connack');
    assert.ok(connack?.packet.cmd === 'connack');
    assert.equal(connack.packet.returnCode, 5);
    assert.equal(connack.injected, true);
    // Had Aedes seen the CONNECT, its own CONNACK 0 would be on the record too.
    assert.equal(rig.fixture.packets().filter((p) => p.packet.cmd === 'connack').length, 1);
    const [connection] = await Promise.all([rig.fixture.waitForConnectionClosed(() => true, 1000)]);
    assert.equal(connection.closedBy, 'fixture');
    assert.match(connection.closeReason ?? '', /CONNACK 5/);
    // A healthy client still connects once the fault is cleared.
    rig.fixture.faults.connackReturnCode = undefined;
    await connectModule(rig, { clientId: 'accepted' });
    assert.equal(rig.fixture.packetsToModule('connack').at(-1)?.packet.cmd, 'connack');
  } finally {
    await rig.done();
  }
});

test('withhold puback: the module sees no PUBACK and the log says WITHHELD', async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig, { clientId: 'withhold' });
    rig.fixture.faults.withhold.add('puback');
    let acked = false;
    const received: string[] = [];
    module.on('packetreceive', (packet) => received.push(packet.cmd));
    module.publish('t', 'x', { qos: 1 }, () => (acked = true));
    const puback = await rig.fixture.waitForPacket((p) => p.packet.cmd === 'puback', 1000);
    assert.equal(puback.withheld, true);
    await new Promise((resolve) => setTimeout(resolve, 100)); // real time for a PUBACK to arrive, if sent
    assert.equal(acked, false);
    assert.deepEqual(received, []);
    assert.deepEqual(rig.fixture.packetsToModule('puback'), []);
    assert.match(rig.fixture.packetLog(), /broker -> module PUBACK WITHHELD \(not sent\) messageId=\d+/);
  } finally {
    await rig.done();
  }
});

test("dropModuleConnections('close') ends with FIN, 'reset' with RST", async () => {
  const rig = await startRig();
  try {
    const gentle = await connectModule(rig, { clientId: 'gentle' });
    const closed = nextEvent(gentle, 'close');
    rig.fixture.dropModuleConnections('close');
    await closed;
    const info = await rig.fixture.waitForConnectionClosed((c) => c.clientId === 'gentle', 1000);
    assert.equal(info.closedBy, 'fixture');

    // A raw socket tells an orderly end ('end' event, FIN) from a reset ('error' ECONNRESET).
    const finned = tcpConnect(rig.fixture.port, '127.0.0.1');
    await nextEvent(finned, 'connect');
    const ended = nextEvent(finned, 'end');
    let finError: unknown;
    finned.on('error', (e) => (finError = e));
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the tap accept it
    rig.fixture.dropModuleConnections('close');
    await ended;
    assert.equal(finError, undefined);

    // Raw socket to see the difference between an orderly end and a reset.
    const socket = tcpConnect(rig.fixture.port, '127.0.0.1');
    await nextEvent(socket, 'connect');
    const errored = nextEvent<NodeJS.ErrnoException>(socket, 'error');
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the tap accept it
    rig.fixture.dropModuleConnections('reset');
    assert.equal((await errored).code, 'ECONNRESET');
  } finally {
    await rig.done();
  }
});

test('closeOn subscribe cuts the connection as the SUBSCRIBE arrives; Aedes never answers it', async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig, { clientId: 'cut' });
    rig.fixture.faults.closeOn = 'subscribe';
    const closed = nextEvent(module, 'close');
    module.subscribe('a/b', { qos: 0 });
    await closed;
    assert.equal(rig.fixture.packetsFromModule('subscribe').length, 1);
    assert.deepEqual(
      rig.fixture.packets().filter((p) => p.packet.cmd === 'suback'),
      [],
    );
    const info = rig.fixture.connections()[0];
    assert.equal(info.closedBy, 'fixture');
    assert.equal(info.closeReason, 'closeOn subscribe');
  } finally {
    await rig.done();
  }
});

test('a module closing its socket is recorded as closedBy module', async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig, { clientId: 'leaver' });
    module.end();
    const info = await rig.fixture.waitForConnectionClosed(() => true, 1000);
    assert.equal(info.closedBy, 'module');
    assert.equal(rig.fixture.packetsFromModule('disconnect').length, 1);
  } finally {
    await rig.done();
  }
});

test('refusingPort gives a loopback port that refuses connections; stopListening refuses new dials', async () => {
  const port = await BrokerFixture.refusingPort();
  const socket = tcpConnect(port, '127.0.0.1');
  assert.equal((await nextEvent<NodeJS.ErrnoException>(socket, 'error')).code, 'ECONNREFUSED');

  const rig = await startRig();
  try {
    await rig.fixture.stopListening();
    const late = tcpConnect(rig.fixture.port, '127.0.0.1');
    assert.equal((await nextEvent<NodeJS.ErrnoException>(late, 'error')).code, 'ECONNREFUSED');
  } finally {
    await rig.done();
  }
});

test('stop() is idempotent and tolerates already-closed sockets', async () => {
  const rig = await startRig();
  const module = await connectModule(rig, { clientId: 'stop' });
  module.end(true);
  await rig.fixture.stop();
  await rig.fixture.stop();
  await rig.done();
});

test('stop() with a module still connected closes it (FIN) and does not wait for the module', async () => {
  const rig = await startRig();
  const module = await connectModule(rig, { clientId: 'lingering' });
  const closed = nextEvent(module, 'close');
  const started = Date.now();
  await rig.fixture.stop();
  await closed;
  // Waiting for the module would wait for ever (it never closes on its own): any bound tells it apart.
  assert.ok(Date.now() - started < 5_000, `stop took ${Date.now() - started} ms`);
  assert.equal(rig.fixture.connections()[0].closedBy, 'fixture');
  await rig.done();
});

test('MQTT 3.1 (MQIsdp, level 3) is recorded and re-encoded in the version the module spoke', async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig, { clientId: 'v31', protocolId: 'MQIsdp', protocolVersion: 3 });
    await module.subscribeAsync('x/y', { qos: 1 });
    assert.match(rig.fixture.packetLog(), /CONNECT MQIsdp\/3 clientId="v31"/);
    assert.match(rig.fixture.packetLog(), /SUBACK messageId=\d+ granted=\[1\]/);
  } finally {
    await rig.done();
  }
});
