import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectClient, makeModule, startBroker, type Broker } from './helpers';

function inject(broker: Broker, topic: string, payload: string, qos: 0 | 1 | 2 = 0): Promise<void> {
  return new Promise((resolve, reject) =>
    broker.aedes.publish(
      { cmd: 'publish', topic, payload: Buffer.from(payload), qos, retain: false, dup: false },
      (e) => (e ? reject(e) : resolve()),
    ),
  );
}

async function subscribed(m: ReturnType<typeof makeModule>, topic: string, qos: number): Promise<void> {
  m.at(`AT+QMTSUB=0,1,"${topic}",${qos}`);
  await m.out.waitUrc(/^\+QMTSUB: 0,1,0/);
}

test('msg_recv_mode 0: +QMTRECV with length and quoted payload (A33), QoS 1 delivery acked', async () => {
  const broker = await startBroker();
  const m = makeModule();
  m.config[0].msgLenEnable = 1; // as AT+QMTCFG="recv/mode",0,0,1 sets it (the profile's default is 0)
  await connectClient(m, broker.port);
  await subscribed(m, 'topic/example', 1);
  await inject(broker, 'topic/example', 'This is the payload related to topic', 1);
  const line = await m.out.waitUrc(/^\+QMTRECV: /);
  assert.match(line, /^\+QMTRECV: 0,\d+,"topic\/example",36,"This is the payload related to topic"$/);
  assert.notEqual(
    line,
    '+QMTRECV: 0,0,"topic/example",36,"This is the payload related to topic"',
    'QoS 1 carries a packet id',
  );
  m.stop();
  await broker.close();
});

test('msg_len_enable 0 drops the length; the fault drops it even when enabled', async () => {
  const broker = await startBroker();
  const m = makeModule();
  m.config[0].msgLenEnable = 0;
  await connectClient(m, broker.port);
  await subscribed(m, 't', 0);
  await inject(broker, 't', 'x,y');
  assert.equal(await m.out.waitUrc(/^\+QMTRECV: /), '+QMTRECV: 0,0,"t","x,y"');
  m.stop();
  await broker.close();
});

test('msg_recv_mode 1: buffered with +QMTRECV: idx,recv_id, listed by QMTRECV?, read and consumed (A30)', async () => {
  const broker = await startBroker();
  const m = makeModule();
  m.config[0].msgRecvMode = 1;
  m.config[0].msgLenEnable = 1;
  await connectClient(m, broker.port);
  await subscribed(m, 'buf/#', 0);
  await inject(broker, 'buf/a', 'one');
  assert.equal(await m.out.waitUrc(/^\+QMTRECV: 0,0$/), '+QMTRECV: 0,0');
  await inject(broker, 'buf/b', 'two');
  assert.equal(await m.out.waitUrc(/^\+QMTRECV: 0,1$/), '+QMTRECV: 0,1');
  m.out.clear();
  m.at('AT+QMTRECV?');
  assert.deepEqual(m.out.events, ['line:+QMTRECV: 0,1,1,0,0,0', 'OK']);
  m.out.clear();
  m.at('AT+QMTRECV=0,1');
  assert.deepEqual(m.out.events, ['line:+QMTRECV: 0,0,"buf/b",3,"two"', 'OK']);
  m.out.clear();
  m.at('AT+QMTRECV=0');
  m.at('AT+QMTRECV=0');
  assert.deepEqual(m.out.events, ['line:+QMTRECV: 0,0,"buf/a",3,"one"', 'OK', 'OK']);
  m.stop();
  await broker.close();
});

test('msg_recv_mode 1: a sixth message is dropped without URC; AT+QMTRECV needs a connection', async () => {
  const broker = await startBroker();
  const m = makeModule();
  m.config[0].msgRecvMode = 1;
  m.at('AT+QMTRECV=?');
  m.at('AT+QMTRECV?');
  m.at('AT+QMTRECV=0');
  assert.deepEqual(m.out.events, ['OK', 'OK', 'ERROR']);
  await connectClient(m, broker.port);
  await subscribed(m, 'b', 0);
  for (let i = 0; i < 6; i++) await inject(broker, 'b', `m${i}`);
  await m.out.waitUrc(/^\+QMTRECV: 0,4$/);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(m.out.urcs().filter((u) => /^\+QMTRECV: 0,\d$/.test(u)).length, 5);
  m.stop();
  await broker.close();
});
