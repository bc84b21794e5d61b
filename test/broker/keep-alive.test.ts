import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectModule, nextEvent, startRig } from './harness';

test('enforceKeepAlive drops a silent module after 1.5 x keep-alive of virtual time, without waiting it on the wall clock', async () => {
  const rig = await startRig();
  try {
    rig.fixture.enforceKeepAlive(true);
    const started = Date.now();
    const module = await connectModule(rig, { clientId: 'silent', keepalive: 120 }); // mqtt.js pings on real time: never, here
    const connectedAt = rig.clock.now();
    const closed = nextEvent(module, 'close', 2000);
    const info = await rig.fixture.waitForConnectionClosed((c) => c.clientId === 'silent', 200_000);
    await closed;
    // Waiting on the wall clock would take the 180 s; a tenth of it tells the two apart on any load.
    assert.ok(Date.now() - started < 18_000, `took ${Date.now() - started} ms of wall time`);
    assert.equal(info.closedBy, 'fixture');
    assert.match(info.closeReason ?? '', /keep-alive/);
    assert.equal((info.closedAt ?? 0) - connectedAt, 180_000);
  } finally {
    await rig.done();
  }
});

test('traffic from the module restarts the keep-alive window; without enforcement nothing is dropped', async () => {
  const rig = await startRig();
  try {
    const module = await connectModule(rig, { clientId: 'chatty', keepalive: 10 });
    await rig.clock.sleep(60_000); // not enforced: stays open
    assert.equal(rig.fixture.connections()[0].state, 'open');

    rig.fixture.enforceKeepAlive(true); // window starts now: 15 s
    await rig.clock.sleep(10_000);
    await module.publishAsync('t', 'still here'); // restarts the window at +10 s
    await rig.fixture.waitForPacket((p) => p.packet.cmd === 'publish', 1000);
    const lastTraffic = rig.clock.now();
    await rig.clock.sleep(14_000);
    assert.equal(rig.fixture.connections()[0].state, 'open', 'dropped before 1.5 x keep-alive of silence');
    const info = await rig.fixture.waitForConnectionClosed(() => true, 10_000);
    assert.equal((info.closedAt ?? 0) - lastTraffic, 15_000);
  } finally {
    await rig.done();
  }
});
