/**
 * The two fixture methods the connection catalog added: pingSilences (figure 1 T2 as the broker
 * sees it) and connectAs (another client taking the module's client id, spec 3.3.4 note).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from 'mqtt-packet';
import { connectModule, nextEvent, startRig } from '../broker/harness';

test('pingSilences measures the silence before each PINGREQ and reports the CONNECT keep-alive', async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig, { clientId: 'pinger', keepalive: 30 });
    await rig.fixture.waitForPacket((p) => p.packet.cmd === 'connect', 1000);
    await rig.clock.sleep(12_000);
    await module.publishAsync('t', 'traffic');
    await rig.fixture.waitForPacket((p) => p.packet.cmd === 'publish', 1000);
    await rig.clock.sleep(7_000);
    // mqtt.js pings on real time; send the PINGREQ by hand, through mqtt-packet like every packet.
    // The write is real I/O that takes no virtual time: hold the clock until the tap has seen it.
    const release = rig.clock.hold('test PINGREQ');
    try {
      module.stream.write(generate({ cmd: 'pingreq' }));
      await rig.fixture.waitForPacket((p) => p.packet.cmd === 'pingreq', 1000);
    } finally {
      release();
    }
    const silences = rig.fixture.pingSilences();
    assert.equal(silences.length, 1);
    assert.equal(silences[0].keepAliveS, 30);
    assert.equal(silences[0].silenceMs, 7_000, 'silence counts from the PUBLISH, not from CONNECT');
  } finally {
    await rig.done();
  }
});

test('pingSilences is empty while no PINGREQ came', async () => {
  const rig = await startRig();
  try {
    await connectModule(rig, { clientId: 'quiet', keepalive: 30 });
    await rig.clock.sleep(5_000);
    assert.deepEqual(rig.fixture.pingSilences(), []);
  } finally {
    await rig.done();
  }
});

test('connectAs with the module client id makes the broker drop the module (MQTT 3.1.1 §3.1.4)', async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig, { clientId: 'same-id' });
    const closed = nextEvent(module, 'close', 2000);
    await rig.fixture.connectAs('same-id');
    const info = await rig.fixture.waitForConnectionClosed(() => true, 5_000);
    await closed;
    assert.equal(info.closedBy, 'fixture');
    assert.equal(info.clientId, 'same-id');
  } finally {
    await rig.done();
  }
});

test('connectAs with another client id leaves the module connected', async () => {
  const rig = await startRig();
  try {
    await connectModule(rig, { clientId: 'module-id' });
    await rig.fixture.connectAs('someone-else');
    await rig.clock.sleep(1_000);
    assert.equal(rig.fixture.connections()[0].state, 'open');
  } finally {
    await rig.done();
  }
});
