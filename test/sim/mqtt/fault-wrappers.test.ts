/**
 * The fault wrappers outside the protocol code: the URC filter and the outgoing-packet
 * transform. Each fault changes the one report or packet field it names and nothing else.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IConnectPacket, IPublishPacket, Packet } from 'mqtt-packet';
import { VirtualClock } from '../../../src/clock/clock';
import type { FaultId } from '../../../src/sim/faults/catalog';
import { createFaultSet } from '../../../src/sim/faults/fault-set';
import { applyPacketFaults } from '../../../src/sim/faults/packet-faults';
import { withUrcFaults } from '../../../src/sim/faults/urc-faults';
import { NetworkLatency, NO_LATENCY } from '../../../src/sim/network-latency';
import type { MqttEnvironment } from '../../../src/sim/types';
import { FakeOut, makeModule } from './helpers';

/** The URC lines `lines` become with `fault` on (a delayed line is shown with its delay). */
async function filtered(fault: FaultId, lines: string[]): Promise<string[]> {
  const m = makeModule();
  try {
    const out = new FakeOut();
    const clock = new VirtualClock();
    const faults = createFaultSet([fault]);
    const env: MqttEnvironment = { ...m.ctx, latency: new NetworkLatency(NO_LATENCY), clock, out, faults };
    const urc = withUrcFaults(env);
    const start = clock.now();
    const seen: string[] = [];
    out.urc = (text) => seen.push(clock.now() === start ? text : `${text} after ${clock.now() - start} ms`);
    for (const line of lines) urc.urc(line);
    await clock.sleep(200_000); // virtual time: every delayed line has come by then
    clock.stop();
    return seen;
  } finally {
    m.stop();
  }
}

const REPORTS = [
  '+QMTOPEN: 0,0',
  '+QMTOPEN: 0,4',
  '+QMTCLOSE: 0,-1',
  '+QMTCLOSE: 0,0',
  '+QMTCONN: 0,0,0',
  '+QMTDISC: 0,-1',
  '+QMTSUB: 0,1,1,1',
  '+QMTPUBEX: 0,2,0',
  '+QMTSTAT: 0,1',
  '+QMTSTAT: 0,6',
];

test('each URC fault changes only the reports it names', async () => {
  const changed = async (fault: FaultId) => {
    const after = await filtered(fault, REPORTS);
    return REPORTS.filter((line) => !after.includes(line));
  };
  assert.deepEqual(await changed('qmtopen-failures-all-minus-1'), ['+QMTOPEN: 0,4']);
  assert.deepEqual(await changed('qmtopen-result-after-130s'), ['+QMTOPEN: 0,0', '+QMTOPEN: 0,4']);
  assert.deepEqual(await changed('qmtclose-unopened-reports-0'), ['+QMTCLOSE: 0,-1']);
  assert.deepEqual(await changed('qmtdisc-unconnected-reports-0'), ['+QMTDISC: 0,-1']);
  assert.deepEqual(await changed('qmtconn-result-late'), ['+QMTCONN: 0,0,0']);
  assert.deepEqual(await changed('timeout-notice-ignored'), ['+QMTSUB: 0,1,1,1']);
  assert.deepEqual(await changed('qmtstat-always-code-1'), ['+QMTSTAT: 0,6']);
  assert.deepEqual(await changed('qmtstat-missing-on-server-close'), ['+QMTSTAT: 0,1']);
  assert.equal((await changed('urc-comma-space')).length, REPORTS.length);
});

test('the URC faults rewrite, drop and delay as the catalog describes', async () => {
  assert.deepEqual(await filtered('qmtopen-failures-all-minus-1', ['+QMTOPEN: 0,4']), ['+QMTOPEN: 0,-1']);
  assert.deepEqual(await filtered('qmtopen-result-after-130s', ['+QMTOPEN: 0,0']), ['+QMTOPEN: 0,0 after 130000 ms']);
  // pkt_timeout 5 s at power-up: the result comes 1 s after it.
  assert.deepEqual(await filtered('qmtconn-result-late', ['+QMTCONN: 0,0,0']), ['+QMTCONN: 0,0,0 after 6000 ms']);
  assert.deepEqual(await filtered('timeout-notice-ignored', ['+QMTPUBEX: 0,2,1,1']), []);
  assert.deepEqual(await filtered('urc-comma-space', ['+QMTSUB: 0,1,0,2']), ['+QMTSUB: 0, 1, 0, 2']);
});

const CONNECT: IConnectPacket = {
  cmd: 'connect',
  protocolId: 'MQIsdp',
  protocolVersion: 3,
  clientId: 'c',
  clean: false,
  keepalive: 120,
  username: 'u',
  password: Buffer.from('p'),
  will: { topic: 't', payload: Buffer.from('w'), qos: 1, retain: true },
};
const PUBLISH: IPublishPacket = {
  cmd: 'publish',
  topic: 't',
  payload: Buffer.from('x'),
  qos: 1,
  retain: true,
  dup: true,
};

/** The fields of `packet` that `fault` changes, with their new values. */
function changes(fault: FaultId, packet: Packet): Record<string, unknown> | undefined {
  const wire = applyPacketFaults(packet, createFaultSet([fault]));
  if (!wire) return undefined;
  const before = packet as unknown as Record<string, unknown>;
  const after = wire as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return Object.fromEntries(
    [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => [k, after[k]]),
  );
}

test('each packet fault changes one field of the packet it names, and no other packet', () => {
  assert.deepEqual(changes('connect-level4-when-vsn3', CONNECT), { protocolId: 'MQTT', protocolVersion: 4 });
  assert.deepEqual(changes('connect-clean-session-inverted', CONNECT), { clean: true });
  assert.deepEqual(changes('connect-ignores-clean-session', CONNECT), { clean: true });
  assert.deepEqual(changes('connect-keepalive-zero', CONNECT), { keepalive: 0 });
  assert.deepEqual(changes('connect-drops-password', CONNECT), { password: undefined });
  assert.deepEqual(changes('will-retain-dropped', CONNECT), { will: { ...CONNECT.will, retain: false } });
  assert.deepEqual(changes('publish-retain-ignored', PUBLISH), { retain: false });
  assert.deepEqual(changes('retransmit-without-dup', PUBLISH), { dup: false });
  assert.equal(changes('qos1-never-retransmitted', PUBLISH), undefined, 'the QoS 1 resend never goes out');
  assert.deepEqual(changes('qos1-never-retransmitted', { ...PUBLISH, dup: false }), {}, 'the first send does');
  for (const fault of ['publish-retain-ignored', 'retransmit-without-dup', 'subscribe-qos-always-0'] as const) {
    assert.deepEqual(changes(fault, CONNECT), {}, `${fault} leaves CONNECT alone`);
  }
  assert.deepEqual(changes('connect-keepalive-zero', PUBLISH), {}, 'a CONNECT fault leaves PUBLISH alone');
});
