/**
 * rfc2217:// ports: the transport negotiates the UART (baud, 8N1, DTR/RTS) with an RFC 2217
 * server, doubles 0xFF in data both ways, and fails in one line against a server without
 * RFC 2217. Then the suite runs against the simulator behind a local RFC 2217 listener.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Rfc2217Transport, TelnetReader, escapeIac } from '../../src/at/rfc2217-transport';
import { RealClock } from '../../src/clock/clock';
import { createSimulatedModule } from '../../src/sim';
import { findVariant } from '../../src/variants/catalog';
import { resultStatuses, tempDir } from '../e2e/helpers';
import { runQmtAsync } from '../e2e/rig-in-a-box';
import { startRfc2217Listener } from './rfc2217-listener';

test('the transport sets baud 115200, 8N1, no flow control, DTR and RTS on, and waits for the server to confirm', async () => {
  const listener = await startRfc2217Listener();
  const transport = new Rfc2217Transport(listener.url, 115200);
  try {
    await transport.open();
    assert.equal(listener.settings.offered, true);
    assert.equal(listener.settings.baud, 115200);
    assert.deepEqual([listener.settings.dataSize, listener.settings.parity, listener.settings.stopSize], [8, 1, 1]);
    assert.deepEqual(listener.settings.control, [1, 8, 11]);
    assert.equal(transport.confirmed.get(1), 115200);
  } finally {
    await transport.close();
    await listener.close();
  }
});

test('0xFF in data travels doubled on the wire and arrives single, both ways', async () => {
  const listener = await startRfc2217Listener(); // echo
  const transport = new Rfc2217Transport(listener.url, 9600);
  const got: Buffer[] = [];
  transport.onData((d) => got.push(d));
  try {
    await transport.open();
    const payload = Buffer.from([0x41, 0xff, 0x42, 0xff, 0xff, 0x0d]);
    await transport.write(payload);
    const deadline = Date.now() + 2_000;
    while (Buffer.concat(got).length < payload.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(Buffer.concat(listener.received), payload);
    assert.deepEqual(Buffer.concat(got), payload);
  } finally {
    await transport.close();
    await listener.close();
  }
});

test('the telnet reader keeps state across chunk boundaries', () => {
  const data: number[] = [];
  const subs: Buffer[] = [];
  const reader = new TelnetReader(
    (d) => data.push(...d),
    () => {},
    (p) => subs.push(p),
  );
  const wire = Buffer.concat([
    Buffer.from('OK'),
    Buffer.from([0xff, 0xff, 0xff, 250, 44, 101, 0, 1, 0xc2, 0, 0xff, 240]),
    Buffer.from('\r\n'),
  ]);
  for (const byte of wire) reader.feed(Buffer.from([byte]));
  assert.deepEqual(Buffer.from(data), Buffer.from([0x4f, 0x4b, 0xff, 0x0d, 0x0a]));
  assert.deepEqual(subs, [Buffer.from([44, 101, 0, 1, 0xc2, 0])]);
  assert.deepEqual(escapeIac(Buffer.from([1, 0xff])), Buffer.from([1, 0xff, 0xff]));
});

test('a server without RFC 2217 is refused in one line', async () => {
  const listener = await startRfc2217Listener({ refuse: true });
  const transport = new Rfc2217Transport(listener.url, 115200, 2_000);
  try {
    await assert.rejects(transport.open(), /refuses the RFC 2217 COM-PORT-OPTION/);
  } finally {
    await listener.close();
  }
});

test(
  'qmt run --port rfc2217:// passes against the simulator behind an RFC 2217 listener',
  { timeout: 120_000 },
  async () => {
    const module = createSimulatedModule({ variant: findVariant('EC200N-CN'), clock: new RealClock() });
    const listener = await startRfc2217Listener({ attach: (uart) => module.attach(uart) });
    try {
      const results = path.join(tempDir('qmt-rfc2217-'), 'results');
      // Not spawnSync: the listener lives in this process and must keep serving.
      const run = runQmtAsync([
        'run',
        '--port',
        listener.url,
        '--tags',
        '@spec:5.1',
        '--results',
        results,
        '--no-report',
      ]);
      const { status, output } = await run.done;
      assert.equal(status, 0, output);
      assert.equal(listener.settings.baud, 115200);
      assert.deepEqual([...new Set(resultStatuses(results))], ['passed']);
    } finally {
      await listener.close();
      module.close();
    }
  },
);
