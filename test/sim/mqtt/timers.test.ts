import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IPublishPacket } from 'mqtt-packet';
import { connectClient, makeModule, startBroker, startSilentServer } from './helpers';

test('T1: an unacknowledged QoS 1 PUBLISH is resent with DUP, notices each retry, then gives up with +QMTSTAT 6', async () => {
  const server = await startSilentServer();
  const m = makeModule();
  m.config[0].timeoutNotice = 1;
  await connectClient(m, server.port);
  const wallStart = Date.now();
  m.at('AT+QMTPUBEX=0,7,1,0,"t",2');
  m.out.type('hi');
  assert.equal(await m.out.waitUrc(/^\+QMTPUBEX: 0,7,2$/), '+QMTPUBEX: 0,7,2');
  assert.equal(await m.out.waitUrc(/^\+QMTSTAT: 0,/), '+QMTSTAT: 0,6');
  const notices = m.out.urcs().filter((u) => u.startsWith('+QMTPUBEX: 0,7,1,'));
  assert.deepEqual(notices, ['+QMTPUBEX: 0,7,1,1', '+QMTPUBEX: 0,7,1,2', '+QMTPUBEX: 0,7,1,3']);
  const publishes = server.packets.filter((p): p is IPublishPacket => p.cmd === 'publish');
  assert.deepEqual(
    publishes.map((p) => p.dup),
    [false, true, true, true],
  ); // A20 "after-first": 1 + 3
  assert.equal(m.clock.now(), 4 * 5000, 'gives up after 4 x pkt_timeout of virtual time');
  assert.ok(Date.now() - wallStart < 2500, 'virtual time, not wall time');
  m.stop();
  await server.close();
});

test('T1 faults: no DUP on retransmission; timeout_notice ignored', async () => {
  const server = await startSilentServer();
  const m = makeModule();
  m.config[0].timeoutNotice = 1;
  m.config[0].retryTimes = 1;
  m.faults.on.add('retransmit-without-dup');
  m.faults.on.add('timeout-notice-ignored');
  await connectClient(m, server.port);
  m.at('AT+QMTSUB=0,3,"a",1');
  await m.out.waitUrc(/^\+QMTSUB: 0,3,2$/);
  assert.ok(!m.out.urcs().some((u) => u.startsWith('+QMTSUB: 0,3,1')));
  m.out.clear();
  m.at('AT+QMTOPEN=0,"127.0.0.1",' + server.port);
  await m.out.waitUrc(/^\+QMTOPEN: 0,0$/);
  m.at('AT+QMTCONN=0,"again"');
  await m.out.waitUrc(/^\+QMTCONN: 0,0,0$/);
  m.at('AT+QMTPUBEX=0,4,1,0,"t",1');
  m.out.type('x');
  await m.out.waitUrc(/^\+QMTPUBEX: 0,4,2$/);
  const dups = server.packets.filter((p): p is IPublishPacket => p.cmd === 'publish').map((p) => p.dup);
  assert.deepEqual(dups, [false, false]);
  m.stop();
  await server.close();
});

test('A3 excep1: no CONNACK within pkt_timeout closes the link with +QMTSTAT: idx,4', async () => {
  const server = await startSilentServer();
  const m = makeModule();
  m.at(`AT+QMTOPEN=0,"127.0.0.1",${server.port}`);
  await m.out.waitUrc(/^\+QMTOPEN: 0,0$/);
  server.sockets[0].removeAllListeners('data'); // the server goes quiet: no CONNACK
  m.at('AT+QMTCONN=0,"c"');
  assert.equal(await m.out.waitUrc(/^\+QMT(STAT|CONN): 0,/), '+QMTSTAT: 0,4');
  assert.equal(m.clock.now(), 5000);
  m.stop();
  await server.close();
});

test('T2: PINGREQ after 120 virtual seconds of silence, not waited on the wall clock', async () => {
  const broker = await startBroker();
  const m = makeModule();
  await connectClient(m, broker.port);
  const start = m.clock.now();
  const wallStart = Date.now();
  const pinged = new Promise<number>((resolve) => broker.aedes.once('ping', () => resolve(m.clock.now())));
  const at = await pinged;
  assert.equal(at - start, 120_000);
  // A tenth of the virtual span: waiting on the wall clock would take all of it, on any load.
  assert.ok(Date.now() - wallStart < 12_000, `took ${Date.now() - wallStart} ms of wall time`);
  m.stop();
  await broker.close();
});

test('T2: no PINGRESP within qmtping_interval → +QMTPING: idx,1 and +QMTSTAT: idx,2', async () => {
  const server = await startSilentServer();
  const m = makeModule();
  m.config[0].keepAlive = 30;
  await connectClient(m, server.port);
  const start = m.clock.now();
  assert.equal(await m.out.waitUrc(/^\+QMTSTAT: 0,/), '+QMTSTAT: 0,2');
  assert.ok(m.out.urcs().includes('+QMTPING: 0,1'));
  assert.equal(m.clock.now() - start, 30_000 + 5_000);
  assert.equal(server.packets.filter((p) => p.cmd === 'pingreq').length, 1);
  m.stop();
  await server.close();
});
