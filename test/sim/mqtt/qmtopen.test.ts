import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closedPort, makeModule, startBroker } from './helpers';

test('AT+QMTOPEN=? prints the spec ranges', () => {
  const m = makeModule();
  m.at('AT+QMTOPEN=?');
  assert.deepEqual(m.out.events, ['line:+QMTOPEN: (0-5),"hostname",(1-65535)', 'OK']);
  m.stop();
});

test('QMTOPEN result 0 on a real broker, listed by QMTOPEN? with the host quoted (A22)', async () => {
  const broker = await startBroker();
  const m = makeModule();
  m.at(`AT+QMTOPEN=0,"broker.test",${broker.port}`);
  assert.deepEqual(m.out.events, ['OK']);
  assert.equal(await m.out.waitUrc(/^\+QMTOPEN: 0,/), '+QMTOPEN: 0,0');
  assert.equal(m.mqtt.hasConnection(0), true);
  m.out.clear();
  m.at('AT+QMTOPEN?');
  assert.deepEqual(m.out.events, [`line:+QMTOPEN: 0,"broker.test",${broker.port}`, 'OK']);
  m.stop();
  await broker.close();
});

test('QMTOPEN result 2 when the client is already open', async () => {
  const broker = await startBroker();
  const m = makeModule();
  m.at(`AT+QMTOPEN=1,"127.0.0.1",${broker.port}`);
  await m.out.waitUrc(/^\+QMTOPEN: 1,0$/);
  m.at(`AT+QMTOPEN=1,"127.0.0.1",${broker.port}`);
  assert.equal(await m.out.waitUrc(/^\+QMTOPEN: 1,[^0]/), '+QMTOPEN: 1,2');
  m.stop();
  await broker.close();
});

test('QMTOPEN result -1 when the connection is refused, and 0 under the fault', async () => {
  const port = await closedPort();
  const m = makeModule();
  m.at(`AT+QMTOPEN=0,"127.0.0.1",${port}`);
  assert.equal(await m.out.waitUrc(/^\+QMTOPEN: 0,/), '+QMTOPEN: 0,-1');
  assert.equal(m.mqtt.hasConnection(0), false);
  m.faults.on.add('open-refused-reports-success');
  m.at(`AT+QMTOPEN=2,"127.0.0.1",${port}`);
  assert.equal(await m.out.waitUrc(/^\+QMTOPEN: 2,/), '+QMTOPEN: 2,0');
  m.stop();
});

test('QMTOPEN result 4 for a name that does not resolve, 5 for an off-machine address, 3 for cid 2', async () => {
  const m = makeModule();
  m.at('AT+QMTOPEN=0,"nowhere.invalid",1883');
  assert.equal(await m.out.waitUrc(/^\+QMTOPEN: 0,/), '+QMTOPEN: 0,4');
  m.at('AT+QMTOPEN=1,"far.test",1883');
  assert.equal(await m.out.waitUrc(/^\+QMTOPEN: 1,/), '+QMTOPEN: 1,5');
  m.config[2].cid = 2;
  m.at('AT+QMTOPEN=2,"127.0.0.1",1883');
  assert.equal(await m.out.waitUrc(/^\+QMTOPEN: 2,/), '+QMTOPEN: 2,3');
  // Reading open-bad-host: EC200N-CN declares 4 for a host name that is no name.
  m.at('AT+QMTOPEN=3,"bad host!",1883');
  assert.equal(await m.out.waitUrc(/^\+QMTOPEN: 3,/), '+QMTOPEN: 3,4');
  m.stop();
});

test('QMTOPEN with a host name that is no name follows the profile reading open-bad-host', async () => {
  for (const [value, expected] of [
    ['1', '+QMTOPEN: 0,1'],
    ['-1', '+QMTOPEN: 0,-1'],
    ['4', '+QMTOPEN: 0,4'],
  ] as const) {
    const m = makeModule('EC200N-CN', { 'open-bad-host': value });
    m.at('AT+QMTOPEN=0,"bad host!",1883');
    assert.equal(await m.out.waitUrc(/^\+QMTOPEN: 0,/), expected, value);
    m.stop();
  }
  const m = makeModule('EC200N-CN', { 'open-bad-host': 'error' });
  m.at('AT+QMTOPEN=0,"bad host!",1883');
  assert.deepEqual(m.out.events, ['ERROR']);
  m.stop();
});

test('QMTOPEN parameter errors answer ERROR with no URC', () => {
  const m = makeModule();
  for (const line of [
    'AT+QMTOPEN=6,"127.0.0.1",1883',
    'AT+QMTOPEN=-1,"127.0.0.1",1883',
    'AT+QMTOPEN=0,"127.0.0.1",0',
    'AT+QMTOPEN=0,"127.0.0.1",65536',
    `AT+QMTOPEN=0,"${'a'.repeat(101)}",1883`,
    'AT+QMTOPEN=0,"127.0.0.1"',
  ]) {
    m.out.clear();
    m.at(line);
    assert.deepEqual(m.out.events, ['ERROR'], line);
  }
  m.stop();
});

test('QMTCLOSE closes the network (0), and reports -1 when nothing is open', async () => {
  const broker = await startBroker();
  const m = makeModule();
  m.at('AT+QMTCLOSE=?');
  assert.deepEqual(m.out.events, ['line:+QMTCLOSE: (0-5)', 'OK']);
  m.at('AT+QMTCLOSE=4');
  assert.equal(await m.out.waitUrc(/^\+QMTCLOSE: 4,/), '+QMTCLOSE: 4,-1');
  m.at(`AT+QMTOPEN=0,"127.0.0.1",${broker.port}`);
  await m.out.waitUrc(/^\+QMTOPEN: 0,0$/);
  m.at('AT+QMTCLOSE=0');
  assert.equal(await m.out.waitUrc(/^\+QMTCLOSE: 0,/), '+QMTCLOSE: 0,0');
  assert.equal(m.mqtt.hasConnection(0), false);
  m.stop();
  await broker.close();
});
