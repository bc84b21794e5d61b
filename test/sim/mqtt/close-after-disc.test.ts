import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectClient, makeModule, startBroker } from './helpers';

// Reading close-after-disc (src/variants/readings.ts): after a completed AT+QMTDISC, AT+QMTCLOSE
// reports +QMTCLOSE: idx,-1 ("result", the note's wording) or nothing at all ("none", EC200U, docs/field-evidence.md#close-after-disconnect).
for (const [reading, expected] of [
  ['result', ['+QMTCLOSE: 0,-1']],
  ['none', []],
] as const) {
  test(`close-after-disc "${reading}": AT+QMTCLOSE after AT+QMTDISC gives OK and ${expected.length ? expected[0] : 'no URC'}`, async () => {
    const broker = await startBroker();
    const m = makeModule('EC200N-CN', { 'close-after-disc': reading });
    await connectClient(m, broker.port, 0, `cad-${reading}`);
    m.at('AT+QMTDISC=0');
    await m.out.waitUrc(/^\+QMTDISC: 0,0$/, 10_000);
    m.out.clear();
    m.at('AT+QMTCLOSE=0');
    await m.clock.sleep(3000);
    assert.deepEqual(m.out.events, ['OK', ...expected.map((u) => `urc:${u}`)]);
    // A client that was never opened still gets its -1 under either reading.
    m.out.clear();
    m.at('AT+QMTCLOSE=1');
    await m.out.waitUrc(/^\+QMTCLOSE: 1,-1$/);
    // After a new open and close the network result is back.
    m.out.clear();
    m.at(`AT+QMTOPEN=0,"127.0.0.1",${broker.port}`);
    await m.out.waitUrc(/^\+QMTOPEN: 0,0$/);
    m.at('AT+QMTCLOSE=0');
    await m.out.waitUrc(/^\+QMTCLOSE: 0,0$/);
    m.stop();
    await broker.close();
  });
}
