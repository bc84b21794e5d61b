import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConnectPacket } from 'aedes';
import { connectClient, makeModule, startBroker } from './helpers';

test('QMTCONN sends the configured CONNECT and reports +QMTCONN: idx,0,0', async () => {
  const broker = await startBroker();
  const seen: ConnectPacket[] = [];
  broker.aedes.preConnect = (_client, packet, done) => {
    seen.push(packet);
    done(null, true);
  };
  const m = makeModule();
  m.config[0].keepAlive = 77;
  m.config[0].cleanSession = 0;
  m.config[0].will = { flag: 1, qos: 1, retain: 1, topic: 'will/t', message: Buffer.from('bye') };
  m.at('AT+QMTCONN=?');
  assert.deepEqual(m.out.events, ['line:+QMTCONN: (0-5),"clientid","username","password"', 'OK']);
  m.at(`AT+QMTOPEN=0,"127.0.0.1",${broker.port}`);
  await m.out.waitUrc(/^\+QMTOPEN: 0,0$/);
  m.out.clear();
  m.at('AT+QMTCONN?');
  assert.deepEqual(m.out.events, ['line:+QMTCONN: 0,1', 'OK']);
  m.at('AT+QMTCONN=0,"dev-1","user","secret"');
  assert.equal(await m.out.waitUrc(/^\+QMTCONN: 0,/), '+QMTCONN: 0,0,0');
  const c = seen[0];
  assert.equal(c.clientId, 'dev-1');
  assert.equal(c.protocolId, 'MQTT');
  assert.equal(c.protocolVersion, 4);
  assert.equal(c.keepalive, 77);
  assert.equal(c.clean, false);
  assert.equal(c.username, 'user');
  assert.equal(String(c.password), 'secret');
  assert.equal(c.will?.topic, 'will/t');
  assert.equal(c.will?.qos, 1);
  assert.equal(c.will?.retain, true);
  m.out.clear();
  m.at('AT+QMTCONN?');
  assert.deepEqual(m.out.events, ['line:+QMTCONN: 0,3', 'OK']);
  m.stop();
  await broker.close();
});

test('vsn 3 gives MQIsdp level 3; the fault sends level 4', async () => {
  const broker = await startBroker();
  const levels: number[] = [];
  broker.aedes.preConnect = (_client, packet, done) => {
    levels.push(packet.protocolVersion ?? 0);
    done(null, true);
  };
  const m = makeModule();
  m.config[0].vsn = 3;
  m.config[1].vsn = 3;
  await connectClient(m, broker.port, 0, 'a');
  m.faults.on.add('connect-level4-when-vsn3');
  await connectClient(m, broker.port, 1, 'b');
  assert.deepEqual(levels, [3, 4]);
  m.stop();
  await broker.close();
});

test('a refused CONNACK is reported as its ret_code; the server close then gives +QMTSTAT: idx,1', async () => {
  const broker = await startBroker();
  broker.aedes.authenticate = (_client, _u, _p, done) => {
    const error = Object.assign(new Error('bad'), { returnCode: 4 });
    done(error as never, false);
  };
  const m = makeModule();
  m.at(`AT+QMTOPEN=0,"127.0.0.1",${broker.port}`);
  await m.out.waitUrc(/^\+QMTOPEN: 0,0$/);
  m.at('AT+QMTCONN=0,"x","u","wrong"');
  assert.equal(await m.out.waitUrc(/^\+QMTCONN: 0,/), '+QMTCONN: 0,0,4');
  assert.equal(await m.out.waitUrc(/^\+QMTSTAT: 0,/), '+QMTSTAT: 0,1');
  assert.equal(m.mqtt.hasConnection(0), false);
  m.stop();
  await broker.close();
});

test('QMTCONN without an open network, and with a lone user name, answers ERROR', () => {
  const m = makeModule();
  m.at('AT+QMTCONN=0,"x"');
  m.at('AT+QMTCONN=0,"x","user"');
  m.at('AT+QMTCONN=6,"x"');
  assert.deepEqual(m.out.events, ['ERROR', 'ERROR', 'ERROR']);
  m.stop();
});

test('QMTDISC sends DISCONNECT and reports 0 once the server closes (disc-stat "5": +QMTSTAT 5, spec 4.1); -1 when not connected', async () => {
  const broker = await startBroker();
  const m = makeModule('EC200N-CN', { 'disc-stat': '5', 'disc-state': '4' });
  m.at('AT+QMTDISC=?');
  assert.deepEqual(m.out.events, ['line:+QMTDISC: (0-5)', 'OK']);
  m.at('AT+QMTDISC=3');
  assert.equal(await m.out.waitUrc(/^\+QMTDISC: 3,/), '+QMTDISC: 3,-1');
  await connectClient(m, broker.port);
  const disconnected = new Promise<void>((resolve) => broker.aedes.once('clientDisconnect', () => resolve()));
  m.at('AT+QMTDISC=0');
  assert.equal(await m.out.waitUrc(/^\+QMTDISC: 0,/), '+QMTDISC: 0,0');
  await disconnected;
  assert.equal(m.mqtt.hasConnection(0), false);
  // Aedes closes the connection on DISCONNECT: table 4 code 5, "a normal process".
  assert.deepEqual(
    m.out.urcs().filter((u) => u.startsWith('+QMTSTAT')),
    ['+QMTSTAT: 0,5'],
  );
  m.stop();
  await broker.close();
});

test('the broker dropping a connected client gives +QMTSTAT: idx,1', async () => {
  const broker = await startBroker();
  const m = makeModule();
  await connectClient(m, broker.port);
  for (const client of Object.values(
    (broker.aedes as unknown as { clients: Record<string, { close(): void }> }).clients,
  ))
    client.close();
  assert.equal(await m.out.waitUrc(/^\+QMTSTAT: 0,/), '+QMTSTAT: 0,1');
  m.stop();
  await broker.close();
});
