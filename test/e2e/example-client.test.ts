/**
 * The example host client (examples/mqtt-client) against a plain `qmt-sim --pty`,
 * whose defaults follow the EC200U of docs/field-evidence.md: echo on at power-up, the prompt framed `\r\n> `, no
 * length in +QMTRECV, no +QMTCLOSE after AT+QMTDISC, and the field latency. What a user does to test
 * their own host code against the simulator.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSmokeFlow } from '../../examples/mqtt-client/client';
import { startBroker } from '../sim/mqtt/helpers';
import { startSimulator } from './helpers';

test(
  'the example client runs its whole flow against qmt-sim --pty with echo on, the framed prompt and field latency',
  { timeout: 120_000 },
  async () => {
    const broker = await startBroker();
    // The one e2e test that keeps the field latency end to end (the others run with --latency off).
    const { child, where } = await startSimulator(['--pty', '--latency', 'field']);
    try {
      const result = await runSmokeFlow({
        device: where,
        brokerHost: '127.0.0.1',
        brokerPort: broker.port,
        payload: 'temp=21.5,unit="C"',
      });
      assert.deepEqual(result.received, { topic: 'example/mcu/echo', payload: 'temp=21.5,unit="C"' });
      // The module really behaved as configured: echo on, no length in +QMTRECV.
      assert.ok(result.log.includes('AT+QMTSUB=0,1,"example/mcu/echo",1'), 'echo on: the command came back');
      assert.ok(
        result.log.some((l) => /^\+QMTRECV: 0,\d+,"example\/mcu\/echo","temp=21\.5,unit="C""$/.test(l)),
        result.log.join('\n'),
      );
      assert.ok(!result.log.some((l) => l.startsWith('+QMTCLOSE:')), 'no +QMTCLOSE after AT+QMTDISC');
      // Latency on: every result that waits for the server came well after its OK (150-900 ms per
      // packet; AT+QMTOPEN twice). AT+QMTDISC waits for nothing: the module sends DISCONNECT and
      // closes its network (docs/field-evidence.md#close-after-disconnect: EC200U tears the connection down), so its result is prompt.
      for (const name of ['open', 'connect', 'subscribe', 'publish']) {
        assert.ok((result.afterOkMs[name] ?? 0) >= 100, `${name}: result ${result.afterOkMs[name]} ms after OK`);
      }
      assert.ok(result.afterOkMs.open >= 250, `open: ${result.afterOkMs.open} ms`);
    } finally {
      child.kill('SIGTERM');
      await broker.close();
    }
  },
);
