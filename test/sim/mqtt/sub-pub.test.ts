import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AedesPublishPacket } from 'aedes';
import { connectClient, makeModule, startBroker } from './helpers';

test('test lines of QMTSUB, QMTUNS, QMTPUBEX', () => {
  const m = makeModule();
  m.at('AT+QMTSUB=?');
  m.at('AT+QMTUNS=?');
  m.at('AT+QMTPUBEX=?');
  assert.deepEqual(m.out.events, [
    'line:+QMTSUB: (0-5),<msgid>,list of ["topic",qos]',
    'OK',
    'line:+QMTUNS: (0-5),<msgid>, list of ["topic"]',
    'OK',
    'line:+QMTPUBEX: (0-5),<msgid>,(0-2),(0,1),"topic","length"',
    'OK',
  ]);
  m.stop();
});

test('QMTSUB with two topics reports the granted vector; QMTUNS reports 0', async () => {
  const broker = await startBroker();
  const subscribed: string[] = [];
  broker.aedes.on('subscribe', (subs) => subscribed.push(...subs.map((s) => `${s.topic}@${s.qos}`)));
  const m = makeModule();
  await connectClient(m, broker.port);
  m.at('AT+QMTSUB=0,0,"a/b",1'); // msgid 0 is out of range for SUBSCRIBE
  m.at('AT+QMTSUB=0,1,"a/b",3'); // qos 3
  assert.deepEqual(m.out.events.slice(-2), ['ERROR', 'ERROR']);
  m.at('AT+QMTSUB=0,1,"topic/example",2,"topic/pub",0');
  assert.equal(await m.out.waitUrc(/^\+QMTSUB: 0,1,/), '+QMTSUB: 0,1,0,2,0');
  assert.deepEqual(subscribed, ['topic/example@2', 'topic/pub@0']);
  m.at('AT+QMTUNS=0,2,"topic/example"');
  assert.equal(await m.out.waitUrc(/^\+QMTUNS: 0,2,/), '+QMTUNS: 0,2,0');
  m.stop();
  await broker.close();
});

test('QMTPUBEX QoS 0, 1 and 2 publish exactly <length> bytes and report +QMTPUBEX: idx,msgid,0', async () => {
  const broker = await startBroker();
  const published: AedesPublishPacket[] = [];
  broker.aedes.on('publish', (packet, client) => {
    if (client) published.push(packet);
  });
  const m = makeModule();
  await connectClient(m, broker.port);
  m.out.clear();
  m.at('AT+QMTPUBEX=0,0,0,0,"topic/pub",30');
  assert.deepEqual(m.out.events, ['prompt:30']);
  m.out.type('This is test data, hello MQTT.EXTRA');
  assert.equal(await m.out.waitUrc(/^\+QMTPUBEX: 0,0,/), '+QMTPUBEX: 0,0,0');
  assert.equal(m.out.events[1], 'OK');
  m.at('AT+QMTPUBEX=0,1,1,1,"topic/q1",5');
  m.out.type('hello');
  assert.equal(await m.out.waitUrc(/^\+QMTPUBEX: 0,1,/), '+QMTPUBEX: 0,1,0');
  m.at('AT+QMTPUBEX=0,2,2,0,"topic/q2",3');
  m.out.type('abc');
  assert.equal(await m.out.waitUrc(/^\+QMTPUBEX: 0,2,/), '+QMTPUBEX: 0,2,0');
  for (let i = 0; published.length < 3 && i < 500; i++) await new Promise((r) => setTimeout(r, 2));
  const summary = published.map((p) => `${p.topic}|${p.qos}|${p.retain}|${p.payload.toString()}`);
  assert.deepEqual(summary, [
    'topic/pub|0|false|This is test data, hello MQTT.',
    'topic/q1|1|true|hello',
    'topic/q2|2|false|abc',
  ]);
  m.stop();
  await broker.close();
});

test('QMTPUBEX parameter checks: msgid 0 with QoS 1, length above 1500 (A28 error), not connected', async () => {
  const broker = await startBroker();
  const m = makeModule();
  m.at('AT+QMTPUBEX=0,0,0,0,"t",5'); // not connected
  await connectClient(m, broker.port);
  m.out.clear();
  m.at('AT+QMTPUBEX=0,0,1,0,"t",5');
  m.at('AT+QMTPUBEX=0,1,0,2,"t",5');
  m.at('AT+QMTPUBEX=0,1,1,0,"t",1501');
  m.at('AT+QMTPUBEX=0,1,1,0,"t/#",5');
  assert.deepEqual(m.out.events, ['ERROR', 'ERROR', 'ERROR', 'ERROR']);
  m.stop();
  await broker.close();
});

test('send/mode hex: the payload is typed as hex text', async () => {
  const broker = await startBroker();
  const payload = new Promise<string>((resolve) =>
    broker.aedes.on('publish', (packet, client) => {
      if (client) resolve(packet.payload.toString('hex'));
    }),
  );
  const m = makeModule();
  m.config[0].sendMode = 1;
  await connectClient(m, broker.port);
  m.at('AT+QMTPUBEX=0,0,0,0,"t",6');
  m.out.type('0aFF10');
  await m.out.waitUrc(/^\+QMTPUBEX: 0,0,0$/);
  assert.equal(await payload, '0aff10');
  m.stop();
  await broker.close();
});
